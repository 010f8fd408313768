package org.trialsim.simulator.trial;

/**
 * An analysis of one arm against a historical control (a curve or a rate). It counts every enrolled
 * patient who was not given another arm, including those who died or failed before any allocation:
 * the intention-to-treat population of a single-arm trial.
 */
sealed interface OneArmAnalysis extends Analysis permits SurvivalAgainstHistory, ResponseAgainstHistory {
    /** The arm analysed. */
    int arm();

    @Override
    default int experimental() {
        return arm();
    }

    @Override
    default int control() {
        return -1;
    }

    @Override
    default boolean includes(int givenArm) {
        return givenArm == arm() || givenArm < 0;
    }
}
