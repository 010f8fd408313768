package org.trialsim.simulator.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.Endpoint;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.stats.SurvivalAccumulator;

/**
 * The first events a trial would count at a data cut, as it reports "35 of 105 relapsed": the one place
 * for that computation, which {@code simulate --follow-up} reports and the {@code crude} target reads.
 *
 * <p>A patient whose first event of the endpoint falls in day bin d is counted at the cut when the
 * follow-up reaches d days, which it does with the chance {@link FollowUpWindow#reaches}. The count of
 * an event is the expected number of the virtual patients counted, Σ_d n(d)·w(d), computed exactly from
 * the per-day counts the cohort already keeps (no random follow-up is drawn, so the figures do not move
 * the random streams); its share is that over the patients the endpoint counts, i.e. the event's
 * cumulative incidence averaged over the follow-up window. The Monte Carlo standard error is that of a
 * mean of per-patient values w(d) (or 0): √((Σ n(d)·w(d)²/N − share²)/N). A patient without an event by
 * the horizon is counted as without one at the cut.
 */
final class DataCuts {
    private DataCuts() {
    }

    /** Each endpoint's first events at the cut, for the endpoints that count a patient. */
    static CohortResult.DataCut of(FollowUpWindow window, CohortAccumulator a, ProtocolIndex names) {
        List<CohortResult.CutEndpoint> endpoints = new ArrayList<>();
        for (int e = 0; e < a.endpoints.length; e++) {
            SurvivalAccumulator acc = a.endpoints[e];
            long patients = acc.count();
            if (patients == 0) {
                continue;
            }
            Endpoint endpoint = names.endpoint(e);
            List<CohortResult.CutEvent> events = new ArrayList<>();
            for (int k = 0; k < endpoint.events().size(); k++) {
                events.add(event(endpoint.events().get(k).name().toLowerCase(Locale.ROOT), window, acc, k + 1, patients));
            }
            endpoints.add(new CohortResult.CutEndpoint(names.endpointId(e), patients, events));
        }
        return new CohortResult.DataCut(window.months(), endpoints);
    }

    /** One cause's expected count and share at the cut. */
    static CohortResult.CutEvent event(String name, FollowUpWindow window, SurvivalAccumulator acc, int cause, long patients) {
        double count = 0;
        double squares = 0;
        for (int day = 0; day <= acc.horizonDays(); day++) {
            long n = acc.observations(day, cause);
            if (n > 0) {
                double w = window.reaches(day);
                count += n * w;
                squares += n * w * w;
            }
        }
        double share = count / patients;
        double variance = Math.max(0, squares / patients - share * share);
        return new CohortResult.CutEvent(name, count, share, Math.sqrt(variance / patients));
    }
}
