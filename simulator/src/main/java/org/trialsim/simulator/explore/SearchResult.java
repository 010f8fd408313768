package org.trialsim.simulator.explore;

import java.util.List;
import org.trialsim.simulator.stats.Estimate;

/**
 * What a search found (docs/explore.md, "Searching for the smallest value"). Its JSON form is this
 * record's, field by field.
 *
 * @param sweep          the sweep file, or where the sweep came from
 * @param protocolId     the protocol's id
 * @param path           the protocol path searched
 * @param targetPower    the power every scenario must reach
 * @param lower          the smallest value the search could try
 * @param upper          the largest value the search could try
 * @param confidence     the confidence of the uncertainty range
 * @param replicates     simulated trials per scenario at each value
 * @param seed           the seed of every simulation (common random numbers)
 * @param analysis       the analysis (from 1) whose power is searched
 * @param analysisLabel  its label
 * @param scenarios      the scenarios, in the order of each point's powers
 * @param found          the smallest value whose power reaches the target in every scenario, or null if even
 *                       {@code upper} does not
 * @param atFound        the point at the value found, or null
 * @param below          the point at the value below it, or null when the value found is {@code lower}
 * @param uncertaintyLow the smallest value not clearly below the target (see {@link AxisSearch}), or null if none is found
 * @param uncertaintyHigh the smallest value clearly above the target in every scenario, or null if no value tried is
 * @param analytic       per scenario, the analytic events or patients for the target power ({@code trialsim design survival}'s,
 *                       unrounded), or null when the sweep's protocol and path have none
 * @param analyticAnswer the smallest whole value at least every scenario's analytic one, or null
 * @param analyticUnavailable why there is no analytic answer (naming the cell), or null when there is one
 * @param startLow       the smaller value of the bracket tried first: {@code lower}, or the analytic answer less a margin
 * @param startHigh      the larger: {@code upper}, or the analytic answer plus a margin
 * @param points         every value simulated, in increasing order
 */
public record SearchResult(String sweep, String protocolId, String path, double targetPower, int lower, int upper, double confidence,
                           int replicates, long seed, int analysis, String analysisLabel, List<String> scenarios, Integer found,
                           Point atFound, Point below, Integer uncertaintyLow, Integer uncertaintyHigh, List<Double> analytic,
                           Integer analyticAnswer, String analyticUnavailable, int startLow, int startHigh, List<Point> points) {
    public SearchResult {
        scenarios = List.copyOf(scenarios);
        analytic = analytic == null ? null : List.copyOf(analytic);
        points = List.copyOf(points);
    }

    /**
     * One value simulated.
     *
     * @param value   the value of the path
     * @param power   the power in each scenario, with its Monte Carlo standard error
     * @param reaches whether the power reaches the target in every scenario
     * @param order   when the search simulated it (1 for the first)
     */
    public record Point(int value, List<Estimate> power, boolean reaches, int order) {
        public Point {
            power = List.copyOf(power);
        }

        /** The lowest power over the scenarios. */
        public Estimate worst() {
            Estimate worst = power.get(0);
            for (Estimate e : power) {
                if (e.value() < worst.value()) {
                    worst = e;
                }
            }
            return worst;
        }
    }
}
