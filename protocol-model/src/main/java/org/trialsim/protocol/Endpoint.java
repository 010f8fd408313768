package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * A survival endpoint: time from an origin to the first of some events.
 *
 * @param label         readable name, e.g. "Event-free survival"
 * @param events        the events that end it
 * @param origin        where time starts; enrolment if absent
 * @param remissionOnly whether only patients who reached remission count (disease-free survival)
 */
public record Endpoint(
        String label,
        @Required @JsonPropertyDescription("Events that count: failure, relapse, death") List<EventKind> events,
        @JsonPropertyDescription("Where time starts: enrolment (default) or allocation") Origin origin,
        @JsonPropertyDescription("Only patients who reached complete remission count (as for DFS)") Boolean remissionOnly) {

    public Endpoint {
        events = Immutable.list(events);
        origin = Immutable.orElse(origin, Origin.ENROLMENT);
        remissionOnly = Immutable.orElse(remissionOnly, Boolean.FALSE);
    }

    /** An event a patient can have. */
    public enum EventKind {
        /** Treatment failure: the pathway ended in a failure end (e.g. no remission). */
        @JsonProperty("failure") FAILURE,
        /** Relapse. */
        @JsonProperty("relapse") RELAPSE,
        /** Death from any cause. */
        @JsonProperty("death") DEATH
    }

    /** Where an endpoint's time starts. */
    public enum Origin {
        /** Enrolment (diagnosis, or relapse for relapse trials). */
        @JsonProperty("enrolment") ENROLMENT,
        /** Allocation to an arm. */
        @JsonProperty("allocation") ALLOCATION
    }
}
