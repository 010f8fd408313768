package org.trialsim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortSimulation;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.PatientSimulator;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.Progress;

/**
 * Virtual patients per second through a protocol: the engine alone (one thread), a whole cohort run
 * with its statistics on one thread, and the same run on two threads. Scores are patients per second
 * (each invocation simulates a fixed batch; JMH divides by it).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CohortBenchmark -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>{@code engine} reads only each patient's death time; the cohort benchmarks read what the
 * statistics read (every MRD measured, every endpoint). A change that defers work until a value is read
 * can gain in {@code engine} what it loses in {@code cohortOneThread}: judge it by both.
 *
 * <p>Where an interfant-21 patient's time goes (engine alone). Per patient: 14.0 re-seeded streams,
 * 17.4 conditions tested by the engine, 4.45 state changes followed by the two hazard clocks (1.92 of
 * them changing the rule in force), 3.28 blocks, 1.62 decisions, 2.04 {@code Math.pow} and 0.68
 * {@code Math.log10} (about 15 and 7 ns each here; counted by an instrumented copy over patients 0 to
 * 999,999, seed 1, on 2026-12-04; the changes since moved no draw). A JFR profile of 2026-12-05 (25 s,
 * 4,426 samples, after issue 12's engine changes) splits it: covariates and MRD at enrolment 21%
 * (eight re-seeded streams, the histogram of age, the log-normal white cell count and its
 * {@code pow}), hazard clocks 20% (choosing the rule in force, its cumulative hazard and inverse),
 * blocks 14% (stream, death and toxicity draws, state changes), MRD response and assessments 10%,
 * decisions 6%, node dispatch 6%, eligibility 5%, the start of the two clocks 3%, initial risk group
 * 3%, the patient's start (state copied from a template, outcome reset) 2%, events after relapse 1%,
 * the benchmark's loop 7%. JFR all but misses the time inside {@code Math.pow} (a loop spending 85% of
 * its CPU time there got 21% of the samples), so the pow-bearing parts are larger than they look.
 *
 * <p>Tried, timed with {@link PairedCpuTime} (both builds in one JVM, call by call), and kept when
 * byte-identical and faster: the state copied from a template instead of a fill and four loops, and a
 * piecewise hazard's interval found by a scan of its few breakpoints instead of a binary search (1.10
 * times the patients per processor second); two-level covariates by one comparison (with those, 1.08-1.14
 * in three paired runs). Not kept: every condition flattened into one branch program (interval tests
 * with jumps, no switch on the operator; 0.79-0.88: the JIT compiles the tree's {@code Check.holds}
 * separately at each call site, where the one shared loop mispredicts its jumps), and following only
 * the hazard clock whose slots changed (0.98 on aall1331). Profile with {@code -prof jfr} (then {@code
 * jfr print --events jdk.ExecutionSample}), count allocation with {@code -prof gc}; on a shared
 * machine, compare two builds with {@link PairedCpuTime} rather than trusting one score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CohortBenchmark {
    static final int BATCH = 100_000;

    @Param({"interfant-21", "aall1331"})
    public String protocol;

    private CompiledProtocol compiled;
    private LoadedProtocol loaded;
    private PatientSimulator simulator;
    private ArmPolicy[] policies;
    private long next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        loaded = BuiltinProtocols.load(protocol);
        compiled = CompiledProtocol.of(loaded);
        simulator = new PatientSimulator(compiled, new RandomStreams(1));
        policies = new ArmPolicy[compiled.arms().size()];
        for (int a = 0; a < policies.length; a++) {
            policies[a] = ArmPolicy.forced(a);
        }
    }

    /** The engine alone: one patient after another on one thread, each arm in turn. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void engine(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            long patient = next++;
            PatientOutcome o = simulator.simulate(patient, policies[(int) (patient % policies.length)]);
            bh.consume(o.deathTime());
        }
    }

    /** A cohort run on one thread: engine, statistics for every arm, and the result. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object cohortOneThread() {
        return new CohortSimulation(compiled).run(new CohortOptions(BATCH / policies.length, 1, 1, null), Progress.NONE);
    }

    /** The same run on two threads. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object cohortTwoThreads() {
        return new CohortSimulation(compiled).run(new CohortOptions(BATCH / policies.length, 1, 2, null), Progress.NONE);
    }
}
