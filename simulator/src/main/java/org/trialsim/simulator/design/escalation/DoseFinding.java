package org.trialsim.simulator.design.escalation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.trialsim.protocol.Range;

/**
 * The parameters of the target-based designs: BOIN, TITE-BOIN, the CRM and the TITE-CRM. The rolling six and
 * the 3+3 use none of them. Their target is the scenario's target DLT rate.
 *
 * <pre>{@code
 * DoseFinding settings = DoseFinding.defaults(scenario).withCohortSize(3).withMaxPatients(30);
 * }</pre>
 *
 * @param cohortSize            BOIN, TITE-BOIN and the CRM: patients per cohort, who get the same level (the
 *                              TITE-CRM chooses a level for every patient)
 * @param maxPatients           the sample size; BOIN, TITE-BOIN and the CRM treat whole cohorts, so a multiple of
 *                              the cohort size
 * @param skeleton              the CRM and the TITE-CRM: the prior guess of each level's DLT probability, one per
 *                              level, increasing within (0, 1)
 * @param priorVariance         the CRM and the TITE-CRM: the prior variance of the model's parameter
 * @param safeRate              BOIN and TITE-BOIN: the highest DLT rate deemed too low, below the target by at least
 *                              a tenth of it (the package's rule)
 * @param toxicRate             BOIN and TITE-BOIN: the lowest DLT rate deemed too high, above the target by at
 *                              least a tenth of it
 * @param maxPendingFraction    TITE-BOIN: accrual is suspended while more than this fraction of the patients at
 *                              the current level are pending, unless their data already call for de-escalation
 * @param levelCap              stop accrual once the level chosen for the next cohort already has this many
 *                              patients (BOIN's {@code n.earlystop}, with its conditions; for the CRMs a cap per
 *                              level); null: no such stop (then absent from the JSON, so that a saved result reads back the same)
 * @param safetyStop            the CRM and the TITE-CRM: stop with no MTD when the posterior probability that the
 *                              lowest level's DLT probability is above the target exceeds this; null: never
 * @param titeCrmCoherent       the TITE-CRM: no escalation right after a patient whose DLT is known (the CRM's
 *                              rule, which the CRM always applies); dfcrm's titesim applies only the rule against
 *                              skipping a level, as the TITE-CRM does without this
 */
