package org.trialsim.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link DesignLoop} as a whole process, the yardstick of issue 12 measured the way the issue measures
 * rpact and trialsim: a fresh JVM that runs a number of replicates of {@code examples/two-arm-exponential.yaml}'s
 * design on a number of threads and prints the power and the mean Cox estimate. It reads no protocol and
 * writes no report: the design is in the loop's constants, so its time is the JVM's start-up, the
 * compilation and the replicates, nothing else. {@code benchmarks/compare-rpact.sh} times it beside rpact
 * and trialsim on that design.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.trialsim.benchmarks.DesignLoopProcess 100000 2
 * </pre>
 *
 * Replicates are split into one contiguous range a thread, each with its own loop, and the ranges' sums
 * are added in range order, so the output depends on the number of threads only through that order.
 */
public final class DesignLoopProcess {
    private DesignLoopProcess() {
    }

    /** Arguments: the replicates and the threads. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DesignLoopProcess REPLICATES THREADS");
            System.exit(2);
        }
        int replicates;
        int threads;
        try {
            replicates = Integer.parseInt(args[0]);
            threads = Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            replicates = 0;
            threads = 0;
        }
        if (replicates < 1 || threads < 1) {
            System.err.println("DesignLoopProcess: REPLICATES and THREADS must be positive whole numbers, not " + args[0]
                    + " and " + args[1]);
            System.exit(2);
        }
        Result result = run(replicates, threads);
        System.out.println(String.format(Locale.ROOT, "%.6f %.6f", result.power(), result.meanLogHazardRatio()));
    }

    /**
     * Runs replicates {@code [0, replicates)} on a pool of the threads given.
     *
     * @throws IllegalArgumentException if either is not positive
     */
    static Result run(int replicates, int threads) throws InterruptedException, ExecutionException {
        if (replicates < 1 || threads < 1) {
            throw new IllegalArgumentException("replicates and threads must be positive, not " + replicates + " and " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<DesignLoop>> ranges = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long from = (long) replicates * t / threads;
                long to = (long) replicates * (t + 1) / threads;
                ranges.add(pool.submit(() -> {
                    DesignLoop loop = new DesignLoop();
                    for (long r = from; r < to; r++) {
                        loop.replicate(r);
                    }
                    return loop;
                }));
            }
            long rejections = 0;
            double estimates = 0;
            for (Future<DesignLoop> range : ranges) {
                DesignLoop loop = range.get();
                rejections += loop.rejections();
                estimates += loop.estimates();
            }
            return new Result(rejections, rejections / (double) replicates, estimates / replicates);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * What a run of the loop gives.
     *
     * @param rejections         the replicates whose log-rank test rejected the null hypothesis
     * @param power              their share of the replicates
     * @param meanLogHazardRatio the mean Cox estimate of the log hazard ratio
     */
    record Result(long rejections, double power, double meanLogHazardRatio) {
    }
}
