package org.trialsim.simulator.trial;

import java.util.OptionalDouble;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.random.RandomStreams;

/**
 * One analysis of a trial design: what it compares, what it records of each patient, when it looks at
 * its data, its test and its effect estimate. A replicate's patients are built once and handed to
 * every analysis of the design; each analysis then concludes on its own.
 *
 * <p>The records are immutable descriptions; the per-patient data of a replicate lives in the
 * {@link Data} each worker thread makes once and reuses.
 */
sealed interface Analysis permits SurvivalComparison, ResponseComparison, OneArmAnalysis {
    /** The stream of outcomes drawn under the null hypothesis of a single-arm design (the historical rate or curve). */
    long NULL_OUTCOME = RandomStreams.purpose("trial:null-outcome");

    /** What is compared, for the report. */
    String label();

    /** The test, as the report names it. */
    String test();

    /** What the effect estimate measures, as the report names it. */
    String measure();

    /**
     * The arm of the experimental treatment: the compared arm of a two-arm analysis, the arm of a
     * single-arm one.
     */
    int experimental();

    /** The control arm of a two-arm analysis, or -1 for a single arm against history. */
    int control();

    /** Whether two arms randomized against each other are compared (the report shows their allocation). */
    default boolean comparesArms() {
        return control() >= 0;
    }

    /** The margin of a two-arm comparison that has one, or null: superiority, no margin. */
    default Margin margin() {
        return null;
    }

    /** Whether the design's interim looks and group-sequential boundaries apply to this analysis. */
    default boolean groupSequential() {
        return false;
    }

    /**
     * Whether a patient given this arm (an arm index, or -1 for an enrolled patient who never reached
     * an allocation) belongs in the analysis. A single-arm analysis counts every enrolled patient who
     * was not given another arm, including those who died or failed before any allocation.
     */
    default boolean includes(int arm) {
        return arm == experimental() || arm == control();
    }

    /**
     * The effect the analysis estimates, where the protocol makes it a known constant (a hazard ratio
     * between two arms whose hazards are multiples of one curve); empty where it must be estimated by
     * simulating a large trial.
     */
    default OptionalDouble exactEffect(CompiledProtocol protocol) {
        return OptionalDouble.empty();
    }

    /** New per-thread data for the analysis, under the given scenario. */
    Data newData(TrialDesign design, RandomStreams streams, boolean nullScenario);

    /** What one analysis keeps of the patients of one replicate, and how it concludes. Not thread-safe. */
    interface Data {
        /** Starts a replicate of n patients. */
        void resize(int patients);

        /** Records what the analysis needs of patient i, whose outcome is read now (it is reused next). */
        void record(int i, PatientOutcome outcome, VirtualTrial trial);

        /**
         * Analyses the replicate at its data cuts.
         *
         * @param finalOnly only the final look (the large trial that estimates the true effect)
         * @param scale     the trial's size relative to the design's
         */
        Conclusion conclude(VirtualTrial trial, boolean finalOnly, double scale);
    }
}
