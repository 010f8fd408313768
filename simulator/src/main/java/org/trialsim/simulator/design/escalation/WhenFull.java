package org.trialsim.simulator.design.escalation;

/** What becomes of a patient who arrives while accrual is suspended (no slot open). */
public enum WhenFull {
    /** The patient is lost to the trial (treated elsewhere), as in Skolnik et al.'s simulation. */
    LOST,
    /**
     * The patient waits, first come first served, and is enrolled as soon as a slot opens; patients
     * still waiting when the trial ends are not enrolled.
     */
    WAIT
}
