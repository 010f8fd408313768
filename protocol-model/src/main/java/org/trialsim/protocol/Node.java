package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/** A node of the treatment pathway. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Node.Block.class, name = "block"),
        @JsonSubTypes.Type(value = Node.Decision.class, name = "decision"),
        @JsonSubTypes.Type(value = Node.Allocation.class, name = "allocation"),
        @JsonSubTypes.Type(value = Node.End.class, name = "end")})
public sealed interface Node {

    /** A readable name; may be null. */
    String label();

    /** What a block is, for reporting (transplant rate, time on immunotherapy). */
    enum BlockKind {
        @JsonProperty("chemotherapy") CHEMOTHERAPY,
        @JsonProperty("immunotherapy") IMMUNOTHERAPY,
        @JsonProperty("transplant") TRANSPLANT,
        @JsonProperty("maintenance") MAINTENANCE,
        @JsonProperty("other") OTHER
    }

    /** How a patient leaves the pathway. */
    enum EndStatus {
        /** Protocol therapy completed; the patient is followed for relapse and death. */
        @JsonProperty("completed") COMPLETED,
        /** Off protocol therapy without an event (e.g. another treatment); still followed. */
        @JsonProperty("off-protocol") OFF_PROTOCOL,
        /** Treatment failure, such as no remission: an event for event-free survival. */
        @JsonProperty("failure") FAILURE
    }

    /**
     * A treatment element: induction, a chemotherapy course, a blinatumomab cycle, HSCT, maintenance.
     *
     * @param label            readable name
     * @param kind             what kind of treatment it is
     * @param durationDays     how long it lasts
     * @param dose             the main agent's dose, for information
     * @param requires         treatments (named by eligibility criteria) the patient must be eligible for
     * @param substitute       the block given instead to a patient not eligible for a required treatment;
     *                         absent means the block is skipped
     * @param mrdResponse      how MRD changes over the block; absent means it does not change
     * @param toxicities       toxicities of the block by id
     * @param deathProbability probability of death during the block (toxic death, transplant-related mortality)
     * @param cost             cost per patient who starts the block, in the protocol's currency
     * @param assessments      the named MRD assessments made at the end of the block (e.g. flow and
     *                         NGS on the same marrow); the last one becomes {@code mrd}
     * @param next             the node after the block
     * @param description      what the block gives
     * @param source           where the parameters come from
     * @param assumption       what was assumed
     */
    record Block(
            String label,
            @Required Node.BlockKind kind,
            @Required @Range(min = 0, max = Range.CENTURY_DAYS, why = "days; no treatment lasts a hundred years")
            Double durationDays,
            Dose dose,
            @JsonPropertyDescription("Treatments (named by eligibility criteria) the patient must be eligible for") List<String> requires,
            @JsonPropertyDescription("Block given instead to a patient not eligible for a required treatment; absent means skip") String substitute,
            MrdResponse mrdResponse,
            Map<String, Toxicity> toxicities,
            @JsonPropertyDescription("Probability of death during the block")
            @Range(min = 0, max = 1, why = Range.PROBABILITY)
            Double deathProbability,
            @JsonPropertyDescription("Cost per patient starting the block, in the protocol's currency")
            @Range(min = 0, max = Range.MAX_COST, why = "in the protocol's currency; a patient's cost is summed exactly up to"
                    + " this")
            Double cost,
            @JsonPropertyDescription("Named MRD assessments made at the end of the block") List<String> assessments,
            @Required String next,
            String description,
            String source,
            String assumption) implements Node, Cited {

        public Block {
            requires = Immutable.list(requires);
            assessments = Immutable.list(assessments);
            toxicities = Immutable.map(toxicities);
        }

        @Override
        public boolean needsCitation() {
            return deathProbability != null || cost != null;
        }
    }

    /**
     * A decision point: ordered routes, the first that applies is taken.
     *
     * @param label       readable name
     * @param description what is decided
     * @param routes      routes in order; the last should have no condition
     */
    record Decision(String label, String description, @Required List<Route> routes) implements Node {
        public Decision {
            routes = Immutable.list(routes);
        }
    }

    /**
     * An allocation point: the patient's stratum is the first whose condition holds, and an arm is
     * chosen within it in the given ratio; the patient then goes on to that arm's first node.
     *
     * @param label      readable name
     * @param strata     strata by id, tried in order
     * @param to         the first node of each arm
     * @param source     where the strata and ratios come from
     * @param assumption what was assumed
     */
    record Allocation(String label, @Required Map<String, Stratum> strata,
                      @Required @JsonPropertyDescription("First node of each arm") Map<String, String> to,
                      String source, String assumption) implements Node, Cited {
        public Allocation {
            strata = Immutable.map(strata);
            to = Immutable.map(to);
        }

        /** Strata and ratios are the protocol's own design choices, like eligibility criteria: a citation is welcome, not needed. */
        @Override
        public boolean needsCitation() {
            return false;
        }
    }

    /**
     * The end of the pathway.
     *
     * @param label       readable name
     * @param status      how the patient leaves the pathway
     * @param description what it means
     */
    record End(String label, @Required Node.EndStatus status, String description) implements Node {
    }
}
