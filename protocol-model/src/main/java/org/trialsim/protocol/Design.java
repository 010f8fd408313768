package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The design of the trial that tests the protocol. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Design.Randomized.class, name = Design.RANDOMIZED),
        @JsonSubTypes.Type(value = Design.SingleArmSurvival.class, name = Design.SINGLE_ARM_SURVIVAL),
        @JsonSubTypes.Type(value = Design.SingleArmResponse.class, name = Design.SINGLE_ARM_RESPONSE),
        @JsonSubTypes.Type(value = Design.EarlyPhase.class, name = Design.PHASE_1_2)})
public sealed interface Design extends Cited {
    /** The type name of a {@link Randomized} design in a protocol file. */
    String RANDOMIZED = "randomized";
    /** The type name of a {@link SingleArmSurvival} design in a protocol file. */
    String SINGLE_ARM_SURVIVAL = "single-arm-survival";
    /** The type name of a {@link SingleArmResponse} design in a protocol file. */
    String SINGLE_ARM_RESPONSE = "single-arm-response";
    /** The type name of an {@link EarlyPhase} design in a protocol file. */
    String PHASE_1_2 = "phase-1-2";

    /** A readable name; may be null. */
    String label();

    /** The design's type as a protocol file names it: {@value #RANDOMIZED}, {@value #PHASE_1_2}, … */
    static String typeOf(Design design) {
        if (design instanceof Randomized) {
            return RANDOMIZED;
        } else if (design instanceof SingleArmSurvival) {
            return SINGLE_ARM_SURVIVAL;
        } else if (design instanceof SingleArmResponse) {
            return SINGLE_ARM_RESPONSE;
        } else if (design instanceof EarlyPhase) {
            return PHASE_1_2;
        }
        throw new IllegalArgumentException("not a design: " + design);
    }

