package org.trialsim.simulator.explore;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Calibration;
import org.trialsim.protocol.io.Setting;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.trial.ReplicateListener;
import org.trialsim.simulator.trial.ReplicateLook;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;

/**
 * The value of one numeric protocol path, on a grid of decimals, at which an operating characteristic
 * simulated under the null hypothesis is at most a target in every scenario and as close to it as the
 * grid allows (adaptr's {@code calibrate_trial} does this for a Bayesian superiority threshold): for
 * example the {@code stopSuperiorityAbove} whose probability of stopping a trial of identical arms for
 * superiority is at most 2.5%, or the final analysis's alpha that keeps its type I error at 2.5% under a
 * drift.
 *
 * <p><b>How.</b> Every value is simulated in every scenario with the same seed and replicates (common
 * random numbers), so the simulated measure moves only where some replicate's outcome changes. For a
 * stopping threshold it is exactly monotone then: the posteriors of a replicate do not depend on the
 * threshold until it stops, so a replicate that stops at a threshold stops at every lower one. Both
 * bounds are simulated first: if the measure is on the same side of the target at both, nothing is
 * bracketed and the result says so; otherwise their order says whether the measure falls or rises with
 * the value, and bisection over the grid finds the neighbours where it crosses the target. The answer
 * is the one at most the target. If any value simulated, by then or by the bisections of the
 * uncertainty, contradicts a single crossing (at most the target at two values, above it at one between
 * them), no answer is given: the result names the three.
 *
 * <p><b>Uncertainty.</b> A value <em>clearly exceeds</em> the target when some scenario's interval
 * measure ± z·se lies above it, and <em>clearly meets</em> it when every scenario's lies below it. Two
 * further bisections find where each changes: the values between are those whose measure cannot be told
 * from the target at this many replicates. The evaluations are at most 2 + 3·⌈log₂ steps⌉.
 */
public final class ThresholdCalibration {
    private final Sweep sweep;
    private final Calibration calibration;
    private final Trials trials;

    private ThresholdCalibration(Sweep sweep, Trials trials) {
        if (sweep.calibration() == null) {
            throw new IllegalArgumentException("the sweep has no calibration");
        }
        this.sweep = sweep;
        this.calibration = sweep.calibration();
        this.trials = trials;
    }

    /** The calibration of the sweep (which must have one) with the simulator's trials. */
    public static ThresholdCalibration of(Sweep sweep, Trials trials) {
        return new ThresholdCalibration(sweep, trials);
    }

