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
import org.trialsim.simulator.design.simon.SimonSearch;
import org.trialsim.simulator.design.simon.SimonSearchResult;

/**
 * The exact Simon two-stage search, from parameters to optimal, minimax and admissible designs
 * (binomial tables included). The issue asks for p0 = 0.2, p1 = 0.4, alpha = 0.05, beta = 0.1 in well
 * under a second; the other settings show how the time grows with n (the last has n up to 342).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimonSearchBenchmark {
    /** p0, p1, alpha, beta. */
    @Param({"0.2,0.4,0.05,0.1", "0.2,0.4,0.05,0.2", "0.05,0.25,0.1,0.1", "0.2,0.3,0.05,0.2"})
    public String setting;

    private SimonSearch search;

    @Setup
    public void setUp() {
        String[] v = setting.split(",");
        search = SimonSearch.of(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                Double.parseDouble(v[3]));
    }

    @Benchmark
    public SimonSearchResult search() {
        return search.run();
    }
}
