package org.trialsim.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * Simulated trials per second: arrivals, every patient's pathway, allocation, the data cuts and the
 * analyses of each replicate, and the summary of all of them. Run under the null hypothesis, so that the
 * one large trial that estimates the true effect under the alternative (about 200,000 patients, once
 * per run) does not blur the per-replicate cost. Scores are replicates per second.
 *
 * <ul>
 *   <li>{@code examples/two-arm-exponential.yaml}: 220 patients, one log-rank test at 120 events (the
 *       design of benchmarks/compare-rpact.sh; run from the repository root);</li>
 *   <li>{@code aall1331}: 670 patients through the relapse pathway, two randomized comparisons with
 *       log-rank and Cox analyses 12 months after the last enrolment.</li>
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar TrialBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrialBenchmark {
    static final int REPLICATES = 400;

    @Param({"examples/two-arm-exponential.yaml", "aall1331"})
    public String protocol;

    private TrialSimulation simulation;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        LoadedProtocol loaded = Files.exists(Path.of(protocol)) ? new ProtocolReader().read(Path.of(protocol))
                : BuiltinProtocols.load(protocol);
        simulation = new TrialSimulation(CompiledProtocol.of(loaded), Registry.builtIns());
    }

    /** Replicates on one thread. */
    @Benchmark
    @OperationsPerInvocation(REPLICATES)
    public TrialResult oneThread() {
        return simulation.run(new TrialOptions(REPLICATES, 1, 1, true), Progress.NONE);
    }

    /** The same replicates on two threads. */
    @Benchmark
    @OperationsPerInvocation(REPLICATES)
    public TrialResult twoThreads() {
        return simulation.run(new TrialOptions(REPLICATES, 1, 2, true), Progress.NONE);
    }
}
