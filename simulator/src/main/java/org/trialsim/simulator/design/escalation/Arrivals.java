package org.trialsim.simulator.design.escalation;

/** How the times between patient arrivals are spread. */
public enum Arrivals {
    /** Exponential with the given mean: patients arrive as a Poisson process. */
    EXPONENTIAL,
    /** Exactly the given time apart: no randomness in arrivals, useful for checking by hand. */
    REGULAR
}
