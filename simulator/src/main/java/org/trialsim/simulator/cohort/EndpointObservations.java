package org.trialsim.simulator.cohort;

import org.trialsim.simulator.engine.EndpointTime;
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
    private final EndpointTime[] endpoints;
    private final boolean[] counts;
    private final double[] time;
    private final int[] status;

    EndpointObservations(ProtocolIndex index) {
        horizon = index.horizonDays();
        int n = index.endpoints();
        endpoints = new EndpointTime[n];
        for (int e = 0; e < n; e++) {
            endpoints[e] = EndpointTime.of(index.endpoint(e));
        }
        counts = new boolean[n];
        time = new double[n];
        status = new int[n];
    }

    /** Reads an enrolled patient allocated to the arm (or to the protocol's only arm) into every endpoint. */
    void observe(PatientOutcome o) {
        for (int e = 0; e < counts.length; e++) {
            EndpointTime endpoint = endpoints[e];
            double origin = endpoint.origin(o);
            counts[e] = origin == origin;
            if (!counts[e]) {
                continue;
            }
            double first = endpoint.firstEvent(o);
            if (first > horizon) {
                time[e] = horizon - origin;
                status[e] = SurvivalAccumulator.CENSORED;
            } else {
                time[e] = first - origin;
                status[e] = endpoint.firstCause(o);
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