    /**
     * Checks every cell as {@link Exploration#check()} does, that the calibrated path holds a number in
     * each, that each is a valid protocol at both bounds, and, for {@code superiorityStop}, that its
     * design can stop for superiority; every problem at once, each naming its cell.
     *
     * @return the label of the sweep's analysis
     */
    public String check() throws IOException, ProtocolException {
        String label = Exploration.of(sweep, trials).check();
        List<Problem> problems = new ArrayList<>();
        for (Sweep.Cell cell : sweep.cells()) {
            String prefix = "in cell '" + sweep.name(cell) + "': ";
            String notNumber = AxisSearch.numberAt(trials.load(sweep.settings(cell)), calibration.path());
            if (notNumber != null) {
                problems.add(problem(prefix + "the calibration's path " + calibration.path() + " " + notNumber));
                continue;
            }
            for (BigDecimal bound : List.of(calibration.value(0), calibration.value(calibration.steps()))) {
                try {
                    LoadedProtocol loaded = trials.load(settings(cell, bound));
                    if (calibration.measure() == Calibration.Measure.SUPERIORITY_STOP && bound.equals(calibration.value(0))
                            && !canStop(loaded)) {
                        problems.add(problem(prefix + "the measure superiorityStop is how often a response-adaptive update stops the"
                                + " trial for superiority, and this design has no such stop: give its response-adaptive allocation"
                                + " adaptive.stopSuperiorityAbove (docs/allocation.md), or calibrate rejection or anyRejection"));
                    }
                } catch (ProtocolException e) {
                    for (Problem p : e.errors()) {
                        problems.add(new Problem(p.severity(), p.file(), p.path(), p.line(), p.column(),
                                prefix + "with " + calibration.path() + " = " + Calibration.text(bound) + ": " + p.message()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ProtocolException(problems);
        }
        return label;
    }

    /** Whether the design reports stops for superiority: one simulated trial says, as the result has the figure or not. */
    private boolean canStop(LoadedProtocol loaded) throws IOException {
        TrialResult one = trials.run(loaded, new TrialOptions(1, 1, 1, true), Progress.NONE, rows -> { });
        return one.allocation().stream().anyMatch(s -> s.stoppedForSuperiority() != null);
    }

    private Problem problem(String message) {
        return new Problem(Problem.Severity.ERROR, sweep.source(), "", 0, 0, message);
    }

    private List<Setting> settings(Sweep.Cell cell, BigDecimal value) {
        List<Setting> all = new ArrayList<>(sweep.settings(cell));
        all.add(new Setting(calibration.path(), Calibration.text(value)));
        return all;
    }

    /**
     * Checks the sweep, then calibrates.
     *
     * @param progress told of the replicates simulated, out of the most the calibration could need
     * @throws ProtocolException if a cell is not valid (nothing has run then)
     */
    public CalibrationResult run(ExploreOptions options, Progress progress) throws IOException, ProtocolException {
        String label = check();
        Simulated simulated = new Simulated(options, progress);
        Search s = search(calibration, simulated);
        return new CalibrationResult(sweep.source(), simulated.protocolId, calibration.path(), calibration.measure().id(),
                calibration.target(), calibration.lower(), calibration.upper(), calibration.step(), calibration.confidence(),
                options.replicates(), options.seed(), sweep.analysis(), label, sweep.scenarios(), s.outcome(), s.problem(),
                s.direction(), s.found(), s.atFound(), s.across(), s.uncertaintyLow(), s.uncertaintyHigh(), s.points().size(),
                s.points());
    }

    /** The measure in every scenario at the k-th value of the grid: simulated, or a test's curve. */
    interface Measures {
        List<Estimate> at(int k) throws IOException, ProtocolException;
    }

    /** What the search over the grid found: the fields of {@link CalibrationResult} it decides. */
    record Search(String outcome, String problem, String direction, BigDecimal found, CalibrationResult.Point atFound,
                  CalibrationResult.Point across, BigDecimal uncertaintyLow, BigDecimal uncertaintyHigh,
                  List<CalibrationResult.Point> points) {
    }

    /** The search over the calibration's grid, asking the measures at the values it needs, each once. */
    static Search search(Calibration calibration, Measures measures) throws IOException, ProtocolException {
        return new Grid(calibration, measures).search();
    }

    /** The simulations: every cell under the null hypothesis, with the path at the value. */
    private final class Simulated implements Measures {
        private final ExploreOptions options;
        private final Progress progress;
        private final long most;
        private String protocolId;
        private int runs;

        Simulated(ExploreOptions options, Progress progress) {
            this.options = options;
            this.progress = progress;
            int bits = 32 - Integer.numberOfLeadingZeros(calibration.steps());
            this.most = (3L * bits + 2) * sweep.cells().size() * options.replicates();
        }

        @Override
        public List<Estimate> at(int k) throws IOException, ProtocolException {
            List<Estimate> measures = new ArrayList<>();
            for (Sweep.Cell cell : sweep.cells()) {
                measures.add(measure(trials.load(settings(cell, calibration.value(k)))));
            }
            return measures;
        }

        private Estimate measure(LoadedProtocol loaded) throws IOException {
            long offset = (long) runs * options.replicates();
            Counter counter = new Counter(sweep.analysis());
            TrialResult trial = trials.run(loaded, options.trial(true), (d, all) -> progress.update(offset + d, most), counter);
            protocolId = trial.provenance().protocolId();
            runs++;
            long n = options.replicates();
            return switch (calibration.measure()) {
                case REJECTION -> Estimate.ofProportion(counter.rejected, counter.concluded);
                case ANY_REJECTION -> Estimate.ofProportion(counter.anyRejected, n);
                case SUPERIORITY_STOP -> {
                    // at most one stratum stops a replicate (the first whose update does), so the strata's counts add up
                    long stopped = 0;
                    for (TrialResult.StratumAllocation s : trial.allocation()) {
                        if (s.stoppedForSuperiority() != null) {
                            stopped += Math.round(s.stoppedForSuperiority().value() * n);
                        }
                    }
                    yield Estimate.ofProportion(Math.min(stopped, n), n);
                }
            };
        }
    }

    /** Counts, replicate by replicate, the rejections of the sweep's analysis and the replicates where any analysis rejects. */
    private static final class Counter implements ReplicateListener {
        private final int analysis;
        private long rejected;
        private long concluded;
        private long anyRejected;
        private long replicate = -1;
        private boolean rejectedHere;

        Counter(int analysis) {
            this.analysis = analysis;
        }

        @Override
        public void accept(List<ReplicateLook> rows) {
            for (ReplicateLook row : rows) {
                if (row.replicate() != replicate) {
                    replicate = row.replicate();
                    rejectedHere = false;
                }
                boolean efficacy = row.decision().equals(ReplicateLook.EFFICACY);
                if (efficacy && !rejectedHere) {
                    rejectedHere = true;
                    anyRejected++;
                }
                if (row.analysis() == analysis && row.concluded()) {
                    rejected += efficacy ? 1 : 0;
                    concluded++;
                }
            }
        }
    }

    /**
     * The bisections, on the grid oriented so that the measure exceeds the target at index 0 and meets it at
     * the last: index j is grid value j when the measure falls with the value, and steps − j when it rises.
     */
    private static final class Grid {
        private final Calibration calibration;
        private final Measures measures;
        private final int steps;
        private final double z;
        /** The points simulated, by grid index (not oriented). */
        private final Map<Integer, CalibrationResult.Point> points = new TreeMap<>();
        private boolean falling;

        Grid(Calibration calibration, Measures measures) {
            this.calibration = calibration;
            this.measures = measures;
            this.steps = calibration.steps();
            this.z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + calibration.confidence() / 2);
        }

        Search search() throws IOException, ProtocolException {
            CalibrationResult.Point low = point(0);
            CalibrationResult.Point high = point(steps);
            if (low.meets() == high.meets()) {
                String side = low.meets() ? "at most" : "above";
                String problem = "the " + calibration.measure().id() + " is " + side + " the target of " + percent(calibration.target())
                        + " at both bounds (" + describe(low) + "; " + describe(high) + "), so the bounds do not bracket it: widen them"
                        + " until the measure is above the target at one bound and at most the target at the other";
                return new Search(CalibrationResult.NOT_BRACKETED, problem, null, null, null, null, null, null, list());
            }
            falling = !low.meets();
            int j = boundary(CalibrationResult.Point::meets);
            CalibrationResult.Point found = at(j);
            CalibrationResult.Point across = at(j - 1);
            int notClearlyAbove = boundary(p -> p.measure().stream().noneMatch(e -> e.value() - z * e.standardError() > calibration.target()));
            Integer clearlyMeets = boundaryOrNull(p -> p.measure().stream().allMatch(e -> e.value() + z * e.standardError()
                    < calibration.target()));
            // the first bisection's values agree with its answer by construction; the later ones may not
            String contradiction = contradiction(j);
            if (contradiction != null) {
                return new Search(CalibrationResult.NOT_MONOTONE, contradiction, direction(), null, null, null, null, null, list());
            }
            BigDecimal from = calibration.value(index(notClearlyAbove));
            BigDecimal to = clearlyMeets == null ? null : calibration.value(index(clearlyMeets));
            return new Search(CalibrationResult.FOUND, null, direction(), found.value(), found, across,
                    falling ? from : to, falling ? to : from, list());
        }

        private String direction() {
            return falling ? "falling" : "rising";
        }

        /** The grid index of oriented index j. */
        private int index(int j) {
            return falling ? j : steps - j;
        }

        private CalibrationResult.Point at(int j) throws IOException, ProtocolException {
            return point(index(j));
        }

        /** The smallest oriented index where the predicate holds, which it does at the last index. */
        private int boundary(Predicate<CalibrationResult.Point> holds) throws IOException, ProtocolException {
            Integer b = boundaryOrNull(holds);
            if (b == null) {
                throw new IllegalStateException("the predicate does not hold at the bound where it must");
            }
            return b;
        }

        /** The smallest oriented index where the predicate holds, between the simulated ones bracketing it; null if not even at the last. */
        private Integer boundaryOrNull(Predicate<CalibrationResult.Point> holds) throws IOException, ProtocolException {
            List<Integer> known = oriented();
            Integer b = null;
            for (int j : known) {
                if (holds.test(at(j))) {
                    b = j;
                    break;
                }
            }
            if (b == null) {
                return null;
            }
            int a = -1;
            for (int j : known) {
                if (j < b && !holds.test(at(j))) {
                    a = j;
                }
            }
            if (a < 0) {
                return b;
            }
            while (b - a > 1) {
                int mid = a + (b - a) / 2;
                if (holds.test(at(mid))) {
                    b = mid;
                } else {
                    a = mid;
                }
            }
            return b;
        }

        /** The oriented indices simulated, increasing. */
        private List<Integer> oriented() {
            List<Integer> js = new ArrayList<>();
            for (int k : points.keySet()) {
                js.add(falling ? k : steps - k);
            }
            js.sort(null);
            return js;
        }

        /**
         * Null if every value simulated is on the side of the target the answer at oriented index j says; else
         * three values showing the measure crossing the target more than once.
         */
        private String contradiction(int j) throws IOException, ProtocolException {
            List<Integer> known = oriented();
            for (int i : known) {
                if (i < j - 1 && at(i).meets()) {
                    return notMonotone(at(i), at(j - 1), at(j));
                }
                if (i > j && !at(i).meets()) {
                    return notMonotone(at(j), at(i), at(known.get(known.size() - 1)));
                }
            }
            return null;
        }

        private String notMonotone(CalibrationResult.Point a, CalibrationResult.Point above, CalibrationResult.Point c) {
            return "the simulated " + calibration.measure().id() + " is not monotone in " + calibration.path() + " between the bounds: it"
                    + " is at most the target of " + percent(calibration.target()) + " at " + Calibration.text(a.value()) + " and at "
                    + Calibration.text(c.value()) + " but above it at " + Calibration.text(above.value()) + ", between them ("
                    + describe(a) + "; " + describe(above) + "; " + describe(c) + "), so bisection cannot tell where it crosses the"
                    + " target: narrow the bounds to where the measure moves one way, or simulate more replicates";
        }

        private String describe(CalibrationResult.Point p) {
            Estimate worst = p.worst();
            return "at " + Calibration.text(p.value()) + ", " + percent(worst.value()) + " ± "
                    + String.format(Locale.ROOT, "%.2f", 100 * worst.standardError());
        }

        private static String percent(double p) {
            return String.format(Locale.ROOT, "%.2f%%", 100 * p);
        }

        private List<CalibrationResult.Point> list() {
            return new ArrayList<>(points.values());
        }

        /** The point at grid index k, simulated once. */
        private CalibrationResult.Point point(int k) throws IOException, ProtocolException {
            CalibrationResult.Point known = points.get(k);
            if (known != null) {
                return known;
            }
            List<Estimate> m = measures.at(k);
            boolean meets = m.stream().allMatch(e -> e.value() <= calibration.target());
            CalibrationResult.Point p = new CalibrationResult.Point(calibration.value(k), m, meets, points.size() + 1);
            points.put(k, p);
            return p;
        }
    }
}
