package org.trialsim.simulator.explore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.protocol.io.Sweep;

/**
 * Where a search starts: the analytic answer of every scenario, when the searched path is the events or
 * the sample size of a two-arm survival comparison whose hazards are proportional and
 * (piecewise-)exponential ({@link Trials#analyticSize}: {@code trialsim design survival}'s events or patients
 * for the target power), and the bracket around the largest of them that the search tries first.
 *
 * <p>The bracket is the analytic answer ± {@value #MARGIN_PERCENT}% (at least ± {@value #LEAST_MARGIN}),
 * within the search's bounds: Schoenfeld's formula is within a few percent of the log-rank test's power
 * for the designs it suits, and a thousand replicates tell apart powers about 2.5 points apart, some 5–10%
 * of the events around 80% power.
 *
 * @param values      per cell of the sweep (in its order), the analytic events or patients, unrounded; null when
 *                    there is no analytic answer
 * @param unavailable why there is none (naming the cell), or null
 */
record AnalyticStart(List<Double> values, String unavailable) {
    /** The events of the final analysis. */
    static final String EVENTS = "design.analysis.events";
    /** The patients enrolled. */
    static final String SAMPLE_SIZE = "design.sampleSize";
    /** The bracket's half-width, percent of the analytic answer. */
    static final int MARGIN_PERCENT = 10;
    /** The bracket's least half-width. */
    static final int LEAST_MARGIN = 2;

    AnalyticStart {
        values = values == null ? null : List.copyOf(values);
    }

    /** The analytic answer of every cell of a search sweep, or why there is none. */
    static AnalyticStart of(Sweep sweep, Trials trials) throws IOException, ProtocolException {
        Sweep.Search search = sweep.search();
        if (!search.path().equals(EVENTS) && !search.path().equals(SAMPLE_SIZE)) {
            return new AnalyticStart(null, "the analytic answer is of " + EVENTS + " or " + SAMPLE_SIZE + ", not " + search.path());
        }
        List<Double> values = new ArrayList<>();
        for (Sweep.Cell cell : sweep.cells()) {
            String why = null;
            LoadedProtocol loaded = trials.load(sweep.settings(cell));
            if (loaded.protocol().design() instanceof Design.Randomized r) {
                why = timing(r, search.path());
            }
            if (why == null) {
                Trials.AnalyticSize size = trials.analyticSize(loaded, sweep.analysis(), search.power());
                why = size.unavailable() != null ? size.unavailable() : beyondHorizon(size, loaded, search.path());
                values.add(search.path().equals(EVENTS) ? size.events() : size.patients());
            }
            if (why != null) {
                return new AnalyticStart(null, "in cell '" + sweep.name(cell) + "': " + why);
            }
        }
        return new AnalyticStart(values, null);
    }

    /** Why the design's analysis is not timed as the analytic answer assumes, or null. */
    private static String timing(Design.Randomized design, String path) {
        Design.Analysis analysis = design.analysis();
        if (path.equals(EVENTS)) {
            return null;
        }
        if (analysis == null || analysis.followUpMonths() == null || analysis.events() != null || analysis.calendarMonths() != null) {
            return "the analytic sample size is for a final analysis a given time after the last enrolment"
                    + " (design.analysis.followUpMonths, without events or calendarMonths)";
        }
        return null;
    }

    /** Why the patients are not followed to the analysis (the follow-up horizon comes first), or null. */
    private static String beyondHorizon(Trials.AnalyticSize result, LoadedProtocol loaded, String path) {
        double horizonMonths = loaded.protocol().followUp().horizonYears() * TimeUnits.DAYS_PER_YEAR / TimeUnits.DAYS_PER_MONTH;
        if (path.equals(SAMPLE_SIZE) && result.studyMonths() > horizonMonths) {
            return String.format(Locale.ROOT, "the follow-up horizon (%.1f months) ends before the analysis (month %.1f)", horizonMonths,
                    result.studyMonths());
        }
        return null;
    }

    /** The smallest whole value at least the analytic answer of every cell, or null. */
    Integer answer() {
        return values == null ? null : (int) Math.ceil(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow() - 1e-9);
    }

    /**
     * The values the search tries first: the analytic answer ± the margin, within the bounds (and at least
     * two values); the bounds when there is no analytic answer.
     */
    int[] bracket(int lower, int upper) {
        Integer start = answer();
        if (start == null) {
            return new int[] {lower, upper};
        }
        long margin = Math.max(LEAST_MARGIN, (long) Math.ceil(start * (MARGIN_PERCENT / 100.0)));
        int low = (int) Math.max(lower, Math.min(start - margin, upper - 1L));
        int high = (int) Math.min(upper, Math.max(start + margin, lower + 1L));
        return new int[] {low, high};
    }
}
