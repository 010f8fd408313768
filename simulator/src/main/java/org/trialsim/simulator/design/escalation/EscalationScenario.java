package org.trialsim.simulator.design.escalation;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.util.ArrayList;
import java.util.List;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Design.Escalation.DltOnset;
import org.trialsim.protocol.Design.Escalation.TrueMtd;
import org.trialsim.protocol.Design.Escalation.WhenFull;
import org.trialsim.protocol.Range;

/**
 * What a simulated dose-escalation trial faces: the true DLT probability of each dose level, where it
 * starts, how patients arrive and how long each must be watched before their DLT answer is known.
 *
 * <p>DLT probabilities must not decrease from one level to the next. Both designs assume toxicity grows
 * with dose, and the simulation gives each patient one tolerance (a uniform number U; the patient has a
 * DLT at level d if U &lt; p_d), so that a patient with a DLT at one level would have had one at every
 * higher level. The true maximum tolerated dose (true MTD) is, by default, the highest level whose DLT
 * probability is at most the target rate, level 0 ("none") if even the first level is above it; or, as is
 * usual for target-based designs such as BOIN and the CRM, the level whose DLT probability is closest to
 * the target.
 *
 * @param dltProbabilities the probability of a DLT at each level, lowest level first; 1 to
 *                         {@link #MAX_LEVELS} levels, each within [0, 1], not decreasing
 * @param startLevel       the level of the first patient, from 1
 * @param interarrivalDays the mean time between patient arrivals, in days (&gt; 0)
 * @param arrivals         exponential (a Poisson process) or regular times between arrivals
 * @param dltWindowDays    days from enrolment until a patient's DLT answer is known (&gt; 0)
 * @param whenFull         whether a patient who arrives while accrual is suspended (no slot open) is lost
 *                         to the trial, as in Skolnik et al.'s simulation, or waits, first come first
 *                         served, to be enrolled as soon as a slot opens (patients still waiting when
 *                         the trial ends are not enrolled); the protocol's own policy. The JSON names
 *                         the constant ({@code "WAIT"}), as the escalate output always has
 * @param targetDltRate    the DLT rate that defines the true MTD, within (0, 1); also the target of BOIN and
 *                         the CRM, which need it within (0.05, 0.6) ({@link DoseFinding})
 * @param dltOnset         when within the window a patient's DLT occurs, and so becomes known: at the window's
 *                         end (the rule designs' simple model, the default), or drawn for each patient, uniform,
 *                         early or late; the rolling six and 3+3 count a patient with a DLT as evaluable from
 *                         then on, and the time-to-event designs see it
 * @param trueMtdDefinition how the true MTD is defined: the highest level at or below the target, or the level
 *                         closest to it
 */
