package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A treatment protocol and the trial that tests it: who presents, who is eligible, how risk is
 * assigned, the pathway of treatment blocks and decision points, the arms, the outcome models, the
 * endpoints, and the trial design. Immutable; read and written by
 * {@link org.trialsim.protocol.io.ProtocolReader} and {@link org.trialsim.protocol.io.ProtocolWriter}.
 *
 * @param id          short identifier, e.g. {@code interfant-21}
 * @param title       one-line title
 * @param registry    trial registry number, e.g. NCT05327894
 * @param description what the protocol is, in a few sentences
 * @param currency    the currency of block costs, e.g. EUR
 * @param references  citations by id, which {@code source} fields may name
 * @param population  the patients who present
 * @param eligibility inclusion and exclusion criteria by id
 * @param riskGroups  risk groups and the rules that assign them at enrolment
 * @param arms        treatment arms by id
 * @param assessments named MRD assessments by id
 * @param pathway     the treatment pathway
 * @param outcomes    relapse and death models
 * @param followUp    follow-up horizon and reporting landmarks
 * @param endpoints   survival endpoints by id
 * @param design      the trial design, if the protocol describes one
 * @param targets     published figures the protocol should reproduce ({@code trialsim calibrate})
 */
@JsonPropertyOrder({"id", "title", "registry", "description", "currency", "references", "population", "eligibility",
        "riskGroups", "arms", "assessments", "pathway", "outcomes", "followUp", "endpoints", "design", "targets"})
public record Protocol(
        @Required @JsonPropertyDescription("Short identifier, e.g. interfant-21") String id,
        @Required @JsonPropertyDescription("One-line title") String title,
        @JsonPropertyDescription("Trial registry number, e.g. NCT05327894") String registry,
        String description,
        @JsonPropertyDescription("Currency of block costs, e.g. EUR") String currency,
        @JsonPropertyDescription("Citations by id; a source field may give one of these ids") Map<String, String> references,
        @Required Population population,
        @JsonPropertyDescription("Inclusion and exclusion criteria by id, checked in order") Map<String, Criterion> eligibility,
        @Required RiskGroups riskGroups,
        @Required @JsonPropertyDescription("Treatment arms by id") Map<String, Arm> arms,
        @JsonPropertyDescription("Named MRD assessments by id") Map<String, Assessment> assessments,
        @Required Pathway pathway,
        @Required Outcomes outcomes,
        @Required FollowUp followUp,
        @Required @JsonPropertyDescription("Survival endpoints by id, e.g. efs, dfs, os") Map<String, Endpoint> endpoints,
        Design design,
        @JsonPropertyDescription("Published figures the protocol should reproduce, checked by trialsim calibrate") List<Target> targets) {

    public Protocol {
        references = Immutable.map(references);
        eligibility = Immutable.map(eligibility);
        arms = Immutable.map(arms);
        assessments = Immutable.map(assessments);
        endpoints = Immutable.map(endpoints);
        targets = Immutable.list(targets);
    }
}