    /**
     * A randomized comparison of arms on a survival endpoint.
     *
     * @param label         readable name
     * @param sampleSize    patients to enrol
     * @param comparisons   the arm comparisons (one per separately randomized stratum)
     * @param accrual       how patients arrive
     * @param randomization how patients are randomized
     * @param analysis      when and how the data are analysed
     * @param source        where it comes from
     * @param assumption    what was assumed
     */
    record Randomized(String label,
                      @Required @Range(min = 2, max = Range.MAX_SAMPLE_SIZE, why = Range.SAMPLE_SIZE + "; two arms need two patients")
                      Integer sampleSize,
                      @Required List<Comparison> comparisons, Accrual accrual,
                      Randomization randomization, Analysis analysis, String source, String assumption) implements Design {
        public Randomized {
            comparisons = Immutable.list(comparisons);
        }

        /**
         * The families of a multiplicity adjustment: the comparisons (by index, in order) that share a
         * control arm and an endpoint (or the text of a response condition), first seen first. A comparison
         * alone in its family is tested at the full alpha whatever the adjustment.
         */
        public List<List<Integer>> families() {
            Map<List<String>, List<Integer>> families = new LinkedHashMap<>();
            for (int i = 0; i < comparisons.size(); i++) {
                Comparison c = comparisons.get(i);
                if (c == null) {
                    continue;
                }
                List<String> key = Arrays.asList(c.control(), c.endpoint(), c.response() == null ? null : c.response().text());
                families.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
            return families.values().stream().map(List::copyOf).toList();
        }
    }

    /**
     * One arm's survival compared with a historical curve (one-sample log-rank).
     *
     * @param label           readable name
     * @param arm             the arm enrolled
     * @param endpoint        the survival endpoint (an id in {@code endpoints})
     * @param sampleSize      patients to enrol
     * @param historicalCurve the historical control's curve (an id in {@code outcomes.curves})
     * @param accrual         how patients arrive
     * @param analysis        when and how the data are analysed
     * @param source          where it comes from
     * @param assumption      what was assumed
     */
    record SingleArmSurvival(String label, @Required String arm, @Required String endpoint,
                             @Required @Range(min = 1, max = Range.MAX_SAMPLE_SIZE, why = Range.SAMPLE_SIZE) Integer sampleSize,
                             @Required @JsonPropertyDescription("Historical control curve id in outcomes.curves") String historicalCurve,
                             Accrual accrual, Analysis analysis, String source, String assumption) implements Design {
    }

    /**
     * One arm's response rate compared with a historical rate (exact binomial test).
     *
     * @param label          readable name
     * @param arm            the arm enrolled
     * @param response       the condition, at the end of the pathway, that counts as a response
     * @param historicalRate the response rate of the historical control
     * @param expectedRate   the response rate the trial hopes for
     * @param sampleSize     patients to enrol
     * @param alpha          one-sided significance level; 0.025 if absent
     * @param source         where it comes from
     * @param assumption     what was assumed
     */
    record SingleArmResponse(String label, @Required String arm, @Required Condition response,
                             @Required @Range(min = 0, max = 1, minExcluded = true, maxExcluded = true, why = Range.RESPONSE_RATE) Double historicalRate,
                             @Range(min = 0, max = 1, minExcluded = true, maxExcluded = true, why = Range.RESPONSE_RATE) Double expectedRate,
                             @Required @Range(min = 1, max = Range.MAX_SAMPLE_SIZE, why = Range.SAMPLE_SIZE) Integer sampleSize,
                             @Range(min = 0, max = 0.5, minExcluded = true, maxExcluded = true, why = Range.ALPHA) Double alpha,
                             String source, String assumption) implements Design {
    }

    /**
     * A phase I dose-finding part, a phase II single-arm two-stage part, or both in sequence.
     *
     * @param label      readable name
     * @param escalation the phase I dose escalation
     * @param twoStage   the phase II two-stage design
     * @param source     where it comes from
     * @param assumption what was assumed
     */
    record EarlyPhase(String label, Escalation escalation, TwoStage twoStage, String source, String assumption) implements Design {
    }

    /**
     * A comparison of two arms, on a survival endpoint (log-rank test, Cox hazard ratio) or on a binary
     * response (Fisher's exact test).
     *
     * @param label         readable name
     * @param control       the control arm
     * @param experimental  the experimental arm
     * @param endpoint      the survival endpoint (an id in {@code endpoints}), or
     * @param response      the condition, at the end of the pathway, that counts as a response
     * @param landmarkYears also report the Kaplan–Meier difference at this time
     */
    record Comparison(String label, @Required String control, @Required String experimental, String endpoint,
                      @JsonPropertyDescription("Binary response compared by Fisher's exact test, instead of a survival endpoint")
                      Condition response,
                      @JsonPropertyDescription("Also report the Kaplan-Meier difference at this time, in years")
                      @Range(min = 0, max = Range.CENTURY_YEARS, minExcluded = true, why = "a time within the follow-up")
                      Double landmarkYears) {
    }

    /**
     * Patients arriving at a rate that ramps up linearly while sites open: as a Poisson process (the
     * default), or at regular intervals (as rpact and most sample-size software assume).
     *
     * @param patientsPerMonth rate of enrolment once all sites are open
     * @param rampUpMonths     months until the full rate is reached; 0 if absent
     * @param dropoutPerYear   rate of loss to follow-up, per person-year; 0 if absent
     * @param arrivals         poisson (random) or regular (evenly spaced); poisson if absent
     * @param changes          later changes to other constant rates (sites closing, a pause); none if absent
     */
    record Accrual(@Required @Range(min = Range.MIN_ACCRUAL, max = Range.MAX_ACCRUAL, why = "patients a month: from one in eight years to more"
                           + " than any trial enrols")
                   Double patientsPerMonth,
                   @Range(min = 0, max = Range.CENTURY_MONTHS, why = "months within a lifetime") Double rampUpMonths,
                   @Range(min = 0, max = 100, why = "losses per person-year; at 100 half the patients are lost within four days")
                   Double dropoutPerYear,
                   @JsonPropertyDescription("poisson (random, the default) or regular (evenly spaced)") Arrivals arrivals,
                   @JsonPropertyDescription("Later changes of the accrual rate, by increasing month") List<RateChange> changes) {
        public Accrual {
            rampUpMonths = Immutable.orElse(rampUpMonths, 0.0);
            dropoutPerYear = Immutable.orElse(dropoutPerYear, 0.0);
            arrivals = Immutable.orElse(arrivals, Arrivals.POISSON);
            changes = Immutable.list(changes);
        }

        /** How arrival times are spread. */
        public enum Arrivals {
            /** A Poisson process: random arrivals at the given rate. */
            @JsonProperty("poisson") POISSON,
            /** Evenly spaced arrivals at the given rate. */
            @JsonProperty("regular") REGULAR
        }
    }

    /**
     * A change of the accrual rate.
     *
     * @param fromMonth        months from the start of accrual at which the new rate starts
     * @param patientsPerMonth the new rate; 0 pauses accrual
     */
    record RateChange(@Required @Range(min = 0, max = Range.CENTURY_MONTHS, why = "months within a lifetime") Double fromMonth,
                      @Required @Range(min = 0, max = Range.MAX_ACCRUAL, why = "patients a month; 0 pauses accrual") Double patientsPerMonth) {
    }

    /**
     * How patients are given their arms within each allocation stratum of the pathway.
     *
     * @param method     the method's name: a built-in ({@link #SIMPLE}, {@link #PERMUTED_BLOCKS},
     *                   {@link #STRATIFIED_BLOCKS}, {@link #MINIMIZATION}) or one an extension adds
     * @param blockSizes block sizes of permuted or stratified blocks (several: each block's size is drawn among them)
     * @param factors    covariates (or {@code risk}) balanced by stratified blocks or minimization
     * @param p          minimization: probability of giving the arm that minimizes the imbalance; 0.8 if absent
     * @param imbalance  minimization: how imbalance is measured within a factor level; range if absent
     * @param adaptive   response-adaptive: what the allocation learns from and how; required by that method only
     */
    record Randomization(@Required
                         @JsonPropertyDescription("simple, permuted-blocks, stratified-blocks, minimization, response-adaptive, or a method an"
                                 + " extension on the class path adds (docs/extending.md)")
                         @Extensible(kind = "randomization method", builtIns = {SIMPLE, PERMUTED_BLOCKS, STRATIFIED_BLOCKS, MINIMIZATION,
                                 RESPONSE_ADAPTIVE})
                         String method,
                         @Range(min = 1, max = 1_000, why = "patients in a block; a larger block is simple randomization in effect")
                         List<Integer> blockSizes,
                         @JsonPropertyDescription("Categorical or yes/no covariates (or risk) that stratified blocks or minimization balance")
                         List<String> factors,
                         @JsonPropertyDescription("Minimization (or an extension's method): probability of giving the arm that"
                                 + " minimizes the imbalance (0.8 for minimization if absent)")
                         @Range(min = 0, max = 1, minExcluded = true, why = Range.PROBABILITY + " that is not 0")
                         Double p,
                         @JsonPropertyDescription("Minimization: range (the default) or variance of the weighted counts")
                         Imbalance imbalance,
                         @JsonPropertyDescription("response-adaptive: the early response it learns from, the priors, the rule and"
                                 + " its limits")
                         ResponseAdaptive adaptive) {
        /** Each patient independently, in the allocation ratio. */
        public static final String SIMPLE = "simple";
        /** Permuted blocks within each allocation stratum. */
        public static final String PERMUTED_BLOCKS = "permuted-blocks";
        /** Permuted blocks within each combination of the factors' levels. */
        public static final String STRATIFIED_BLOCKS = "stratified-blocks";
        /** Pocock-Simon minimization over the factors. */
        public static final String MINIMIZATION = "minimization";
        /** Response-adaptive randomization on an early binary response ({@link ResponseAdaptive}). */
        public static final String RESPONSE_ADAPTIVE = "response-adaptive";
        /** The probability minimization uses when the protocol gives none. */
        public static final double DEFAULT_P = 0.8;

        public Randomization {
            blockSizes = Immutable.list(blockSizes);
            factors = Immutable.list(factors);
            if (MINIMIZATION.equals(method)) {
                p = Immutable.orElse(p, DEFAULT_P);
                imbalance = Immutable.orElse(imbalance, Imbalance.RANGE);
            }
        }

        /** A method without response-adaptive settings. */
        public Randomization(String method, List<Integer> blockSizes, List<String> factors, Double p, Imbalance imbalance) {
            this(method, blockSizes, factors, p, imbalance, null);
        }

        /** A method with no block sizes, factors or minimization settings. */
        public static Randomization of(String method) {
            return new Randomization(method, List.of(), List.of(), null, null);
        }

        /** How minimization measures the imbalance among arms within a factor level. */
        public enum Imbalance {
            /** The largest minus the smallest weighted count. */
            @JsonProperty("range") RANGE,
            /** The variance of the weighted counts. */
            @JsonProperty("variance") VARIANCE
        }
    }

    /**
     * Response-adaptive randomization (docs/allocation.md): after a burn-in in the stratum's ratio, each
     * arm's allocation probability follows the Beta posteriors of the arms' early response rates, from
     * the results known on the day of allocation. A patient responds when the MRD measured at the named
     * assessment is below the threshold; the result is known from the assessment's calendar day on (a
     * patient with an event before the assessment is a non-responder from the event's day on).
     *
     * @param assessment      the MRD assessment (an id in {@code assessments}) whose result the allocation learns from
     * @param mrdBelow        a response is measured MRD strictly below this
     * @param rule            thompson (the default): probabilities proportional to the stratum's ratio times
     *                        P(arm is best) to the power; dbcd: the doubly adaptive biased coin (any number of arms)
     * @param power           the power c of P(arm is best); 0 is the fixed ratio; 1 if absent
     * @param growth          constant (the default) or sample-fraction: the power times n/N, n the stratum's
     *                        patients allocated so far and N the design's sample size (Thall and Wathen 2007)
     * @param burnIn          the stratum's first patients allocated in its ratio; 0 if absent
     * @param updateEvery     the probabilities are recomputed every this many patients of the stratum; 1 if
     *                        neither this nor updateEveryDays is given
     * @param updateEveryDays or: every this many days from the stratum's first allocation after the burn-in
     * @param minProbability  no arm is given with a probability below this; 0 if absent
     * @param maxProbability  nor above this; 1 if absent
     * @param control         an arm kept at a fixed share of the allocation (with controlShare) or matched (controlMatched)
     * @param controlShare    the control arm's probability; the other arms share the rest adaptively
     * @param priors          Beta prior of each arm's response rate; Beta(1, 1) for an arm not listed
     * @param dropBelow       at each update after the burn-in, an arm other than the control whose posterior
     *                        probability of being best (among the arms still allocated) is below this is dropped
     *                        for the rest of the trial; never the last such arm; none dropped if absent
     * @param stopSuperiorityAbove at each update after the burn-in, the whole trial stops accruing when an arm other
     *                        than the control (the {@code control}, or the stratum's first arm) has P(arm is best)
     *                        above this; never if absent
     * @param stopFutilityBelow or when every arm other than the control still allocated has P(arm better than
     *                        the control) below this; never if absent
     * @param stopMinPatients no stop before the stratum has randomized this many patients; 0 if absent
     * @param target          dbcd: the allocation the doubly adaptive biased coin targets (Neyman or RSIHR)
     * @param gamma           dbcd: Hu and Zhang's γ, how hard the coin pulls the allocation towards the
     *                        target; 0 is the sequential maximum-likelihood procedure; 2 if absent
     * @param controlMatched  true: the {@code control} arm's probability is matched to the largest of the other
     *                        arms' (Viele et al. 2020): each other arm i gets its thompson share q_i among them,
     *                        the control max q, and all are divided by 1 + max q; false or absent: not matched
     */
    record ResponseAdaptive(@Required @JsonPropertyDescription("The MRD assessment (an id in assessments) the allocation learns from")
                            String assessment,
                            @Required @JsonPropertyDescription("A response is measured MRD strictly below this")
                            @Range(min = 0, max = 1, minExcluded = true, why = "an MRD level, a fraction of cells above 0")
                            Double mrdBelow,
                            @JsonPropertyDescription("thompson (the default) or dbcd") Rule rule,
                            @JsonPropertyDescription("The power of P(arm is best); 0 gives the fixed ratio (1 if absent)")
                            @Range(min = 0, max = MAX_POWER, why = "a power of P(arm is best); at 20 the best arm's probability"
                                    + " is already at the cap")
                            Double power,
                            @JsonPropertyDescription("constant (the default) or sample-fraction: the power times n/N (Thall and Wathen)")
                            Growth growth,
                            @JsonPropertyDescription("The stratum's first patients, allocated in its ratio (0 if absent)")
                            @Range(min = 0, max = Range.MAX_SAMPLE_SIZE, why = "patients of the stratum, at most the sample size")
                            Integer burnIn,
                            @JsonPropertyDescription("Recompute the probabilities every this many patients (1 if absent)")
                            @Range(min = 1, max = Range.MAX_SAMPLE_SIZE, why = "patients of the stratum, at most the sample size")
                            Integer updateEvery,
                            @JsonPropertyDescription("Or: every this many days")
                            @Range(min = 1, max = Range.CENTURY_DAYS, why = "days: from a day to a century")
                            Double updateEveryDays,
                            @JsonPropertyDescription("The least probability of any arm (0 if absent)")
                            @Range(min = 0, max = 0.5, why = "a probability; above 1/2 no two arms could both have it")
                            Double minProbability,
                            @JsonPropertyDescription("The largest probability of any arm (1 if absent)")
                            @Range(min = 0.5, max = 1, why = "a probability; below 1/2 two arms could not reach 1 together")
                            Double maxProbability,
                            @JsonPropertyDescription("The control arm: kept at the fixed share controlShare, or matched to the best other"
                                    + " arm with controlMatched") String control,
                            @JsonPropertyDescription("The control arm's probability")
                            @Range(min = 0, max = 1, minExcluded = true, maxExcluded = true, why = "a probability strictly between 0 and 1")
                            Double controlShare,
                            @JsonPropertyDescription("Beta prior of each arm's response rate (Beta(1, 1) if absent)")
                            Map<String, BetaPrior> priors,
                            @JsonPropertyDescription("Drop an arm (not the control) whose P(arm is best) is below this at an update"
                                    + " (none dropped if absent)")
                            @Range(min = 0, max = 0.5, maxExcluded = true, why = "a probability of being best; at 1/2 or above"
                                    + " two arms could both be dropped for being no better than even")
                            Double dropBelow,
                            @JsonPropertyDescription("Stop the trial at an update when an arm other than the control has"
                                    + " P(arm is best) above this (never if absent)")
                            @Range(min = 0, max = 1, minExcluded = true, why = "a probability; at 1 the trial never stops for"
                                    + " superiority")
                            Double stopSuperiorityAbove,
                            @JsonPropertyDescription("Stop the trial at an update when every arm other than the control has"
                                    + " P(arm better than control) below this (never if absent)")
                            @Range(min = 0, max = 1, maxExcluded = true, why = "a probability; at 0 the trial never stops for"
                                    + " futility")
                            Double stopFutilityBelow,
                            @JsonPropertyDescription("No stop before the stratum has randomized this many patients (0 if absent)")
                            @Range(min = 0, max = Range.MAX_SAMPLE_SIZE, why = "patients of the stratum, at most the sample size")
                            Integer stopMinPatients,
                            @JsonPropertyDescription("dbcd: the target allocation, neyman or rsihr")
                            TargetAllocation target,
                            @JsonPropertyDescription("dbcd: Hu and Zhang's gamma; 0 is the sequential maximum-likelihood procedure"
                                    + " (2 if absent)")
                            @Range(min = 0, max = MAX_GAMMA, why = "beyond it the coin is all but deterministic: an arm 5% below its"
                                    + " target share already has its odds of the next patient multiplied by more than 100")
                            Double gamma,
                            @JsonPropertyDescription("true: the control arm's probability is matched to the largest of the other arms'"
                                    + " (thompson rule, three arms or more; not with controlShare)")
                            Boolean controlMatched) {
        /** The largest power. */
        public static final double MAX_POWER = 20;
        /** The largest gamma of the doubly adaptive biased coin. */
        public static final double MAX_GAMMA = 100;
        /** Hu and Zhang's gamma when the protocol gives none (as RARtrials). */
        public static final double DEFAULT_GAMMA = 2;

        public ResponseAdaptive {
            rule = Immutable.orElse(rule, Rule.THOMPSON);
            growth = Immutable.orElse(growth, Growth.CONSTANT);
            priors = Immutable.map(priors);
        }

        /** Settings that drop no arm. */
        public ResponseAdaptive(String assessment, Double mrdBelow, Rule rule, Double power, Growth growth, Integer burnIn,
                                Integer updateEvery, Double updateEveryDays, Double minProbability, Double maxProbability, String control,
                                Double controlShare, Map<String, BetaPrior> priors) {
            this(assessment, mrdBelow, rule, power, growth, burnIn, updateEvery, updateEveryDays, minProbability, maxProbability, control,
                    controlShare, priors, null);
        }

        /** Settings that never stop the trial. */
        public ResponseAdaptive(String assessment, Double mrdBelow, Rule rule, Double power, Growth growth, Integer burnIn,
                                Integer updateEvery, Double updateEveryDays, Double minProbability, Double maxProbability, String control,
                                Double controlShare, Map<String, BetaPrior> priors, Double dropBelow) {
            this(assessment, mrdBelow, rule, power, growth, burnIn, updateEvery, updateEveryDays, minProbability, maxProbability, control,
                    controlShare, priors, dropBelow, null, null, null);
        }

        /** Settings of the thompson rule. */
        public ResponseAdaptive(String assessment, Double mrdBelow, Rule rule, Double power, Growth growth, Integer burnIn,
                                Integer updateEvery, Double updateEveryDays, Double minProbability, Double maxProbability, String control,
                                Double controlShare, Map<String, BetaPrior> priors, Double dropBelow, Double stopSuperiorityAbove,
                                Double stopFutilityBelow, Integer stopMinPatients) {
            this(assessment, mrdBelow, rule, power, growth, burnIn, updateEvery, updateEveryDays, minProbability, maxProbability, control,
                    controlShare, priors, dropBelow, stopSuperiorityAbove, stopFutilityBelow, stopMinPatients, null, null, null);
        }

        /** Settings without a matched control. */
        public ResponseAdaptive(String assessment, Double mrdBelow, Rule rule, Double power, Growth growth, Integer burnIn,
                                Integer updateEvery, Double updateEveryDays, Double minProbability, Double maxProbability, String control,
                                Double controlShare, Map<String, BetaPrior> priors, Double dropBelow, Double stopSuperiorityAbove,
                                Double stopFutilityBelow, Integer stopMinPatients, TargetAllocation target, Double gamma) {
            this(assessment, mrdBelow, rule, power, growth, burnIn, updateEvery, updateEveryDays, minProbability, maxProbability, control,
                    controlShare, priors, dropBelow, stopSuperiorityAbove, stopFutilityBelow, stopMinPatients, target, gamma, null);
        }

        /** Whether the control's probability is matched to the largest of the other arms'. */
        public boolean matchesControl() {
            return Boolean.TRUE.equals(controlMatched);
        }

        /** How the probabilities follow the posteriors. */
        public enum Rule {
            /** Proportional to P(arm is best) to a power (Thompson 1933; Thall and Wathen 2007). */
            @JsonProperty("thompson") THOMPSON,
            /** Hu and Zhang's doubly adaptive biased coin towards a target allocation (Hu and Zhang 2004). */
            @JsonProperty("dbcd") DBCD
        }

        /** The allocation the doubly adaptive biased coin targets, from the arms' response rates p_a (q_a = 1 − p_a). */
        public enum TargetAllocation {
            /** ρ_1 = √(p_1 q_1) / (√(p_1 q_1) + √(p_2 q_2)): the most precise estimate of p_1 − p_2 (Neyman). */
            @JsonProperty("neyman") NEYMAN,
            /** ρ_1 = √p_1 / (√p_1 + √p_2): fewest non-responders at the same precision (Rosenberger et al. 2001). */
            @JsonProperty("rsihr") RSIHR
        }

        /** Whether the power grows with the information. */
        public enum Growth {
            /** The power as given. */
            @JsonProperty("constant") CONSTANT,
            /** The power times n/N: patients allocated in the stratum so far over the design's sample size. */
            @JsonProperty("sample-fraction") SAMPLE_FRACTION
        }
    }

    /**
     * A Beta prior of a response rate: {@code alpha} prior responses and {@code beta} prior non-responses.
     *
     * @param alpha the first shape
     * @param beta  the second shape
     */
    record BetaPrior(@Required @Range(min = 0.5, max = 10_000, why = "prior responses: from Jeffreys' 0.5 (below it P(arm is best) cannot be"
                             + " computed to 1e-9) to 10,000 patients' worth")
                     Double alpha,
                     @Required @Range(min = 0.5, max = 10_000, why = "prior non-responses: from Jeffreys' 0.5 to 10,000 patients' worth")
                     Double beta) {
    }

    /**
     * When the data are analysed and the significance level.
     *
     * @param alpha                 one-sided significance level
     * @param events                analyse when this many events have occurred
     * @param followUpMonths        or: analyse this many months after the last patient is enrolled
     * @param calendarMonths        or: analyse this many months after accrual starts
     * @param informationFractions  interim and final looks as fractions of the final information; one look if absent
     * @param spending              the alpha-spending function for interim looks: a built-in
     *                              ({@link #OBRIEN_FLEMING}, {@link #POCOCK}) or one an extension adds
     * @param futilityBounds        non-binding futility bounds on the z scale, one per interim look (stop if z is below)
     * @param stratifyBy            covariates (or {@code risk}, or {@value #PERIOD}: the calendar period of enrolment)
     *                              that stratify the log-rank test and Cox model
     * @param margin                the margin of a randomized comparison: a hazard ratio (experimental vs control)
     *                              for a survival endpoint, a difference in response rates (experimental minus
     *                              control) for a response; absent, or 1 (survival) or 0 (response), for plain
     *                              superiority
     * @param hypothesis            what a rejection shows: non-inferiority (a survival margin above 1, a response
     *                              margin below 0) or superiority (by a margin below 1, or above 0); stated whenever
     *                              the margin is not the no-effect value, superiority if absent
     * @param multiplicity          how a randomized design's comparisons of several experimental arms against one
     *                              control, on one endpoint or response, share alpha: none (each at alpha; also
     *                              when absent, which stays null so that a file written back is the one read), bonferroni (each at alpha/m) or holm (step-down, one look only)
     * @param periodMonths          the length of the calendar periods of enrolment that {@value #PERIOD} in
     *                              {@code stratifyBy} names, from the start of accrual
     */
    record Analysis(@Required @Range(min = 0, max = 0.5, minExcluded = true, maxExcluded = true, why = Range.ALPHA) Double alpha,
                    @Range(min = 1, max = Range.MAX_SAMPLE_SIZE, why = "each patient has at most one event of an endpoint, so no more"
                            + " than the sample size")
                    Integer events,
                    @Range(min = 0, max = Range.CENTURY_MONTHS, why = "months within a lifetime") Double followUpMonths,
                    @JsonPropertyDescription("Or: analyse this many months after accrual starts")
                    @Range(min = 0, max = Range.CENTURY_MONTHS, minExcluded = true, why = "months within a lifetime")
                    Double calendarMonths,
                    @Range(min = 0, max = 1, minExcluded = true, why = "a fraction of the final events") List<Double> informationFractions,
                    @JsonPropertyDescription("obrien-fleming, pocock, or a spending function an extension on the class path adds"
                            + " (docs/extending.md)")
                    @Extensible(kind = "spending function", builtIns = {OBRIEN_FLEMING, POCOCK})
                    String spending,
                    @JsonPropertyDescription("Non-binding futility bounds (z scale), one per interim look")
                    @Range(min = -10, max = 10, why = "a z value; beyond 10 the normal tail is below 1e-23")
                    List<Double> futilityBounds,
                    @JsonPropertyDescription("Covariates (or risk, or period: the calendar period of enrolment, periodMonths long) that"
                            + " stratify the log-rank test and Cox model")
                    List<String> stratifyBy,
                    @JsonPropertyDescription("Margin of a randomized comparison: a hazard ratio (experimental vs control) for a"
                            + " survival endpoint, above 1 for non-inferiority, below 1 for superiority by a margin; a difference in"
                            + " response rates (experimental minus control) for a response, below 0 for non-inferiority")
                    @Range(min = -1, max = Range.MAX_HAZARD_RATIO_MARGIN, minExcluded = true, why = "a hazard ratio above 0 and at most"
                            + " 10, or a difference in response rates strictly between -1 and 1")
                    Double margin,
                    @JsonPropertyDescription("non-inferiority or superiority (the default): what a rejection shows; stated whenever the"
                            + " margin is not 1 (survival) or 0 (response)")
                    Hypothesis hypothesis,
                    @JsonPropertyDescription("none (the default), bonferroni or holm: how the comparisons of several experimental arms"
                            + " against one control on one endpoint (or response) share alpha")
                    Multiplicity multiplicity,
                    @JsonPropertyDescription("The length of the calendar periods of enrolment, from the start of accrual, that 'period'"
                            + " in stratifyBy names")
                    @Range(min = 1, max = Range.CENTURY_MONTHS, why = "from a month (shorter periods hold too few patients to"
                            + " stratify on) to a lifetime")
                    Double periodMonths) {
        /** In {@code stratifyBy}: the calendar period of enrolment, {@code periodMonths} long, counted from the start of accrual. */
        public static final String PERIOD = "period";
        /** Lan–DeMets spending of the O'Brien–Fleming type: almost nothing early. */
        public static final String OBRIEN_FLEMING = "obrien-fleming";
        /** Lan–DeMets spending of the Pocock type: about evenly over the looks. */
        public static final String POCOCK = "pocock";

        public Analysis {
            informationFractions = Immutable.list(informationFractions);
            futilityBounds = Immutable.list(futilityBounds);
            stratifyBy = Immutable.list(stratifyBy);
        }

        /** An analysis of plain superiority: no margin, no multiplicity adjustment. */
        public Analysis(Double alpha, Integer events, Double followUpMonths, Double calendarMonths, List<Double> informationFractions,
                        String spending, List<Double> futilityBounds, List<String> stratifyBy) {
            this(alpha, events, followUpMonths, calendarMonths, informationFractions, spending, futilityBounds, stratifyBy, null, null,
                    null, null);
        }

        /**
         * How the comparisons of a family (several experimental arms against one control on one endpoint or
         * response) share the one-sided alpha.
         */
        public enum Multiplicity {
            /** Each comparison at alpha: no adjustment. */
            @JsonProperty("none") NONE,
            /** Each of the m comparisons of a family at alpha/m (Bonferroni; with interim looks, bounds spending alpha/m). */
            @JsonProperty("bonferroni") BONFERRONI,
            /** Holm's (1979) step-down: the i-th smallest of m p-values at alpha/(m − i + 1), until one fails; one look only. */
            @JsonProperty("holm") HOLM;

            /** As a protocol file spells it. */
            public String label() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        /** What a rejection of the null hypothesis shows. */
        public enum Hypothesis {
            /** The experimental arm is not worse than the control by the margin or more. */
            @JsonProperty("non-inferiority") NON_INFERIORITY,
            /** The experimental arm is better than the control (by the margin, if one is given). */
            @JsonProperty("superiority") SUPERIORITY;

            /** As a protocol file spells it. */
            public String label() {
                return this == NON_INFERIORITY ? "non-inferiority" : "superiority";
            }
        }
    }

    /**
     * A phase I dose escalation.
     *
     * @param method           the design: rolling six, 3+3, BOIN, TITE-BOIN, CRM or TITE-CRM
     * @param levels           the dose levels, lowest first
     * @param startLevel       the level the first patient gets (1-based); 1 if absent
     * @param dltWindowDays    days until a patient is evaluable for dose-limiting toxicity
     * @param interarrivalDays mean days between patient arrivals
     * @param whenFull         what becomes of a patient arriving while no slot is open; lost if absent
     * @param targetDltRate    the target DLT rate: BOIN's and the CRM's target, and what defines the true MTD;
     *                         0.25 if absent
     * @param cohortSize       BOIN, TITE-BOIN and CRM: patients per cohort; 3 if absent
     * @param maxPatients      BOIN, TITE-BOIN, CRM and TITE-CRM: the sample size; if absent, six per level (as
     *                         many as the rolling six can treat) rounded down to a whole number of cohorts
     * @param skeleton         CRM and TITE-CRM: the prior guess of each level's DLT probability; if absent
     *                         (empty), Lee and Cheung's (2009) skeleton around the target
     * @param priorVariance    CRM and TITE-CRM: the prior variance of the model's parameter; 1.34 if absent
     * @param dltOnset         when within the window a DLT occurs and becomes known; at the window's end if absent
     * @param trueMtd          how the true MTD is defined: the highest level at or below the target (the
     *                         default) or the level closest to it
     */
    record Escalation(@Required Method method, @Required List<DoseLevel> levels,
                      @Range(min = 1, max = Range.MAX_DOSE_LEVELS, why = "a level of the escalation, numbered from 1") Integer startLevel,
                      @Range(min = Range.MIN_DLT_WINDOW_DAYS, max = Range.MAX_DLT_WINDOW_DAYS,
                              why = "days a patient is watched for a dose-limiting toxicity: a day to a year")
                      Double dltWindowDays,
                      @Range(min = Range.MIN_INTERARRIVAL_DAYS, max = Range.MAX_INTERARRIVAL_DAYS, why = "mean days between arrivals:"
                              + " two a day to one a year, so that the patients arriving during a DLT window stay few (at most 730)")
                      Double interarrivalDays,
                      @JsonPropertyDescription("A patient arriving while no slot is open is lost (the default) or waits") WhenFull whenFull,
                      @JsonPropertyDescription("The target DLT rate: BOIN's and the CRM's target (above 0.05 and below 0.6 for them), and"
                              + " what defines the true MTD (0.25 if absent)")
                      @Range(min = 0, max = 1, minExcluded = true, maxExcluded = true, why = "a DLT rate strictly between 0 and 1")
                      Double targetDltRate,
                      @JsonPropertyDescription("BOIN, TITE-BOIN and CRM: patients per cohort (3 if absent)")
                      @Range(min = 1, max = Range.MAX_COHORT_SIZE, why = "patients per cohort, at most the sample size")
                      Integer cohortSize,
                      @JsonPropertyDescription("BOIN, TITE-BOIN, CRM and TITE-CRM: the sample size, a whole number of cohorts (six per"
                              + " level if absent)")
                      @Range(min = 1, max = Range.MAX_ESCALATION_PATIENTS, why = "patients a model-based escalation treats: at most"
                              + " as many as 30 levels of six")
                      Integer maxPatients,
                      @JsonPropertyDescription("CRM and TITE-CRM: the prior guess of each level's DLT probability, increasing, one per"
                              + " level (Lee and Cheung's skeleton around the target if absent)")
                      @Range(min = 0, max = 1, minExcluded = true, maxExcluded = true, why = "a DLT probability strictly between 0 and 1")
                      List<Double> skeleton,
                      @JsonPropertyDescription("CRM and TITE-CRM: the prior variance of the model's parameter (1.34 if absent)")
                      @Range(min = Range.MIN_PRIOR_VARIANCE, max = Range.MAX_PRIOR_VARIANCE, why = "a prior sd from 0.1 to about 3.2;"
                              + " beyond it every level's DLT probability is 0 or 1 where the prior puts its weight")
                      Double priorVariance,
                      @JsonPropertyDescription("When a DLT occurs within the window and becomes known: window-end (the default),"
                              + " uniform, early or late")
                      DltOnset dltOnset,
                      @JsonPropertyDescription("The true MTD: the highest level at or below the target (at-or-below, the default) or"
                              + " the level closest to it (closest)")
                      TrueMtd trueMtd) {
        /** The target DLT rate when the protocol gives none. */
        public static final double DEFAULT_TARGET_DLT_RATE = 0.25;

        public Escalation {
            levels = Immutable.list(levels);
            startLevel = Immutable.orElse(startLevel, 1);
            whenFull = Immutable.orElse(whenFull, WhenFull.LOST);
            targetDltRate = Immutable.orElse(targetDltRate, DEFAULT_TARGET_DLT_RATE);
            // the design parameters added for BOIN and the CRM stay null (the skeleton empty) when absent, so
            // that a protocol without them reads, writes and hashes as before; the simulator supplies defaults
            skeleton = Immutable.list(skeleton);
        }

        /** A rule-based escalation (rolling six or 3+3): none of the model-based designs' parameters. */
        public Escalation(Method method, List<DoseLevel> levels, Integer startLevel, Double dltWindowDays, Double interarrivalDays,
                          WhenFull whenFull, Double targetDltRate) {
            this(method, levels, startLevel, dltWindowDays, interarrivalDays, whenFull, targetDltRate, null, null, null, null, null,
                    null);
        }

        /** What becomes of a patient who arrives while accrual is suspended. */
        public enum WhenFull {
            /** Lost to the trial (treated elsewhere). */
            @JsonProperty("lost") LOST,
            /** Waits, first come first served, for a slot. */
            @JsonProperty("wait") WAIT
        }

        /** An escalation design. */
        public enum Method {
            /** The rolling six (Skolnik et al. 2008). */
            @JsonProperty("rolling-six") ROLLING_SIX,
            /** The traditional 3+3. */
            @JsonProperty("three-plus-three") THREE_PLUS_THREE,
            /** The Bayesian optimal interval design (Liu and Yuan 2015). */
            @JsonProperty("boin") BOIN,
            /** BOIN deciding with DLT data still pending (Yuan et al. 2018). */
            @JsonProperty("tite-boin") TITE_BOIN,
            /** The continual reassessment method, one-parameter power model (O'Quigley et al. 1990). */
            @JsonProperty("crm") CRM,
            /** The time-to-event CRM (Cheung and Chappell 2000). */
            @JsonProperty("tite-crm") TITE_CRM;

            /** Whether the design chooses doses from a target DLT rate (BOIN, the CRM and their time-to-event versions). */
            public boolean targetBased() {
                return this != ROLLING_SIX && this != THREE_PLUS_THREE;
            }

            /** Whether the design is the CRM or the TITE-CRM, which need a skeleton and a prior variance. */
            public boolean crm() {
                return this == CRM || this == TITE_CRM;
            }

            /** Whether the design treats patients in cohorts whose number must divide the sample size. */
            public boolean cohorts() {
                return this == BOIN || this == TITE_BOIN || this == CRM;
            }
        }

        /** When, within the DLT window, a DLT occurs and so becomes known. */
        public enum DltOnset {
            /** Known when the window ends, as if every DLT happened on its last day: the rule designs' simple model. */
            @JsonProperty("window-end") WINDOW_END,
            /** Uniformly over the window (dfcrm's titesim). */
            @JsonProperty("uniform") UNIFORM,
            /** Early: density falling linearly to 0 at the window's end; three quarters in its first half. */
            @JsonProperty("early") EARLY,
            /** Late: density rising linearly from 0; a quarter in the window's first half. */
            @JsonProperty("late") LATE
        }

        /** How the true MTD, against which a design's choice is judged, is defined. */
        public enum TrueMtd {
            /** The highest level whose DLT probability is at most the target; none if even the first is above. */
            @JsonProperty("at-or-below") AT_OR_BELOW,
            /** The level whose DLT probability is closest to the target (the lower of two as close). */
            @JsonProperty("closest") CLOSEST
        }
    }

    /**
     * A dose level and its (assumed) probability of dose-limiting toxicity.
     *
     * @param dose           the dose
     * @param unit           its unit
     * @param dltProbability probability of a dose-limiting toxicity at this dose
     */
    record DoseLevel(@Required @Range(min = 0, max = 1e15, minExcluded = true, why = "a dose in its unit, above 0") Double dose,
                     String unit,
                     @Required @Range(min = 0, max = 1, why = Range.PROBABILITY) Double dltProbability) {
    }

    /**
     * Simon's two-stage design: stop after n1 patients if r1 or fewer respond; otherwise enrol n in all
     * and reject the null hypothesis if more than r respond. Either give n1, r1, n, r, or give alpha and
     * beta for the design to be searched.
     *
     * @param response the condition that counts as a response
     * @param p0       uninteresting response rate
     * @param p1       interesting response rate
     * @param alpha    type I error
     * @param beta     type II error
     * @param n1       stage 1 size
     * @param r1       stage 1 futility bound
     * @param n        total size
     * @param r        final bound
     */
    record TwoStage(Condition response,
                    @Required @Range(min = 0, max = 1, minExcluded = true, maxExcluded = true, why = Range.RESPONSE_RATE) Double p0,
                    @Required @Range(min = 0, max = 1, minExcluded = true, maxExcluded = true, why = Range.RESPONSE_RATE) Double p1,
                    @Range(min = 0, max = 0.5, minExcluded = true, maxExcluded = true, why = Range.ALPHA) Double alpha,
                    @Range(min = 0, max = 0.5, minExcluded = true, maxExcluded = true, why = "a type II error, 1 - power: below 0.5")
                    Double beta,
                    @Range(min = 1, max = Range.MAX_TWO_STAGE_N - 1, why = Range.TWO_STAGE_SIZE) Integer n1,
                    @Range(min = 0, max = Range.MAX_TWO_STAGE_N - 2, why = Range.TWO_STAGE_SIZE) Integer r1,
                    @Range(min = 2, max = Range.MAX_TWO_STAGE_N, why = Range.TWO_STAGE_SIZE) Integer n,
                    @Range(min = 0, max = Range.MAX_TWO_STAGE_N - 1, why = Range.TWO_STAGE_SIZE) Integer r) {
    }
}
