package org.trialsim.protocol.validation;

import static org.trialsim.protocol.validation.Context.at;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Covariate;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.FollowUp;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.RiskGroups;
import org.trialsim.protocol.condition.Check;
import org.trialsim.protocol.condition.ProtocolVariables;

/**
 * Checks a protocol and reports every problem found to a {@link ProblemSink}. The protocol may be
 * incomplete (fields that failed to parse are null); each check skips what is missing, so one pass
 * reports as much as can be known.
 */
public final class ProtocolValidator {
    private static final String PROTOCOL_ID = "[a-z0-9][a-z0-9._-]*";
    /** The most criteria, or toxicities of a block, the simulator counts: one bit each in a long. */
    /** Criteria of the protocol, and toxicities of a block, are counted as bits of one long (ListLimits bounds them). */
    static final int MAX_FLAGS = Long.SIZE;

    private final Context c;
    private final Protocol protocol;
    private final ProblemSink sink;
    private final Values values;

    private ProtocolValidator(Protocol protocol, ProblemSink sink) {
        this.c = new Context(protocol, sink);
        this.protocol = protocol;
        this.sink = sink;
        this.values = c.values;
    }

    /** Validates a protocol, reporting every problem to the sink. */
    public static void validate(Protocol protocol, ProblemSink sink) {
        ModelWalker walker = new ModelWalker(sink, protocol.references().keySet());
        walker.walk(protocol, JsonPointer.empty());
        // a list over its bound is reported alone: checking its entries could take as long, and report as
        // many problems, as the list is long
        if (!walker.foundOversized()) {
            new ProtocolValidator(protocol, sink).run();
        }
    }

    private void run() {
        JsonPointer root = JsonPointer.empty();
        if (protocol.id() != null && !protocol.id().matches(PROTOCOL_ID)) {
            sink.error(at(root, "id"), "the id '" + protocol.id() + "' must be lower-case letters, digits, '.', '-' or '_',"
                    + " starting with a letter or digit, so that it can be typed on a command line");
        }
        population();
        eligibility();
        riskGroups();
        if (protocol.arms().isEmpty()) {
            sink.error(at(root, "arms"), "there are no arms; a protocol has at least one");
        }
        c.names(protocol.arms().keySet(), at(root, "arms"), "arm");
        assessments();
        new PathwayCheck(c).check();
        new OutcomeCheck(c).check();
        followUp();
        endpoints();
        if (protocol.design() != null) {
            new DesignCheck(protocol, sink, values, c::compile, c.symbols).check(at(root, "design"));
        }
        new TargetCheck(c).check();
        c.reportUncovered();
    }

    // ---------------------------------------------------------------- population and eligibility