public record EscalationScenario(List<Double> dltProbabilities, int startLevel, double interarrivalDays, Arrivals arrivals,
                                 double dltWindowDays, @JsonSerialize(using = ToStringSerializer.class) WhenFull whenFull,
                                 double targetDltRate, @JsonSerialize(using = ToStringSerializer.class) DltOnset dltOnset,
                                 @JsonSerialize(using = ToStringSerializer.class) TrueMtd trueMtdDefinition) {
    /** The most dose levels a scenario may have: the protocol's bound on an escalation, docs/limits.md. */
    public static final int MAX_LEVELS = Range.MAX_DOSE_LEVELS;
    /** The default mean time between arrivals, in days. */
    public static final double DEFAULT_INTERARRIVAL_DAYS = 10;
    /** The default DLT window, in days: one 28-day cycle, as in most pediatric phase I trials. */
    public static final double DEFAULT_DLT_WINDOW_DAYS = 28;
    /**
     * The default target DLT rate for the true MTD, a common choice. The 3+3 passes a level (0/3, or 1/3
     * then 0/3) with probability (1-p)^3 + 3p(1-p)^5, which is about 1/2 at p = 0.3.
     */
    public static final double DEFAULT_TARGET_DLT_RATE = Design.Escalation.DEFAULT_TARGET_DLT_RATE;

    /**
     * Checks the scenario.
     *
     * @throws IllegalArgumentException naming the first argument that is out of range, NaN, null, or
     *                                  (for the DLT probabilities) decreasing
     */
    public EscalationScenario {
        if (dltProbabilities == null || dltProbabilities.isEmpty() || dltProbabilities.size() > MAX_LEVELS) {
            throw new IllegalArgumentException("dltProbabilities must give 1 to " + MAX_LEVELS + " dose levels, not "
                    + (dltProbabilities == null ? "none" : dltProbabilities.size()));
        }
        List<Double> copy = new ArrayList<>(dltProbabilities.size());
        for (int i = 0; i < dltProbabilities.size(); i++) {
            Double p = dltProbabilities.get(i);
            if (p == null || !(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("dltProbabilities: the DLT probability of level " + (i + 1)
                        + " must be within [0, 1], not " + p);
            }
            if (i > 0 && p < copy.get(i - 1)) {
                throw new IllegalArgumentException("dltProbabilities must not decrease with dose, but level " + (i + 1) + " ("
                        + p + ") is below level " + i + " (" + copy.get(i - 1) + "); both designs assume toxicity grows"
                        + " with dose, and so does the simulation, in which a patient with a DLT at one level would have"
                        + " one at every higher level");
            }
            copy.add(p);
        }
        dltProbabilities = List.copyOf(copy);
        if (!(startLevel >= 1 && startLevel <= dltProbabilities.size())) {
            throw new IllegalArgumentException("startLevel must be between 1 and the number of levels ("
                    + dltProbabilities.size() + "), not " + startLevel);
        }
        if (!(interarrivalDays > 0 && interarrivalDays < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("interarrivalDays must be above 0 and finite, not " + interarrivalDays);
        }
        if (arrivals == null) {
            throw new IllegalArgumentException("arrivals must be given");
        }
        if (!(dltWindowDays > 0 && dltWindowDays < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("dltWindowDays must be above 0 and finite, not " + dltWindowDays);
        }
        if (whenFull == null) {
            throw new IllegalArgumentException("whenFull must be given");
        }
        if (!(targetDltRate > 0 && targetDltRate < 1)) {
            throw new IllegalArgumentException("targetDltRate must be above 0 and below 1, not " + targetDltRate);
        }
        if (dltOnset == null) {
            throw new IllegalArgumentException("dltOnset must be given");
        }
        if (trueMtdDefinition == null) {
            throw new IllegalArgumentException("trueMtdDefinition must be given");
        }
    }

    /** A scenario with DLTs known at the end of the window and the true MTD at or below the target, as before onsets. */
    public EscalationScenario(List<Double> dltProbabilities, int startLevel, double interarrivalDays, Arrivals arrivals,
                              double dltWindowDays, WhenFull whenFull, double targetDltRate) {
        this(dltProbabilities, startLevel, interarrivalDays, arrivals, dltWindowDays, whenFull, targetDltRate, DltOnset.WINDOW_END,
                TrueMtd.AT_OR_BELOW);
    }

    /**
     * A scenario with these DLT probabilities, starting at level 1, exponential arrivals
     * {@value #DEFAULT_INTERARRIVAL_DAYS} days apart on average, a {@value #DEFAULT_DLT_WINDOW_DAYS}-day
     * DLT window, patients lost while accrual is suspended, a target DLT rate of {@value #DEFAULT_TARGET_DLT_RATE},
     * DLTs known at the end of the window, and the true MTD the highest level at or below the target.
     */
    public static EscalationScenario of(double... dltProbabilities) {
        List<Double> p = new ArrayList<>(dltProbabilities.length);
        for (double v : dltProbabilities) {
            p.add(v);
        }
        return new EscalationScenario(p, 1, DEFAULT_INTERARRIVAL_DAYS, Arrivals.EXPONENTIAL, DEFAULT_DLT_WINDOW_DAYS,
                WhenFull.LOST, DEFAULT_TARGET_DLT_RATE);
    }

    /** The same scenario starting at another level. */
    public EscalationScenario withStartLevel(int level) {
        return new EscalationScenario(dltProbabilities, level, interarrivalDays, arrivals, dltWindowDays, whenFull, targetDltRate,
                dltOnset, trueMtdDefinition);
    }

    /** The same scenario with another mean time between arrivals. */
    public EscalationScenario withInterarrivalDays(double days) {
        return new EscalationScenario(dltProbabilities, startLevel, days, arrivals, dltWindowDays, whenFull, targetDltRate,
                dltOnset, trueMtdDefinition);
    }

    /** The same scenario with other arrivals. */
    public EscalationScenario withArrivals(Arrivals kind) {
        return new EscalationScenario(dltProbabilities, startLevel, interarrivalDays, kind, dltWindowDays, whenFull, targetDltRate,
                dltOnset, trueMtdDefinition);
    }

    /** The same scenario with another DLT window. */
    public EscalationScenario withDltWindowDays(double days) {
        return new EscalationScenario(dltProbabilities, startLevel, interarrivalDays, arrivals, days, whenFull, targetDltRate,
                dltOnset, trueMtdDefinition);
    }

    /** The same scenario with another policy for patients who arrive while accrual is suspended. */
    public EscalationScenario withWhenFull(WhenFull policy) {
        return new EscalationScenario(dltProbabilities, startLevel, interarrivalDays, arrivals, dltWindowDays, policy, targetDltRate,
                dltOnset, trueMtdDefinition);
    }

    /** The same scenario with another target DLT rate. */
    public EscalationScenario withTargetDltRate(double rate) {
        return new EscalationScenario(dltProbabilities, startLevel, interarrivalDays, arrivals, dltWindowDays, whenFull, rate,
                dltOnset, trueMtdDefinition);
    }

    /** The same scenario with DLTs occurring, and becoming known, at other times within the window. */
    public EscalationScenario withDltOnset(DltOnset onset) {
        return new EscalationScenario(dltProbabilities, startLevel, interarrivalDays, arrivals, dltWindowDays, whenFull, targetDltRate,
                onset, trueMtdDefinition);
    }

    /** The same scenario with the true MTD defined otherwise. */
    public EscalationScenario withTrueMtdDefinition(TrueMtd definition) {
        return new EscalationScenario(dltProbabilities, startLevel, interarrivalDays, arrivals, dltWindowDays, whenFull, targetDltRate,
                dltOnset, definition);
    }

    /** The number of dose levels. */
    public int levels() {
        return dltProbabilities.size();
    }

    /**
     * The true MTD: the highest level whose DLT probability is at most the target rate, or 0 if none is; or,
     * when so defined, the level whose DLT probability is closest to the target (the lower of two as close).
     */
    public int trueMtd() {
        int mtd = 0;
        if (trueMtdDefinition == TrueMtd.CLOSEST) {
            mtd = 1;
            for (int i = 1; i < dltProbabilities.size(); i++) {
                if (Math.abs(dltProbabilities.get(i) - targetDltRate) < Math.abs(dltProbabilities.get(mtd - 1) - targetDltRate)) {
                    mtd = i + 1;
                }
            }
            return mtd;
        }
        for (int i = 0; i < dltProbabilities.size(); i++) {
            if (dltProbabilities.get(i) <= targetDltRate) {
                mtd = i + 1;
            }
        }
        return mtd;
    }
}
