package org.trialsim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.random.SplitMix64Stream;

/**
 * The random-number floor of an interfant-21 patient: only the stream re-seeds and draws an average
 * patient makes, with none of the pathway's logic. Run it beside {@code CohortBenchmark.engine} to see
 * how many times that limit the engine takes (compare the two in one run; the machine is shared).
 *
 * <p>The pattern is interfant-21's average per patient, counted over patients 0–199,999 (seed 1) by an
 * instrumented copy of the engine that reproduced its outcomes exactly (2026-11-21): one mix of the
 * patient index, 14.0 re-seeded streams, 15.7 uniforms, 1.55 exponentials and 2.6 gaussians, about
 * 20 draws in all. Re-seeds and draws go through the engine's own generator (a re-seeded
 * {@link SplitMix64Stream} with Commons RNG's Ziggurat samplers), in a fixed order: 12 streams of one
 * uniform (covariates, MRD at enrolment, blocks without an MRD model); one stream of four uniforms, an
 * exponential and two gaussians; and for every other patient one more stream with an exponential
 * and a gaussian.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'RandomFloorBenchmark|CohortBenchmark.engine' -p protocol=interfant-21 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RandomFloorBenchmark {
    static final int BATCH = 100_000;
    private static final int STREAMS = 14;

    private final SplitMix64Stream stream = new SplitMix64Stream();
    private final ContinuousSampler exponential = ZigguratSampler.Exponential.of(stream);
    private final NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(stream);
    private final long[] keys = new long[STREAMS];
    private long next;

    public RandomFloorBenchmark() {
        RandomStreams streams = new RandomStreams(1);
        for (int i = 0; i < STREAMS; i++) {
            keys[i] = streams.key(RandomStreams.purpose("floor:" + i));
        }
    }

    /** Patients per second when a patient is only its random numbers. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double randomNumbersOfAPatient() {
        double sum = 0;
        for (int i = 0; i < BATCH; i++) {
            long patient = next++;
            long mixed = RandomStreams.mix(patient);
            for (int k = 0; k < 12; k++) {
                stream.reset(RandomStreams.shortSeed(keys[k], mixed));
                sum += stream.nextDouble();
            }
            stream.reset(RandomStreams.shortSeed(keys[12], mixed));
            sum += stream.nextDouble() + stream.nextDouble() + stream.nextDouble() + stream.nextDouble();
            sum += exponential.sample() + gaussian.sample() + gaussian.sample();
            if ((patient & 1) == 0) {
                stream.reset(RandomStreams.shortSeed(keys[13], mixed));
                sum += exponential.sample() + gaussian.sample();
            }
        }
        return sum;
    }
}