    private void population() {
        if (protocol.population() == null) {
            return;
        }
        JsonPointer base = at(JsonPointer.empty(), "population");
        Map<String, Covariate> covariates = protocol.population().covariates();
        List<String> earlier = new ArrayList<>();
        covariates.forEach((name, covariate) -> {
            JsonPointer here = at(base, "covariates", name);
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                sink.error(here, "the covariate name '" + name + "' must be letters, digits or '_', starting with a letter,"
                        + " so that conditions can use it");
            } else if (ProtocolVariables.RESERVED.contains(name)) {
                sink.error(here, "'" + name + "' is a built-in variable of conditions and cannot be a covariate name");
            }
            if (covariate != null && covariate.distribution() != null) {
                new DistributionCheck(sink, values, covariates, earlier).check(covariate.distribution(), at(here, "distribution"), false);
            }
            earlier.add(name);
        });
        if (protocol.population().initialMrd() != null) {
            new DistributionCheck(sink, values, covariates, earlier)
                    .check(protocol.population().initialMrd(), at(base, "initialMrd"), true);
        }
    }

    private void eligibility() {
        JsonPointer base = at(JsonPointer.empty(), "eligibility");
        protocol.eligibility().forEach((id, criterion) -> {
            if (criterion == null) {
                return;
            }
            JsonPointer here = at(base, id);
            if ((criterion.include() == null) == (criterion.exclude() == null)) {
                sink.error(here, "a criterion has either 'include' (a condition every patient must meet) or 'exclude'"
                        + " (a condition that excludes), and not both");
            }
            c.compile(criterion.include(), at(here, "include"));
            c.compile(criterion.exclude(), at(here, "exclude"));
            if (criterion.treatment() != null && !criterion.treatment().matches(Context.NAME)) {
                sink.error(at(here, "treatment"), "the treatment name '" + criterion.treatment()
                        + "' must be letters, digits, '-' or '_', starting with a letter, so that conditions can say eligible."
                        + criterion.treatment());
            }
        });
    }

    // ---------------------------------------------------------------- risk groups

    private void riskGroups() {
        RiskGroups risk = protocol.riskGroups();
        if (risk == null) {
            return;
        }
        JsonPointer base = at(JsonPointer.empty(), "riskGroups");
        if (risk.groups().isEmpty()) {
            sink.error(at(base, "groups"), "there are no risk groups; define at least one");
        }
        if (risk.initial().isEmpty()) {
            sink.error(at(base, "initial"), "there are no rules that assign a risk group at enrolment; add at least one");
        }
        List<Coverage.Rule> rules = new ArrayList<>();
        for (int i = 0; i < risk.initial().size(); i++) {
            RiskGroups.Rule rule = risk.initial().get(i);
            if (rule == null) {
                continue;
            }
            JsonPointer here = base.appendProperty("initial").appendIndex(i);
            c.reference(rule.group(), risk.groups().keySet(), at(here, "group"), "risk group");
            Check check = rule.when() == null ? Check.ALWAYS : c.compile(rule.when(), at(here, "when"));
            if (check != null) {
                rules.add(new Coverage.Rule(check, true));
            }
        }
        if (!risk.initial().isEmpty() && rules.size() == risk.initial().size()) {
            c.coverage(rules, Set.of(), at(base, "initial"), "the risk rules assign no group to a patient with ",
                    "; add a rule for such patients, or a last rule without 'when'", true);
        }
    }

    // ---------------------------------------------------------------- assessments

    private void assessments() {
        JsonPointer base = at(JsonPointer.empty(), "assessments");
        c.names(protocol.assessments().keySet(), base, "assessment");
    }

    // ---------------------------------------------------------------- follow-up and endpoints

    private void followUp() {
        FollowUp f = protocol.followUp();
        if (f == null) {
            return;
        }
        JsonPointer base = at(JsonPointer.empty(), "followUp");
        values.increasing(f.landmarkYears(), at(base, "landmarkYears"), "the landmarks");
        for (int i = 0; i < f.landmarkYears().size(); i++) {
            Double y = f.landmarkYears().get(i);
            JsonPointer yAt = base.appendProperty("landmarkYears").appendIndex(i);
            if (y != null && f.horizonYears() != null && y > f.horizonYears()) {
                sink.error(yAt, "the landmark " + Values.fmt(y) + " years is after the follow-up horizon ("
                        + Values.fmt(f.horizonYears()) + " years)");
            }
        }
    }

    private void endpoints() {
        JsonPointer base = at(JsonPointer.empty(), "endpoints");
        if (protocol.endpoints().isEmpty()) {
            sink.error(base, "there are no endpoints; define at least one, e.g. efs with events [failure, relapse, death]");
        }
        c.names(protocol.endpoints().keySet(), base, "endpoint");
        protocol.endpoints().forEach((id, e) -> {
            if (e == null) {
                return;
            }
            if (e.events().isEmpty()) {
                sink.error(at(base, id, "events"), "the endpoint counts no events; list at least one of failure, relapse, death");
            }
            if (new HashSet<>(e.events()).size() < e.events().size()) {
                sink.warning(at(base, id, "events"), "an event is listed twice");
            }
            if (e.origin() == Endpoint.Origin.ALLOCATION && protocol.pathway() != null
                    && protocol.pathway().nodes().values().stream().noneMatch(n -> n instanceof Node.Allocation)) {
                sink.error(at(base, id, "origin"), "time starts at allocation, but the pathway has no allocation node");
            }
        });
    }
}