public record DoseFinding(int cohortSize, int maxPatients, List<Double> skeleton, double priorVariance, double safeRate,
                          double toxicRate, double maxPendingFraction, @JsonInclude(JsonInclude.Include.NON_NULL) Integer levelCap,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double safetyStop,
                          boolean titeCrmCoherent) {
    /** The default cohort size of BOIN, TITE-BOIN and the CRM. */
    public static final int DEFAULT_COHORT_SIZE = 3;
    /** dfcrm's default prior variance of the CRM's parameter. */
    public static final double DEFAULT_PRIOR_VARIANCE = 1.34;
    /** The default safe rate, as a fraction of the target (the BOIN package's). */
    public static final double SAFE_FRACTION = 0.6;
    /** The default toxic rate, as a multiple of the target (the BOIN package's). */
    public static final double TOXIC_FRACTION = 1.4;
    /** TITE-BOIN's default: suspend accrual while more than half the patients at the level are pending (Yuan et al. 2018). */
    public static final double DEFAULT_MAX_PENDING_FRACTION = 0.5;
    /** The half-width of the default skeleton's indifference intervals, as a fraction of the target. */
    public static final double SKELETON_HALF_WIDTH = 0.25;

    /**
     * Checks the settings on their own; {@link #check} checks them against a scenario.
     *
     * @throws IllegalArgumentException naming the first component out of range
     */
    public DoseFinding {
        if (cohortSize < 1 || cohortSize > Range.MAX_COHORT_SIZE) {
            throw new IllegalArgumentException("cohortSize must be from 1 to " + Range.MAX_COHORT_SIZE + ", not " + cohortSize);
        }
        if (maxPatients < 1 || maxPatients > Range.MAX_ESCALATION_PATIENTS) {
            throw new IllegalArgumentException("maxPatients must be from 1 to " + Range.MAX_ESCALATION_PATIENTS + ", not " + maxPatients);
        }
        if (skeleton == null || skeleton.isEmpty()) {
            throw new IllegalArgumentException("skeleton must give a DLT probability for each level");
        }
        for (int i = 0; i < skeleton.size(); i++) {
            Double s = skeleton.get(i);
            if (s == null || !(s > 0 && s < 1)) {
                throw new IllegalArgumentException("skeleton: the DLT probability of level " + (i + 1) + " must be above 0 and below 1,"
                        + " not " + s);
            }
            if (i > 0 && !(s > skeleton.get(i - 1))) {
                throw new IllegalArgumentException("skeleton must increase with dose, but level " + (i + 1) + " (" + s + ") is not above"
                        + " level " + i + " (" + skeleton.get(i - 1) + ")");
            }
        }
        skeleton = List.copyOf(skeleton);
        if (!(priorVariance >= Range.MIN_PRIOR_VARIANCE && priorVariance <= Range.MAX_PRIOR_VARIANCE)) {
            throw new IllegalArgumentException("priorVariance must be from " + Range.MIN_PRIOR_VARIANCE + " to " + Range.MAX_PRIOR_VARIANCE
                    + ", not " + priorVariance);
        }
        if (!(safeRate > 0 && safeRate < 1)) {
            throw new IllegalArgumentException("safeRate must be above 0 and below 1, not " + safeRate);
        }
        if (!(toxicRate > 0 && toxicRate < 1)) {
            throw new IllegalArgumentException("toxicRate must be above 0 and below 1, not " + toxicRate);
        }
        if (!(maxPendingFraction > 0 && maxPendingFraction < 1)) {
            throw new IllegalArgumentException("maxPendingFraction must be above 0 and below 1, not " + maxPendingFraction);
        }
        if (levelCap != null && (levelCap < 1 || levelCap > Range.MAX_ESCALATION_PATIENTS)) {
            throw new IllegalArgumentException("levelCap must be from 1 to " + Range.MAX_ESCALATION_PATIENTS + ", not " + levelCap);
        }
        if (safetyStop != null && !(safetyStop > 0 && safetyStop < 1)) {
            throw new IllegalArgumentException("safetyStop must be above 0 and below 1, not " + safetyStop);
        }
    }

    /**
     * The defaults for a scenario: cohorts of {@value #DEFAULT_COHORT_SIZE}; as many patients as the rolling six
     * can treat at most (six per level, at most {@value Range#MAX_ESCALATION_PATIENTS}); Lee and Cheung's skeleton
     * around the target ({@link #skeletonAround}); prior variance {@value #DEFAULT_PRIOR_VARIANCE}; BOIN's safe
     * and toxic rates 0.6 and 1.4 times the target; TITE-BOIN's accrual suspended while more than half the
     * patients at the level are pending; no cap per level, no safety stop; the TITE-CRM without the
     * no-escalation-after-a-DLT rule, as dfcrm's titesim.
     *
     * @throws IllegalArgumentException if the target is outside BOIN's and the CRM's range
     */
    public static DoseFinding defaults(EscalationScenario scenario) {
        double target = scenario.targetDltRate();
        checkTarget(target);
        int levels = scenario.levels();
        return new DoseFinding(DEFAULT_COHORT_SIZE, defaultMaxPatients(levels, DEFAULT_COHORT_SIZE),
                skeletonAround(target, SKELETON_HALF_WIDTH * target, (levels + 1) / 2, levels), DEFAULT_PRIOR_VARIANCE,
                SAFE_FRACTION * target, TOXIC_FRACTION * target, DEFAULT_MAX_PENDING_FRACTION, null, null, false);
    }

    /** The default sample size: six per level, as the rolling six at most, rounded down to whole cohorts (at least one). */
    public static int defaultMaxPatients(int levels, int cohortSize) {
        int six = Math.min(6 * levels, Range.MAX_ESCALATION_PATIENTS);
        return Math.max(cohortSize, six / cohortSize * cohortSize);
    }

    /**
     * Lee and Cheung's skeleton (Clin Trials 2009;6:227-238; dfcrm's {@code getprior}, power model): the prior
     * guess of the MTD gets the target, and each neighbour the DLT probability that puts the boundary between
     * two levels' indifference intervals at target ± halfWidth, so that the CRM treats every level alike.
     *
     * @param target    the target DLT rate
     * @param halfWidth the half-width of the indifference intervals, above 0 and below the target and 1 − target
     * @param priorMtd  the level guessed to be the MTD, from 1
     * @param levels    the number of levels
     * @throws IllegalArgumentException if the arguments make no skeleton
     */
    public static List<Double> skeletonAround(double target, double halfWidth, int priorMtd, int levels) {
        if (!(target > 0 && target < 1 && halfWidth > 0 && halfWidth < target && target + halfWidth < 1)) {
            throw new IllegalArgumentException("a skeleton needs 0 < halfWidth < target and target + halfWidth < 1, not target " + target
                    + " and halfWidth " + halfWidth);
        }
        if (levels < 1 || priorMtd < 1 || priorMtd > levels) {
            throw new IllegalArgumentException("priorMtd must be a level from 1 to " + levels + ", not " + priorMtd);
        }
        double[] s = new double[levels + 1];
        s[priorMtd] = target;
        for (int k = priorMtd; k >= 2; k--) {
            double b = Math.log(Math.log(target + halfWidth) / Math.log(s[k]));
            s[k - 1] = Math.exp(Math.log(target - halfWidth) / Math.exp(b));
        }
        for (int k = priorMtd; k < levels; k++) {
            double b = Math.log(Math.log(target - halfWidth) / Math.log(s[k]));
            s[k + 1] = Math.exp(Math.log(target + halfWidth) / Math.exp(b));
        }
        List<Double> skeleton = new ArrayList<>(levels);
        for (int k = 1; k <= levels; k++) {
            skeleton.add(s[k]);
        }
        return skeleton;
    }

    /**
     * Checks that a target DLT rate suits BOIN and the CRM: above {@value Range#MIN_MODEL_TARGET} and below
     * {@value Range#MAX_MODEL_TARGET}, as the BOIN package requires.
     */
    static void checkTarget(double target) {
        if (!(target > Range.MIN_MODEL_TARGET && target < Range.MAX_MODEL_TARGET)) {
            throw new IllegalArgumentException("targetDltRate must be above " + Range.MIN_MODEL_TARGET + " and below "
                    + Range.MAX_MODEL_TARGET + " for BOIN and the CRM, not " + target);
        }
    }

    /**
     * Checks the settings against a scenario that the given designs will run.
     *
     * @throws IllegalArgumentException if the target is out of BOIN's and the CRM's range, the skeleton has not one
     *                                  probability per level, the sample size is not a whole number of cohorts, or
     *                                  the safe and toxic rates are not apart from the target by a tenth of it
     */
    void check(EscalationScenario scenario, List<EscalationDesign> designs) {
        double target = scenario.targetDltRate();
        checkTarget(target);
        boolean crm = designs.contains(EscalationDesign.CRM) || designs.contains(EscalationDesign.TITE_CRM);
        boolean boin = designs.contains(EscalationDesign.BOIN) || designs.contains(EscalationDesign.TITE_BOIN);
        boolean cohorts = boin || designs.contains(EscalationDesign.CRM);
        if (crm && skeleton.size() != scenario.levels()) {
            throw new IllegalArgumentException("skeleton gives " + skeleton.size() + " DLT probabilities for " + scenario.levels()
                    + " levels");
        }
        if (cohorts && maxPatients % cohortSize != 0) {
            throw new IllegalArgumentException("maxPatients (" + maxPatients + ") must be a multiple of cohortSize (" + cohortSize + ")");
        }
        if (boin && !(target - safeRate >= 0.1 * target)) {
            throw new IllegalArgumentException("safeRate (" + safeRate + ") must be below the target (" + target + ") by at least a tenth"
                    + " of it");
        }
        if (boin && !(toxicRate - target >= 0.1 * target)) {
            throw new IllegalArgumentException("toxicRate (" + toxicRate + ") must be above the target (" + target + ") by at least a"
                    + " tenth of it");
        }
    }

    /** The same settings with another cohort size (the sample size is not changed). */
    public DoseFinding withCohortSize(int size) {
        return new DoseFinding(size, maxPatients, skeleton, priorVariance, safeRate, toxicRate, maxPendingFraction, levelCap,
                safetyStop, titeCrmCoherent);
    }

    /** The same settings with another sample size. */
    public DoseFinding withMaxPatients(int patients) {
        return new DoseFinding(cohortSize, patients, skeleton, priorVariance, safeRate, toxicRate, maxPendingFraction, levelCap,
                safetyStop, titeCrmCoherent);
    }

    /** The same settings with another skeleton. */
    public DoseFinding withSkeleton(List<Double> probabilities) {
        return new DoseFinding(cohortSize, maxPatients, probabilities, priorVariance, safeRate, toxicRate, maxPendingFraction,
                levelCap, safetyStop, titeCrmCoherent);
    }

    /** The same settings with another skeleton. */
    public DoseFinding withSkeleton(double... probabilities) {
        List<Double> list = new ArrayList<>(probabilities.length);
        for (double p : probabilities) {
            list.add(p);
        }
        return withSkeleton(list);
    }

    /** The same settings with another prior variance. */
    public DoseFinding withPriorVariance(double variance) {
        return new DoseFinding(cohortSize, maxPatients, skeleton, variance, safeRate, toxicRate, maxPendingFraction, levelCap,
                safetyStop, titeCrmCoherent);
    }

    /** The same settings with other safe and toxic rates for BOIN. */
    public DoseFinding withBoinRates(double safe, double toxic) {
        return new DoseFinding(cohortSize, maxPatients, skeleton, priorVariance, safe, toxic, maxPendingFraction, levelCap,
                safetyStop, titeCrmCoherent);
    }

    /** The same settings with another TITE-BOIN pending fraction. */
    public DoseFinding withMaxPendingFraction(double fraction) {
        return new DoseFinding(cohortSize, maxPatients, skeleton, priorVariance, safeRate, toxicRate, fraction, levelCap,
                safetyStop, titeCrmCoherent);
    }

    /** The same settings with another cap per level (null: none). */
    public DoseFinding withLevelCap(Integer cap) {
        return new DoseFinding(cohortSize, maxPatients, skeleton, priorVariance, safeRate, toxicRate, maxPendingFraction, cap,
                safetyStop, titeCrmCoherent);
    }

    /** The same settings with another safety stop for the CRMs (null: none). */
    public DoseFinding withSafetyStop(Double probability) {
        return new DoseFinding(cohortSize, maxPatients, skeleton, priorVariance, safeRate, toxicRate, maxPendingFraction, levelCap,
                probability, titeCrmCoherent);
    }

    /** The same settings with or without the TITE-CRM's no-escalation-after-a-DLT rule. */
    public DoseFinding withTiteCrmCoherent(boolean coherent) {
        return new DoseFinding(cohortSize, maxPatients, skeleton, priorVariance, safeRate, toxicRate, maxPendingFraction, levelCap,
                safetyStop, coherent);
    }

    /** The skeleton as an array, lowest level first. */
    double[] skeletonArray() {
        double[] s = new double[skeleton.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = skeleton.get(i);
        }
        return s;
    }
}
