package org.trialsim.simulator.explore;

import java.math.BigDecimal;
import java.util.List;
import org.trialsim.simulator.stats.Estimate;

/**
 * What a calibration found (docs/explore.md, "Calibrating a threshold"). Its JSON form is this record's,
 * field by field.
 *
 * @param sweep           the sweep file, or where the sweep came from
 * @param protocolId      the protocol's id
 * @param path            the protocol path calibrated
 * @param measure         the measure held at the target: {@code rejection}, {@code anyRejection} or {@code superiorityStop}
 * @param target          the most the measure may be, in every scenario
 * @param lower           the smallest value the calibration could try
 * @param upper           the largest
 * @param step            the grid's step
 * @param confidence      the confidence of the uncertainty range
 * @param replicates      simulated trials per scenario at each value
 * @param seed            the seed of every simulation (common random numbers)
 * @param analysis        the sweep's analysis (from 1), whose rejection {@code rejection} is
 * @param analysisLabel   its label
 * @param scenarios       the scenarios (each under the null hypothesis), in the order of each point's measures
 * @param outcome         {@code found}; {@code not-bracketed} when the measure is on the same side of the target at both
 *                        bounds; {@code not-monotone} when the values simulated show it crossing the target more than once
 * @param problem         for an outcome other than found, what went wrong and what to do; else null
 * @param direction       {@code falling} when the measure falls as the value rises (a stopping threshold), {@code rising}
 *                        when it rises with it (an alpha); null when not bracketed
 * @param found           the grid value whose measure is at most the target in every scenario and nearest to it: the
 *                        smallest such value when the measure falls, the largest when it rises; null unless found
 * @param atFound         the point at the value found, or null
 * @param across          the point at the grid's next value beyond the target (the neighbour whose measure exceeds it), or null
 * @param uncertaintyLow  the smallest value of the Monte Carlo uncertainty range (see {@link ThresholdCalibration}), or null
 *                        when it reaches below the lower bound or nothing was found
 * @param uncertaintyHigh its largest value, or null when it reaches above the upper bound or nothing was found
 * @param evaluations     the values simulated, each once per scenario
 * @param points          every value simulated, in increasing order
 */
public record CalibrationResult(String sweep, String protocolId, String path, String measure, double target, BigDecimal lower,
                                BigDecimal upper, BigDecimal step, double confidence, int replicates, long seed, int analysis,
                                String analysisLabel, List<String> scenarios, String outcome, String problem, String direction,
                                BigDecimal found, Point atFound, Point across, BigDecimal uncertaintyLow, BigDecimal uncertaintyHigh,
                                int evaluations, List<Point> points) {
    /** The outcome when a value was found. */
    public static final String FOUND = "found";
    /** The outcome when both bounds are on the same side of the target. */
    public static final String NOT_BRACKETED = "not-bracketed";
    /** The outcome when the simulated measure crosses the target more than once. */
    public static final String NOT_MONOTONE = "not-monotone";

    public CalibrationResult {
        scenarios = List.copyOf(scenarios);
        points = List.copyOf(points);
    }

    /**
     * One value simulated.
     *
     * @param value   the value of the path
     * @param measure the measure in each scenario, with its Monte Carlo standard error
     * @param meets   whether the measure is at most the target in every scenario
     * @param order   when the calibration simulated it (1 for the first)
     */
    public record Point(BigDecimal value, List<Estimate> measure, boolean meets, int order) {
        public Point {
            measure = List.copyOf(measure);
        }

        /** The highest measure over the scenarios. */
        public Estimate worst() {
            Estimate worst = measure.get(0);
            for (Estimate e : measure) {
                if (e.value() > worst.value()) {
                    worst = e;
                }
            }
            return worst;
        }
    }
}
