package org.trialsim.simulator.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Counts right-censored, possibly competing-risk observations in whole-day bins, so that a cohort of any
 * size is summarised in a fixed-size array, and shards of a cohort can be merged exactly.
 *
 * <h2>Binning</h2>
 * An observation at time {@code t} days falls in day bin {@code ceil(t)}: bin {@code d} holds the times
 * in {@code (d − 1, d]}, and bin 0 holds time 0 exactly. The estimators are then exactly the
 * Kaplan–Meier and Aalen–Johansen estimators of the data with every time rounded up to a whole day,
 * which is what R gives for {@code survfit(Surv(ceiling(t), status) ~ 1)}. Rounding up (not down) keeps
 * the curve honest at whole days: the estimate at day {@code d} counts exactly the events at times
 * {@code t ≤ d}, never an event that has not happened yet. The one approximation is inside a day: a
 * patient censored earlier in the same day as an event still counts as at risk for it. With many
 * patients at risk that changes an estimate by far less than its standard error.
 *
 * <h2>Ties</h2>
 * As in R, events come before censorings at the same time (here, the same day bin): a patient censored
 * on day {@code d} is at risk for the events of day {@code d}.
 *
 * <h2>Horizon</h2>
 * Bins run from day 0 to {@code horizonDays}. An observation after the horizon (including
 * {@code +∞}, for a patient who never has the event) is counted as at risk throughout the horizon and
 * censored after it, whatever its status, so the estimates up to the horizon are those of the full data.
 *
 * <h2>Status</h2>
 * {@link #CENSORED} (0), or the cause of the event, 1 to {@link #causes()}. For plain survival (one
 * cause) the status is {@link #CENSORED} or {@link #EVENT}.
 *
 * <h2>Cost and determinism</h2>
 * {@link #add} does a range check and increments one {@code long}: no allocation, a few nanoseconds.
 * Memory is {@code 8 × (horizonDays + 2) × (causes + 1)} bytes, whatever the number of patients
 * (about 88 kB for ten years and two causes). The counts are integers, so {@link #merge} is exact and
 * the estimates are bitwise identical for any split of a cohort into shards and any merge order.
 *
 * <p>An accumulator is not thread-safe: give each worker its own and merge them.
 *
 * <pre>{@code
 * SurvivalAccumulator shard = SurvivalAccumulator.of(3653, 2); // causes: 1 relapse, 2 death in CR
 * shard.add(412.7, 1);                                        // relapse, day bin 413
 * shard.add(3653.0, SurvivalAccumulator.CENSORED);             // event-free at the end of follow-up
 * efs.merge(shard);                                           // per worker shard, any order
 * CurvePoint fiveYear = efs.kaplanMeier().at(5 * TimeUnits.DAYS_PER_YEAR);
 * CurvePoint relapse = efs.cumulativeIncidence(1).at(5 * TimeUnits.DAYS_PER_YEAR);
 * }</pre>
 */
public final class SurvivalAccumulator {
    /** The status of a censored observation. */
    public static final int CENSORED = 0;
    /** The status of an event when there is one cause. */
    public static final int EVENT = 1;

    private final int horizon;
    private final int causes;
    private final int stride;
    /** counts[bin * stride + status]; bin horizon + 1 holds the observations after the horizon, as censored. */
    private final long[] counts;

    private SurvivalAccumulator(int horizon, int causes) {
        this.horizon = horizon;
        this.causes = causes;
        this.stride = causes + 1;
        this.counts = new long[(horizon + 2) * stride];
    }

    /**
     * An empty accumulator for plain survival (status {@link #CENSORED} or {@link #EVENT}).
     *
     * @param horizonDays the last day bin, at least 1
     * @throws IllegalArgumentException if the horizon is out of range
     */
    public static SurvivalAccumulator of(int horizonDays) {
        return of(horizonDays, 1);
    }

    /**
     * An empty accumulator for competing risks with the given number of causes.
     *
     * @param horizonDays the last day bin, at least 1
     * @param causes the number of causes of an event, at least 1
     * @throws IllegalArgumentException if an argument is out of range or the counts would not fit in an array
     */
    public static SurvivalAccumulator of(int horizonDays, int causes) {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be at least 1: " + horizonDays);
        }
        if (causes < 1) {
            throw new IllegalArgumentException("causes must be at least 1: " + causes);
        }
        if ((horizonDays + 2L) * (causes + 1L) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                "horizonDays × causes too large for one array: " + horizonDays + " × " + causes);
        }
        return new SurvivalAccumulator(horizonDays, causes);
    }

    /**
     * Records one observation.
     *
     * @param timeDays the time of the event or censoring in days from the origin: at least 0; may be
     *     {@code +∞}; times after the horizon count as censored after it
     * @param status {@link #CENSORED}, or the cause of the event (1 to {@link #causes()})
     * @throws IllegalArgumentException if the time is negative or NaN, or the status out of range
     */
    public void add(double timeDays, int status) {
        if (!(timeDays >= 0)) {
            throw new IllegalArgumentException("timeDays must be non-negative: " + timeDays);
        }
        if (status < 0 || status > causes) {
            throw new IllegalArgumentException("status must be in [0, " + causes + "]: " + status);
        }
        if (timeDays > horizon) {
            counts[(horizon + 1) * stride]++;
            return;
        }
        counts[dayBin(timeDays) * stride + status]++;
    }

    /**
     * The day bin of a time, {@code ⌈t⌉}: the whole days the estimators count it in (see the binning
     * above), which is also what patient records write, so that an analysis of them finds the same curves.
     *
     * @param timeDays a time from 0 to {@link Integer#MAX_VALUE} days
     */
    public static int dayBin(double timeDays) {
        // truncation is floor for t >= 0, and measured a little faster than Math.ceil
        int bin = (int) timeDays;
        return bin < timeDays ? bin + 1 : bin;
    }

    /**
     * Adds the counts of another accumulator with the same horizon and number of causes. The result
     * does not depend on the order of merges.
     *
     * @throws IllegalArgumentException if the horizon or number of causes differs
     */
    public void merge(SurvivalAccumulator other) {
        if (other.horizon != horizon || other.causes != causes) {
            throw new IllegalArgumentException("cannot merge an accumulator with horizon " + other.horizon
                + " days and " + other.causes + " causes into one with horizon " + horizon + " days and "
                + causes + " causes");
        }
        long[] theirs = other.counts;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += theirs[i];
        }
    }

    /**
     * Writes the counts: the horizon and the number of causes (4 bytes each), then the counts by
     * {@link CountCodec#writeCounts} (docs/shards.md).
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(horizon);
        out.writeInt(causes);
        CountCodec.writeCounts(out, counts);
    }

    /**
     * Adds the counts {@link #writeTo} wrote, as {@link #merge} would.
     *
     * @throws IOException if the input ends early, or its horizon, causes or counts are not this accumulator's
     */
    public void addFrom(DataInput in) throws IOException {
        int h = in.readInt();
        int c = in.readInt();
        if (h != horizon || c != causes) {
            throw new IOException("survival counts of horizon " + h + " days and " + c + " causes where " + horizon + " and "
                + causes + " were expected");
        }
        CountCodec.addCounts(in, counts, "survival counts");
    }

    /** The last day bin. */
    public int horizonDays() {
        return horizon;
    }

    /** The number of causes of an event. */
    public int causes() {
        return causes;
    }

    /**
     * The observations counted in one day bin with one status: the tied-time table that a data cut or a
     * Cox fit reads, without a copy.
     *
     * @param dayBin a day bin from 0 to {@link #horizonDays()}, or {@code horizonDays() + 1} for the
     *     observations after the horizon (all counted as {@link #CENSORED})
     * @param status {@link #CENSORED}, or a cause from 1 to {@link #causes()}
     * @throws IllegalArgumentException if the bin or the status is out of range
     */
    public long observations(int dayBin, int status) {
        if (dayBin < 0 || dayBin > horizon + 1) {
            throw new IllegalArgumentException("dayBin must be in [0, " + (horizon + 1) + "]: " + dayBin);
        }
        if (status < 0 || status > causes) {
            throw new IllegalArgumentException("status must be in [0, " + causes + "]: " + status);
        }
        return counts[dayBin * stride + status];
    }

    /** The number of observations recorded. */
    public long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /**
     * The Kaplan–Meier estimate of survival free of any event, with Greenwood standard errors and
     * 95% {@link ConfidenceTransform#LOG_LOG log-log} confidence intervals.
     */
    public SurvivalCurve kaplanMeier() {
        return kaplanMeier(ConfidenceTransform.LOG_LOG, 0.95);
    }

    /**
     * The Kaplan–Meier estimate of survival free of any event, with Greenwood standard errors and
     * confidence intervals of the given transform and level.
     *
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public SurvivalCurve kaplanMeier(ConfidenceTransform transform, double level) {
        return new SurvivalCurve(counts, horizon, causes, 0, transform, level);
    }

    /**
     * The Aalen–Johansen cumulative incidence of one cause, with delta-method standard errors and 95%
     * {@link ConfidenceTransform#LOG_LOG log-log} confidence intervals.
     *
     * @param cause the cause, 1 to {@link #causes()}
     * @throws IllegalArgumentException if the cause is out of range
     */
    public SurvivalCurve cumulativeIncidence(int cause) {
        return cumulativeIncidence(cause, ConfidenceTransform.LOG_LOG, 0.95);
    }

    /**
     * The Aalen–Johansen cumulative incidence of one cause, with delta-method standard errors and
     * confidence intervals of the given transform and level.
     *
     * @param cause the cause, 1 to {@link #causes()}
     * @throws IllegalArgumentException if the cause or level is out of range
     */
    public SurvivalCurve cumulativeIncidence(int cause, ConfidenceTransform transform, double level) {
        if (cause < 1 || cause > causes) {
            throw new IllegalArgumentException("cause must be in [1, " + causes + "]: " + cause);
        }
        return new SurvivalCurve(counts, horizon, causes, cause, transform, level);
    }
}
