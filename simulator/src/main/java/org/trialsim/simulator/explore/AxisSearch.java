package org.trialsim.simulator.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.ProtocolPath;
import org.trialsim.protocol.io.Format;
import org.trialsim.protocol.io.ProtocolWriter;
import org.trialsim.protocol.io.Setting;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.trial.ReplicateLook;
import org.trialsim.simulator.trial.TrialResult;

/**
 * The smallest whole value of one numeric protocol path (the sample size, the events of the final
 * analysis) whose power reaches a target in every scenario of a sweep, by simulation on common random
 * numbers: every value and scenario is simulated with the same seed and replicates, so replicate i has
 * the same virtual patients everywhere and the simulated power curve moves only where a replicate's
 * decision changes. That makes the curve nearly monotone, and a bisection over the whole values
 * between the bounds finds where it crosses the target: first the ends of a bracket (if the upper one does
 * not reach the target, nothing is found; if the lower one does, it is the answer), then the middle of the
 * values still open, until the value found reaches the target and the one below it does not.
 *
 * <p><b>The bracket.</b> Without an analytic answer it is the bounds. When the path is the events or the
 * sample size of a two-arm survival comparison with proportional (piecewise-)exponential hazards
 * ({@link AnalyticStart}), it is the analytic answer ± a margin: if its upper end does not reach the
 * target, the bracket moves up (its lower end to the upper, the upper up by twice the width, and so on,
 * doubling, to the upper bound at most); if its lower end does, it moves down the same way.
 *
 * <p><b>Uncertainty.</b> A value is <em>clearly below</em> when some scenario's confidence interval
 * (power ± z·se) lies below the target, and <em>clearly above</em> when every scenario's lies above it.
 * Two further bisections find the smallest value not clearly below and the smallest clearly above:
 * the values between them are those whose power cannot be told from the target at this many
 * replicates, the Monte Carlo uncertainty of the answer. On a monotone curve the answer lies in that
 * range. Where a bisection has no value clearly below (or above) to start from, it steps down from the
 * smallest value tried (up from the largest) by doubling steps until one is, or a bound is reached. From
 * the bounds, the evaluations are about 3·log₂(upper − lower) in all, each one simulation per scenario;
 * from an analytic bracket, about 3·log₂ of the bracket's width and a few steps.
 */
