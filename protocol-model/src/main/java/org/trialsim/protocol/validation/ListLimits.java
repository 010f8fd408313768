package org.trialsim.protocol.validation;

import java.util.Map;
import org.trialsim.protocol.Range;

/**
 * The most entries a list or mapping of a protocol may hold. Most lists only cost their own reading,
 * and share a generous default; the ones named here multiply what a run does or writes (a row of every
 * result per landmark, per endpoint and per arm; a simulation of every patient per arm; a test of every
 * route for every patient), so 300,000 landmarks made a 2.5 GB result. Real protocols use a few
 * percent of these bounds. docs/limits.md lists them with the same reasons; a test keeps the two alike.
 *
 * <p>Places are written as paths with {@code *} for an id the author chose, e.g.
 * {@code pathway.nodes.*.routes}.
 */
final class ListLimits {
    /** A bound and the reason for it. */
    record Limit(int max, String why) {
    }

    /** Any list or mapping not named below. */
    static final Limit DEFAULT = new Limit(1_000, "a protocol needs far fewer");

    /** The bounds by place. */
    static final Map<String, Limit> BY_PLACE = Map.ofEntries(
            Map.entry("arms", new Limit(20, "every patient is simulated on every arm, and each arm is a column of every result")),
            Map.entry("endpoints", new Limit(20, "each endpoint adds survival curves, landmarks and incidences for every arm")),
            Map.entry("followUp.landmarkYears", new Limit(100,
                    "each landmark adds a row for every endpoint, event and arm to the results")),
            Map.entry("assessments", new Limit(50, "each assessment adds response rates for every arm, and a value to every patient")),
            Map.entry("assessments.*.thresholds", new Limit(20, "each threshold adds a response rate for every arm")),
            Map.entry("population.covariates", new Limit(100, "each covariate is drawn for every patient and written to every record")),
            Map.entry("eligibility", new Limit(ProtocolValidator.MAX_FLAGS, "each criterion is checked for every patient, adds a row for"
                    + " every arm, and is counted as one bit of a 64-bit mask")),
            Map.entry("riskGroups.groups", new Limit(50, "each group adds a row for every arm")),
            Map.entry("riskGroups.initial", new Limit(100, "the rules are tried for every patient and checked for gaps")),
            Map.entry("pathway.nodes", new Limit(1_000, "each node adds a row for every arm, and every walk of the pathway visits it")),
            Map.entry("pathway.nodes.*.routes", new Limit(100,
                    "the routes are tried for every patient, checked for gaps, and each adds a row for every arm")),
            Map.entry("pathway.nodes.*.strata", new Limit(100, "the strata are tried for every patient and checked for gaps")),
            Map.entry("pathway.nodes.*.toxicities", new Limit(ProtocolValidator.MAX_FLAGS, "each toxicity is drawn for every patient, adds"
                    + " a row for every arm, and is counted as one bit of a 64-bit mask per block")),
            Map.entry("pathway.nodes.*.mrdResponse.adjustments", new Limit(100, "the adjustments are tried for every patient")),
            Map.entry("outcomes.relapse", new Limit(100, "the rules are tried for every patient and checked for gaps")),
            Map.entry("outcomes.deathInRemission", new Limit(100, "the rules are tried for every patient and checked for gaps")),
            Map.entry("outcomes.deathAfterEvent", new Limit(100, "the rules are tried for every patient and checked for gaps")),
            Map.entry("design.comparisons", new Limit(10, "each comparison is analysed in every simulated trial and adds a table")),
            Map.entry("design.analysis.informationFractions", new Limit(20,
                    "each look is analysed in every simulated trial, and the boundaries' integration grows with the looks")),
            Map.entry("design.analysis.futilityBounds", new Limit(20, "there is one per interim look")),
            Map.entry("design.accrual.changes", new Limit(100, "the changes are walked for every arrival")),
            Map.entry("design.escalation.levels", new Limit(Range.MAX_DOSE_LEVELS, "the escalation simulator's limit; each dose level adds"
                    + " rows to the escalation results")));

    private ListLimits() {
    }

    /** The bound at a place. */
    static Limit at(String place) {
        return BY_PLACE.getOrDefault(place, DEFAULT);
    }
}
