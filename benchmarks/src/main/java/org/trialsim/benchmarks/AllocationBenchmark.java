package org.trialsim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
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
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.trial.accrual.AccrualPlan;
import org.trialsim.simulator.trial.accrual.AccrualProcess;
import org.trialsim.simulator.trial.allocation.AllocationMethod;
import org.trialsim.simulator.trial.allocation.Allocator;

/**
 * One trial replicate's allocation: 700 patients (the largest trial the issue names) allocated in
 * order by each method, with two prognostic factors of 2 and 3 levels, as the trial engine does it —
 * one allocator per thread restarted with the replicate's own stream (creating the stream is included).
 * Also one replicate's accrual: 700 arrival days and 700 dropout times into reused arrays.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AllocationBenchmark {
    private static final int PATIENTS = 700;

    /** The allocation of one replicate. */
    @State(Scope.Thread)
    public static class Allocation {
        /** The method, in its command-line form. */
        @Param({"simple", "permuted-blocks:2,4", "stratified-blocks:2,4", "minimization:0.8", "minimization:0.8:variance"})
        public String method;

        /** The allocation ratio. */
        @Param({"1:1", "2:1"})
        public String ratio;

        private final RandomStreams streams = new RandomStreams(20240601);
        private final long purpose = RandomStreams.purpose("allocation");
        private final int[][] levels = new int[PATIENTS][2];
        private Allocator allocator;
        private long replicate;

        @Setup
        public void setUp() {
            String[] parts = ratio.split(":");
            int[] weights = {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            String m = method;
            if (weights[0] == 2 && m.contains("blocks")) {
                m = m.replace("2,4", "3,6");
            }
            allocator = Allocator.of(AllocationMethod.parse(m), weights, new int[] {2, 3}, streams.stream(purpose, -1));
            UniformRandomProvider covariates = streams.stream(RandomStreams.purpose("covariates"), 0);
            for (int[] patient : levels) {
                patient[0] = covariates.nextInt(2);
                patient[1] = covariates.nextInt(3);
            }
        }
    }

    /** The accrual of one replicate. */
    @State(Scope.Thread)
    public static class Accrual {
        private final RandomStreams streams = new RandomStreams(20240601);
        private final long arrivalsPurpose = RandomStreams.purpose("arrivals");
        private final long dropoutPurpose = RandomStreams.purpose("dropout");
        private final AccrualProcess process = AccrualProcess.of(AccrualPlan.of(11.6, 6, 0.05).withChange(24, 8));
        private final double[] arrivals = new double[PATIENTS];
        private final double[] dropouts = new double[PATIENTS];
        private long replicate;
    }

    /** Allocates one replicate's 700 patients; returns the count of the last arm so the work is used. */
    @Benchmark
    public int allocate700(Allocation s) {
        s.allocator.restart(s.streams.stream(s.purpose, s.replicate++));
        for (int[] patient : s.levels) {
            s.allocator.allocate(patient);
        }
        return s.allocator.count(1);
    }

    /** Draws one replicate's 700 arrival days and dropout times. */
    @Benchmark
    public double accrue700(Accrual s) {
        long r = s.replicate++;
        s.process.arrivalDays(s.streams.stream(s.arrivalsPurpose, r), s.arrivals, PATIENTS);
        s.process.dropoutDays(s.streams.stream(s.dropoutPurpose, r), s.dropouts, PATIENTS);
        return s.arrivals[PATIENTS - 1] + s.dropouts[PATIENTS - 1];
    }
}
