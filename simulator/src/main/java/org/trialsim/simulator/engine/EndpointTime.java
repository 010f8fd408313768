package org.trialsim.simulator.engine;

import org.trialsim.protocol.Endpoint;

/**
 * A survival endpoint read off a simulated patient: who counts (everyone, or only patients who reached
 * remission), where their time starts (enrolment or allocation) and which events end it. Immutable.
 *
 * @param countsFailure  treatment failure ends it
 * @param countsRelapse  relapse ends it
 * @param countsDeath    death ends it
 * @param remissionOnly  only patients who reached remission count (disease-free survival)
 * @param fromAllocation time starts at allocation, not enrolment
 */
public record EndpointTime(boolean countsFailure, boolean countsRelapse, boolean countsDeath, boolean remissionOnly,
                           boolean fromAllocation) {

    /** The endpoint as the protocol defines it. */
    public static EndpointTime of(Endpoint endpoint) {
        return new EndpointTime(endpoint.events().contains(Endpoint.EventKind.FAILURE),
                endpoint.events().contains(Endpoint.EventKind.RELAPSE), endpoint.events().contains(Endpoint.EventKind.DEATH),
                endpoint.remissionOnly(), endpoint.origin() == Endpoint.Origin.ALLOCATION);
    }

    /**
     * The day (since enrolment) the patient's time starts, or NaN if the patient does not count: not in
     * remission for a remission-only endpoint, or never allocated for one timed from allocation.
     */
    public double origin(PatientOutcome o) {
        if (remissionOnly && !o.reachedRemission()) {
            return Double.NaN;
        }
        return fromAllocation ? o.allocationTime() : 0;
    }

    /** The day (since enrolment) of the first event that ends the endpoint, or +∞. */
    public double firstEvent(PatientOutcome o) {
        double first = Double.POSITIVE_INFINITY;
        if (countsFailure) {
            first = o.failureTime();
        }
        if (countsRelapse) {
            first = Math.min(first, o.relapseTime());
        }
        if (countsDeath) {
            first = Math.min(first, o.deathTime());
        }
        return first;
    }
}
