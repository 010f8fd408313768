package org.trialsim.simulator.design.escalation;

/**
 * A design's decisions, which {@link TrialEngine} asks for after every event of a trial in calendar time.
 * One instance per engine, with its own state, reset for each trial; it reads the trial in a
 * {@link TrialState} and never changes it.
 */
abstract class DoseFinder {
    /** What the trial does until the next event. */
    enum Status {
        /** Accrual open: a patient arriving now (or waiting) is enrolled, at {@link #levelForNext}. */
        OPEN,
        /** Accrual suspended until a pending patient's answer is known. */
        HOLD,
        /** Accrual over (the sample size is reached, or a rule stopped it): the trial waits for the pending answers. */
        CLOSED,
        /** The trial ends now; {@link #selected} is the level declared the MTD. */
        STOP
    }

    /** The level returned when the decision taken for an arriving patient closed accrual or ended the trial. */
    static final int NONE = 0;

    /** Starts a new trial at the given level. */
    abstract void reset(int startLevel);

    /**
     * What the trial does now. Asked after every event and again after every enrolment, it may move the
     * current level or take the decision a complete cohort waits for.
     */
    abstract Status status(TrialState state, double time);

    /**
     * The level of a patient enrolled now, asked only when the status is {@link Status#OPEN}; a design that
     * decides with pending data decides here, at the arrival, with the follow-up of that moment. {@link #NONE}
     * when that decision closed accrual or ended the trial (the status then says which).
     */
    abstract int levelForNext(TrialState state, double time);

    /** The level declared the MTD once the status is {@link Status#STOP}; 0 for none. */
    abstract int selected();

    /** The most patients the design can treat in one trial. */
    abstract int capacity();
}
