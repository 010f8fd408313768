package org.trialsim.simulator.design.escalation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The boundaries of the Bayesian optimal interval design (Liu and Yuan, J R Stat Soc C 2015;64:507-523),
 * computed as the BOIN package's {@code get.boundary} computes them. With target φ, the highest rate deemed
 * too low φ1 (safe) and the lowest deemed too high φ2 (toxic), the escalation boundary is
 * λe = log((1 − φ1)/(1 − φ)) / log(φ(1 − φ1) / (φ1(1 − φ))) and the de-escalation boundary
 * λd = log((1 − φ)/(1 − φ2)) / log(φ2(1 − φ) / (φ(1 − φ2))): escalate when a level's observed DLT rate is
 * at most λe, de-escalate when it is above λd, stay otherwise (0.2365 and 0.3585 for φ = 0.3 and the
 * defaults φ1 = 0.6 φ, φ2 = 1.4 φ). A level with at least 3 patients whose posterior probability (uniform
 * prior) of a DLT rate above φ exceeds the cutoff, 0.95, is eliminated with every level above it.
 *
 * <p>As counts, for n = 1, 2, ... patients at a level (list index n − 1): escalate with at most floor(λe n)
 * DLTs; de-escalate with at least the smallest count above λd n (but never more than the elimination
 * count); eliminate with at least the smallest count c with 1 − Beta(c + 1, n − c + 1).cdf(φ) &gt; 0.95,
 * none below 3 patients (null).
 *
 * @param target            the target DLT rate φ
 * @param safeRate          φ1, the highest DLT rate deemed too low (escalate)
 * @param toxicRate         φ2, the lowest DLT rate deemed too high (de-escalate)
 * @param escalation        λe
 * @param deescalation      λd
 * @param eliminationCutoff the posterior probability above which a level is eliminated
 * @param escalateAtMost    per number of patients, the most DLTs with which to escalate
 * @param deescalateAtLeast per number of patients, the fewest DLTs with which to de-escalate
 * @param eliminateAtLeast  per number of patients, the fewest DLTs that eliminate the level; null when none can
 */
public record BoinBoundaries(double target, double safeRate, double toxicRate, double escalation, double deescalation,
                             double eliminationCutoff, List<Integer> escalateAtMost, List<Integer> deescalateAtLeast,
                             List<Integer> eliminateAtLeast) {
    /** BOIN's recommended cutoff for eliminating a level. */
    public static final double ELIMINATION_CUTOFF = 0.95;
    /** The fewest patients at a level before it can be eliminated. */
    public static final int ELIMINATION_MIN_PATIENTS = 3;

    /** Makes immutable copies (the elimination list holds nulls). */
    public BoinBoundaries {
        escalateAtMost = List.copyOf(escalateAtMost);
        deescalateAtLeast = List.copyOf(deescalateAtLeast);
        eliminateAtLeast = Collections.unmodifiableList(new ArrayList<>(eliminateAtLeast));
    }

    /**
     * The boundaries for up to the given number of patients at a level.
     *
     * @throws IllegalArgumentException unless 0 &lt; safeRate &lt; target &lt; toxicRate &lt; 1 and maxPatients &gt;= 1
     */
    public static BoinBoundaries of(double target, double safeRate, double toxicRate, int maxPatients) {
        if (!(safeRate > 0 && safeRate < target && target < toxicRate && toxicRate < 1)) {
            throw new IllegalArgumentException("BOIN needs 0 < safe rate < target < toxic rate < 1, not " + safeRate + ", " + target
                    + ", " + toxicRate);
        }
        if (maxPatients < 1) {
            throw new IllegalArgumentException("maxPatients must be at least 1, not " + maxPatients);
        }
        double lambdaE = Math.log((1 - safeRate) / (1 - target)) / Math.log(target * (1 - safeRate) / (safeRate * (1 - target)));
        double lambdaD = Math.log((1 - target) / (1 - toxicRate)) / Math.log(toxicRate * (1 - target) / (target * (1 - toxicRate)));
        List<Integer> escalate = new ArrayList<>(maxPatients);
        List<Integer> deescalate = new ArrayList<>(maxPatients);
        List<Integer> eliminate = new ArrayList<>(maxPatients);
        for (int n = 1; n <= maxPatients; n++) {
            escalate.add((int) Math.floor(lambdaE * n));
            // as get.boundary: the smallest count strictly above λd n, treating λd n within 1e-12 of a whole number as whole
            double ld = lambdaD * n;
            int down = Math.abs(Math.rint(ld) - ld) < 1e-12 ? (int) Math.rint(ld) + 1 : (int) Math.ceil(ld);
            Integer elim = eliminationCount(target, n);
            deescalate.add(elim != null && down > elim ? elim : down);
            eliminate.add(elim);
        }
        return new BoinBoundaries(target, safeRate, toxicRate, lambdaE, lambdaD, ELIMINATION_CUTOFF, escalate, deescalate, eliminate);
    }

    /** The fewest DLTs in n patients that eliminate a level; null below 3 patients or when none do. */
    static Integer eliminationCount(double target, int n) {
        if (n < ELIMINATION_MIN_PATIENTS) {
            return null;
        }
        for (int dlts = 1; dlts <= n; dlts++) {
            if (overdoseProbability(target, n, dlts) > ELIMINATION_CUTOFF) {
                return dlts;
            }
        }
        return null;
    }

    /**
     * The posterior probability that the DLT rate is above the target after the given DLTs in n patients,
     * under a uniform prior: 1 − Beta(dlts + 1, n − dlts + 1).cdf(target), written as R's 1 − pbeta(...).
     */
    static double overdoseProbability(double target, int n, int dlts) {
        return 1 - BetaDistribution.of(dlts + 1, n - dlts + 1).cumulativeProbability(target);
    }
}
