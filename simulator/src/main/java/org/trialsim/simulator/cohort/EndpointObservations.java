package org.trialsim.simulator.cohort;

import org.trialsim.protocol.Endpoint;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.stats.SurvivalAccumulator;

/**
 * What one patient allocated to an arm contributes to each survival endpoint: the one place for the
 * endpoint definitions as the cohort statistics read them, so that the statistics and the patient
 * records (docs/patient-records.md) cannot disagree.
 *
 * <ul>
 *   <li>A remission-only endpoint counts only patients who reached remission; an endpoint from
 *       allocation only patients who were allocated.</li>
 *   <li>The time is from the endpoint's origin (enrolment, day 0, or the allocation day) to the
 *       earliest of the endpoint's events; on a tie the event listed first in the endpoint wins.</li>
 *   <li>A patient with none of the events by the horizon is censored at the horizon, also when an
 *       event comes after it.</li>
 * </ul>
 *
 * The time is in days, not yet rounded: {@link SurvivalAccumulator} counts it in day bin
 * {@link SurvivalAccumulator#dayBin ⌈time⌉}. Reused from patient to patient; allocates nothing.
 */
final class EndpointObservations {
    private final double horizon;
    private final boolean[] remissionOnly;
    private final boolean[] fromAllocation;
    /** Each endpoint's events as ordinals of {@link Endpoint.EventKind}, in the endpoint's order. */
    private final int[][] events;
    /** The current patient's time of each kind of event, by ordinal. */
    private final double[] eventTimes = new double[Endpoint.EventKind.values().length];
    private final boolean[] counts;
    private final double[] time;
    private final int[] status;

    EndpointObservations(ProtocolIndex index) {
        horizon = index.horizonDays();
        int n = index.endpoints();
        remissionOnly = new boolean[n];
        fromAllocation = new boolean[n];
        events = new int[n][];
        for (int e = 0; e < n; e++) {
            Endpoint endpoint = index.endpoint(e);
            remissionOnly[e] = endpoint.remissionOnly();
            fromAllocation[e] = endpoint.origin() == Endpoint.Origin.ALLOCATION;
            events[e] = endpoint.events().stream().mapToInt(Endpoint.EventKind::ordinal).toArray();
        }
        counts = new boolean[n];
        time = new double[n];
        status = new int[n];
    }

    /** Reads an enrolled patient allocated to the arm (or to the protocol's only arm) into every endpoint. */
    void observe(PatientOutcome o) {
        eventTimes[Endpoint.EventKind.FAILURE.ordinal()] = o.failureTime();
        eventTimes[Endpoint.EventKind.RELAPSE.ordinal()] = o.relapseTime();
        eventTimes[Endpoint.EventKind.DEATH.ordinal()] = o.deathTime();
        for (int e = 0; e < counts.length; e++) {
            double origin = fromAllocation[e] ? o.allocationTime() : 0;
            counts[e] = (!remissionOnly[e] || o.reachedRemission()) && origin == origin;
            if (!counts[e]) {
                continue;
            }
            double first = Double.POSITIVE_INFINITY;
            int cause = SurvivalAccumulator.CENSORED;
            int[] kinds = events[e];
            for (int k = 0; k < kinds.length; k++) {
                double t = eventTimes[kinds[k]];
                if (t < first) {
                    first = t;
                    cause = k + 1;
                }
            }
            if (first > horizon) {
                time[e] = horizon - origin;
                status[e] = SurvivalAccumulator.CENSORED;
            } else {
                time[e] = first - origin;
                status[e] = cause;
            }
        }
    }

    /** The number of endpoints. */
    int endpoints() {
        return counts.length;
    }

    /** Whether the patient last observed counts in endpoint e. */
    boolean counts(int e) {
        return counts[e];
    }

    /** Days from endpoint e's origin to its first event, or to the horizon if none by then. */
    double time(int e) {
        return time[e];
    }

    /**
     * {@link SurvivalAccumulator#CENSORED}, or the position of the event in endpoint e's list of
     * events plus one (the cause of its cumulative incidence).
     */
    int status(int e) {
        return status[e];
    }
}