public final class AxisSearch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sweep sweep;
    private final Sweep.Search search;
    private final Trials trials;

    /** Whether to start from the analytic answer where there is one (false only to measure what it saves). */
    private final boolean analytic;

    private AxisSearch(Sweep sweep, Trials trials, boolean analytic) {
        if (sweep.search() == null) {
            throw new IllegalArgumentException("the sweep has no search");
        }
        this.sweep = sweep;
        this.search = sweep.search();
        this.trials = trials;
        this.analytic = analytic;
    }

    /** The search of the sweep (which must have one) with the simulator's trials. */
    public static AxisSearch of(Sweep sweep, Trials trials) {
        return new AxisSearch(sweep, trials, true);
    }

    /** The same search from the bounds whatever the analytic answer, for a test of what the analytic start saves. */
    AxisSearch fromTheBounds() {
        return new AxisSearch(sweep, trials, false);
    }

    /**
     * Checks every cell as {@link Exploration#check()} does, that the searched path holds a number in each, and that each is a
     * valid protocol at both bounds; every problem at once, each naming its cell.
     *
     * @return the label of the analysis searched
     */
    public String check() throws IOException, ProtocolException {
        String label = Exploration.of(sweep, trials).check();
        List<Problem> problems = new ArrayList<>();
        for (Sweep.Cell cell : sweep.cells()) {
            String prefix = "in cell '" + sweep.name(cell) + "': ";
            String notNumber = numberAt(trials.load(sweep.settings(cell)), search.path());
            if (notNumber != null) {
                problems.add(problem(prefix + "the search's path " + search.path() + " " + notNumber));
                continue;
            }
            for (int bound : new int[] {search.lower(), search.upper()}) {
                try {
                    trials.load(settings(cell, bound));
                } catch (ProtocolException e) {
                    for (Problem p : e.errors()) {
                        problems.add(new Problem(p.severity(), p.file(), p.path(), p.line(), p.column(),
                                prefix + "with " + search.path() + " = " + bound + ": " + p.message()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ProtocolException(problems);
        }
        return label;
    }

    /** Null if the protocol holds a number at the path, else what it holds there. */
    static String numberAt(LoadedProtocol loaded, String path) throws IOException {
        JsonNode node = JSON.readTree(ProtocolWriter.write(loaded.protocol(), Format.JSON));
        for (String segment : ProtocolPath.segments(path)) {
            if (node == null) {
                break;
            }
            node = segment.startsWith("[") ? node.get(index(segment)) : node.get(segment);
        }
        if (node == null || node.isNull()) {
            return "is not in the protocol: give the path of a number the protocol holds (e.g. design.analysis.events)";
        }
        return node.isNumber() ? null : "holds " + (node.isContainerNode() ? "a list or mapping" : "'" + node.asText() + "'")
                + ", not a number";
    }

    private static int index(String segment) {
        try {
            return Integer.parseInt(segment.substring(1, segment.length() - 1).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Problem problem(String message) {
        return new Problem(Problem.Severity.ERROR, sweep.source(), "", 0, 0, message);
    }

    /**
     * Checks the sweep, then searches.
     *
     * @param progress told of the replicates simulated, out of the most the search could need
     * @throws ProtocolException if a cell is not valid (nothing has run then)
     */
    public SearchResult run(ExploreOptions options, Progress progress) throws IOException, ProtocolException {
        String label = check();
        AnalyticStart start = analytic ? AnalyticStart.of(sweep, trials) : new AnalyticStart(null, "not asked for");
        return new Run(options, progress, start).search(label);
    }

    private List<Setting> settings(Sweep.Cell cell, int value) {
        List<Setting> all = new ArrayList<>(sweep.settings(cell));
        all.add(new Setting(search.path(), Integer.toString(value)));
        return all;
    }

    /** One search: the points simulated so far, by value. */
    private final class Run {
        private final ExploreOptions options;
        private final Progress progress;
        private final TreeMap<Integer, SearchResult.Point> points = new TreeMap<>();
        private final double z;
        private final long most;
        private final AnalyticStart start;
        /** The values tried first. */
        private final int[] bracket;
        private String protocolId;
        /** The simulations run so far, for the progress. */
        private int simulated;

        Run(ExploreOptions options, Progress progress, AnalyticStart start) {
            this.options = options;
            this.progress = progress;
            this.start = start;
            this.bracket = start.bracket(search.lower(), search.upper());
            this.z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + search.confidence() / 2);
            int steps = 64 - Long.numberOfLeadingZeros(search.upper() - search.lower());
            // from the bounds: the bounds and three bisections; from a bracket, also the widening (up or down) and
            // the steps out of it of the two bisections of the uncertainty
            int rounds = start.answer() == null ? 3 : 6;
            this.most = (rounds * (long) steps + 2) * sweep.cells().size() * options.replicates();
        }

        SearchResult search(String label) throws IOException, ProtocolException {
            int lo = bracket[0];
            int hi = bracket[1];
            int width = hi - lo;
            Integer found = null;
            // widen upwards until hi reaches the target, then downwards until lo does not: with the bounds as the
            // bracket, neither loop widens
            boolean reachable = true;
            while (!point(hi).reaches()) {
                if (hi == search.upper()) {
                    reachable = false;
                    break;
                }
                lo = hi;
                width = doubled(width);
                hi = (int) Math.min(search.upper(), (long) hi + width);
            }
            if (reachable) {
                while (point(lo).reaches()) {
                    if (lo == search.lower()) {
                        found = lo;
                        break;
                    }
                    hi = lo;
                    width = doubled(width);
                    lo = (int) Math.max(search.lower(), (long) lo - width);
                }
                if (found == null) {
                    // lo does not reach the target, hi does
                    while (hi - lo > 1) {
                        int mid = lo + (hi - lo) / 2;
                        if (point(mid).reaches()) {
                            hi = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    found = hi;
                }
            }
            Integer low = null;
            Integer high = null;
            if (found != null) {
                low = notClearlyBelow(found);
                high = clearlyAbove(found);
            }
            return new SearchResult(sweep.source(), protocolId, search.path(), search.power(), search.lower(), search.upper(),
                    search.confidence(), options.replicates(), options.seed(), sweep.analysis(), label, sweep.scenarios(), found,
                    found == null ? null : points.get(found), found == null || found == search.lower() ? null : points.get(found - 1),
                    low, high, start.values(), start.answer(), start.unavailable(), bracket[0], bracket[1],
                    new ArrayList<>(points.values()));
        }

        private static int doubled(int width) {
            return (int) Math.min(Integer.MAX_VALUE, 2L * width);
        }

        /**
         * The smallest value not clearly below the target, at most {@code found} (which reaches it): a bisection
         * from the largest value known to be clearly below, after stepping down (by doubling steps from the first
         * bracket's width) from the smallest value tried until one is, or the lower bound is reached.
         */
        private int notClearlyBelow(int found) throws IOException, ProtocolException {
            int below = -1;
            for (SearchResult.Point p : points.values()) {
                if (p.value() < found && clearlyBelow(p)) {
                    below = p.value();
                }
            }
            int step = bracket[1] - bracket[0];
            while (below < 0) {
                int smallest = points.firstKey();
                if (smallest == search.lower()) {
                    return search.lower();
                }
                int v = (int) Math.max(search.lower(), (long) smallest - step);
                step = doubled(step);
                if (clearlyBelow(point(v))) {
                    below = v;
                }
            }
            int above = found;
            while (above - below > 1) {
                int mid = below + (above - below) / 2;
                if (clearlyBelow(point(mid))) {
                    below = mid;
                } else {
                    above = mid;
                }
            }
            return above;
        }

        /**
         * The smallest value clearly above the target, from {@code found} on, stepping up from the largest value tried
         * as {@link #notClearlyBelow} steps down; null if no value up to the upper bound is.
         */
        private Integer clearlyAbove(int found) throws IOException, ProtocolException {
            int above = -1;
            for (SearchResult.Point p : points.values()) {
                if (p.value() >= found && clearlyAbove(p)) {
                    above = p.value();
                    break;
                }
            }
            int step = bracket[1] - bracket[0];
            while (above < 0) {
                int largest = points.lastKey();
                if (largest == search.upper()) {
                    return null;
                }
                int v = (int) Math.min(search.upper(), (long) largest + step);
                step = doubled(step);
                if (clearlyAbove(point(v))) {
                    above = v;
                }
            }
            if (above == found) {
                return found;
            }
            int below = found;
            while (above - below > 1) {
                int mid = below + (above - below) / 2;
                if (clearlyAbove(point(mid))) {
                    above = mid;
                } else {
                    below = mid;
                }
            }
            return above;
        }

        private boolean clearlyBelow(SearchResult.Point p) {
            return p.power().stream().anyMatch(e -> e.value() + z * e.standardError() < search.power());
        }

        private boolean clearlyAbove(SearchResult.Point p) {
            return p.power().stream().allMatch(e -> e.value() - z * e.standardError() > search.power());
        }

        /** The point at the value, simulated once. */
        private SearchResult.Point point(int value) throws IOException, ProtocolException {
            SearchResult.Point known = points.get(value);
            if (known != null) {
                return known;
            }
            List<Estimate> powers = new ArrayList<>();
            for (Sweep.Cell cell : sweep.cells()) {
                powers.add(power(trials.load(settings(cell, value))));
            }
            boolean reaches = powers.stream().allMatch(e -> e.value() >= search.power());
            SearchResult.Point p = new SearchResult.Point(value, powers, reaches, points.size() + 1);
            points.put(value, p);
            return p;
        }

        /** The rejection rate of the analysis at its conclusion, over the replicates. */
        private Estimate power(LoadedProtocol loaded) throws IOException {
            long[] counts = new long[2];
            long offset = (long) simulated * options.replicates();
            TrialResult trial = trials.run(loaded, options.trial(false), (d, all) -> progress.update(offset + d, most), rows -> {
                for (ReplicateLook row : rows) {
                    if (row.analysis() == sweep.analysis() && row.concluded()) {
                        counts[0] += row.decision().equals(ReplicateLook.EFFICACY) ? 1 : 0;
                        counts[1]++;
                    }
                }
            });
            protocolId = trial.provenance().protocolId();
            simulated++;
            return Estimate.ofProportion(counts[0], counts[1]);
        }
    }
}
