package org.trialsim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trialsim.protocol.Design.Escalation.WhenFull;
import org.trialsim.simulator.design.escalation.EscalationDesign;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.design.escalation.EscalationSimulation;

/**
 * 10^4 calendar-time dose-escalation trials per design on one thread, fixed seed, with the issue's
 * example DLT probabilities 0.05, 0.10, 0.25, 0.40 (exponential arrivals 10 days apart on average,
 * 28-day window). The issue asks for about a second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EscalationBenchmark {
    /** rolling-six, three-plus-three, or both on the same patients. */
    @Param({"rolling-six", "three-plus-three", "both"})
    public String designs;

    /** lost or wait. */
    @Param({"LOST", "WAIT"})
    public WhenFull whenFull;

    @Param({"10000"})
    public int replicates;

    private EscalationSimulation simulation;

    @Setup
    public void setUp() {
        EscalationDesign[] chosen = switch (designs) {
            case "rolling-six" -> new EscalationDesign[] {EscalationDesign.ROLLING_SIX};
            case "three-plus-three" -> new EscalationDesign[] {EscalationDesign.THREE_PLUS_THREE};
            default -> new EscalationDesign[] {EscalationDesign.ROLLING_SIX, EscalationDesign.THREE_PLUS_THREE};
        };
        simulation = EscalationSimulation.of(EscalationScenario.of(0.05, 0.10, 0.25, 0.40).withWhenFull(whenFull))
                .designs(chosen).replicates(replicates).seed(20080110).threads(1);
    }

    @Benchmark
    public EscalationResult run() {
        return simulation.run();
    }
}
