package org.trialsim.simulator.engine;

import java.util.List;
import org.trialsim.protocol.Endpoint;

/**
 * A survival endpoint read off a simulated patient: who counts (everyone, or only patients who reached
 * remission; for an endpoint timed from allocation, only patients who were allocated), where their
 * time starts (enrolment, day 0, or the allocation day) and which events end it. The one place for
 * these rules: the cohort statistics, the patient records and the trial analyses all read endpoints
 * through it. Immutable.
 *
 * @param events         the events that end the endpoint, in the endpoint's order (which breaks ties)
 * @param remissionOnly  only patients who reached remission count (disease-free survival)
 * @param fromAllocation time starts at allocation, not enrolment
 */
public record EndpointTime(List<Endpoint.EventKind> events, boolean remissionOnly, boolean fromAllocation) {

    public EndpointTime {
        events = List.copyOf(events);
    }

    /** The endpoint as the protocol defines it. */
    public static EndpointTime of(Endpoint endpoint) {
        return new EndpointTime(endpoint.events(), endpoint.remissionOnly(), endpoint.origin() == Endpoint.Origin.ALLOCATION);
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
        // by index, as firstCause: the list's iterator was allocated for every patient and endpoint
        double first = Double.POSITIVE_INFINITY;
        for (int k = 0; k < events.size(); k++) {
            first = Math.min(first, time(events.get(k), o));
        }
        return first;
    }

    /**
     * Which event ends the endpoint: its position in {@link #events} plus one (on a tie, the event
     * listed first), or 0 if none of them happens.
     */
    public int firstCause(PatientOutcome o) {
        double first = Double.POSITIVE_INFINITY;
        int cause = 0;
        for (int k = 0; k < events.size(); k++) {
            double t = time(events.get(k), o);
            if (t < first) {
                first = t;
                cause = k + 1;
            }
        }
        return cause;
    }

    private static double time(Endpoint.EventKind kind, PatientOutcome o) {
        return switch (kind) {
            case FAILURE -> o.failureTime();
            case RELAPSE -> o.relapseTime();
            case DEATH -> o.deathTime();
        };
    }
}
