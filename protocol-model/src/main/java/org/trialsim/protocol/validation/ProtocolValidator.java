package org.trialsim.protocol.validation;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Condition;
import org.trialsim.protocol.Covariate;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.EventRule;
import org.trialsim.protocol.FollowUp;
import org.trialsim.protocol.HazardCurve;
import org.trialsim.protocol.MrdResponse;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Outcomes;
import org.trialsim.protocol.Pathway;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Range;
import org.trialsim.protocol.RiskGroups;
import org.trialsim.protocol.Route;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.protocol.condition.Check;
import org.trialsim.protocol.condition.ConditionCompiler;
import org.trialsim.protocol.condition.ConditionSyntaxException;
import org.trialsim.protocol.condition.ProtocolVariables;
import org.trialsim.protocol.condition.Spelling;
import org.trialsim.protocol.condition.Symbols;

/**
 * Checks a protocol and reports every problem found to a {@link ProblemSink}. The protocol may be
 * incomplete (fields that failed to parse are null); each check skips what is missing, so one pass
 * reports as much as can be known.
 */
public final class ProtocolValidator {
    private static final String NAME = "[A-Za-z][A-Za-z0-9_-]*";
    private static final String PROTOCOL_ID = "[a-z0-9][a-z0-9._-]*";
    /** The most criteria, or toxicities of a block, the simulator counts: one bit each in a long. */
    /** Criteria of the protocol, and toxicities of a block, are counted as bits of one long (ListLimits bounds them). */
    static final int MAX_FLAGS = Long.SIZE;

    private final Protocol protocol;
    private final ProblemSink sink;
    private final Values values;
    private final Symbols symbols;
    private final ConditionCompiler compiler;
    private final Set<String> mrdSlots = new HashSet<>();
    private final Coverage.Budget coverageBudget = new Coverage.Budget(Coverage.BUDGET);
    /** The rule lists whose coverage was not checked because the budget ran out, in the order met. */
    private final List<JsonPointer> uncovered = new ArrayList<>();
    private boolean uncoveredIsError;
    /**
     * "Did you mean" suggestions left for references that name nothing. Each compares the name with every
     * id of its kind (up to 1,000 nodes), and a file can hold 100,000 such references; only the first 100
     * problems are shown anyway.
     */
    private int suggestionsLeft = 1_000;

    private ProtocolValidator(Protocol protocol, ProblemSink sink) {
        this.protocol = protocol;
        this.sink = sink;
        this.values = new Values(sink);
        this.symbols = ProtocolVariables.of(protocol);
        this.compiler = new ConditionCompiler(symbols);
        mrdSlots.add(ProtocolVariables.MRD);
        protocol.assessments().keySet().forEach(a -> mrdSlots.add(ProtocolVariables.MRD_AT + a));
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
        names(protocol.arms().keySet(), at(root, "arms"), "arm");
        assessments();
        pathway();
        outcomes();
        followUp();
        endpoints();
        if (protocol.design() != null) {
            new DesignCheck(protocol, sink, values, this::compile, symbols).check(at(root, "design"));
        }
        reportUncovered();
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
            compile(criterion.include(), at(here, "include"));
            compile(criterion.exclude(), at(here, "exclude"));
            if (criterion.treatment() != null && !criterion.treatment().matches(NAME)) {
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
            reference(rule.group(), risk.groups().keySet(), at(here, "group"), "risk group");
            Check check = rule.when() == null ? Check.ALWAYS : compile(rule.when(), at(here, "when"));
            if (check != null) {
                rules.add(new Coverage.Rule(check, true));
            }
        }
        if (!risk.initial().isEmpty() && rules.size() == risk.initial().size()) {
            coverage(rules, Set.of(), at(base, "initial"), "the risk rules assign no group to a patient with ",
                    "; add a rule for such patients, or a last rule without 'when'", true);
        }
    }

    // ---------------------------------------------------------------- assessments

    private void assessments() {
        JsonPointer base = at(JsonPointer.empty(), "assessments");
        names(protocol.assessments().keySet(), base, "assessment");
    }

    // ---------------------------------------------------------------- pathway

    private void pathway() {
        Pathway pathway = protocol.pathway();
        if (pathway == null) {
            return;
        }
        JsonPointer base = at(JsonPointer.empty(), "pathway");
        JsonPointer nodesAt = at(base, "nodes");
        Map<String, Node> nodes = pathway.nodes();
        names(nodes.keySet(), nodesAt, "node");
        if (pathway.start() != null) {
            reference(pathway.start(), nodes.keySet(), at(base, "start"), "node");
        }
        if (nodes.isEmpty()) {
            sink.error(nodesAt, "the pathway has no nodes; it needs at least a block and an end");
            return;
        }
        Set<String> treatments = ProtocolVariables.treatments(protocol);
        Set<String> allocatedArms = new HashSet<>();
        nodes.forEach((id, node) -> {
            JsonPointer here = at(nodesAt, id);
            if (node instanceof Node.Block b) {
                block(b, here, nodes, treatments);
            } else if (node instanceof Node.Allocation a) {
                allocation(a, here, nodes, allocatedArms);
            } else if (node instanceof Node.Decision d) {
                for (int i = 0; i < d.routes().size(); i++) {
                    Route r = d.routes().get(i);
                    if (r != null) {
                        JsonPointer routeAt = here.appendProperty("routes").appendIndex(i);
                        reference(r.to(), nodes.keySet(), at(routeAt, "to"), "node");
                        if (r.setRisk() != null && protocol.riskGroups() != null) {
                            reference(r.setRisk(), protocol.riskGroups().groups().keySet(), at(routeAt, "setRisk"), "risk group");
                        }
                    }
                }
                if (d.routes().isEmpty()) {
                    sink.error(at(here, "routes"), "the decision has no routes");
                }
            }
        });
        if (protocol.arms().size() > 1 || !allocatedArms.isEmpty()) {
            for (String arm : protocol.arms().keySet()) {
                if (!allocatedArms.contains(arm)) {
                    sink.error(at(JsonPointer.empty(), "arms", arm), "no allocation node allocates patients to the arm '" + arm + "'");
                }
            }
        }
        graph(pathway, nodesAt);
        PathTotals.check(pathway, nodesAt, sink);
    }

    private void block(Node.Block b, JsonPointer here, Map<String, Node> nodes, Set<String> treatments) {
        if (b.next() != null) {
            reference(b.next(), nodes.keySet(), at(here, "next"), "node");
        }
        for (int i = 0; i < b.requires().size(); i++) {
            String t = b.requires().get(i);
            if (t != null && !treatments.contains(t)) {
                sink.error(here.appendProperty("requires").appendIndex(i), "no eligibility criterion names the treatment '" + t + "'"
                        + (treatments.isEmpty() ? "; give a criterion 'treatment: " + t + "'" : Spelling.hint(t, treatments)));
            }
        }
        if (b.substitute() != null) {
            if (b.requires().isEmpty()) {
                sink.warning(at(here, "substitute"), "the block requires no treatment, so its substitute is never used");
            }
            if (reference(b.substitute(), nodes.keySet(), at(here, "substitute"), "node")
                    && !(nodes.get(b.substitute()) instanceof Node.Block)) {
                sink.error(at(here, "substitute"), "the substitute '" + b.substitute() + "' is not a block");
            }
        }
        for (int i = 0; i < b.assessments().size(); i++) {
            reference(b.assessments().get(i), protocol.assessments().keySet(), here.appendProperty("assessments").appendIndex(i),
                    "assessment");
        }
        MrdResponse m = b.mrdResponse();
        if (m != null) {
            JsonPointer mAt = at(here, "mrdResponse");
            for (int i = 0; i < m.adjustments().size(); i++) {
                MrdResponse.Adjustment adjustment = m.adjustments().get(i);
                if (adjustment == null) {
                    continue;
                }
                JsonPointer aAt = mAt.appendProperty("adjustments").appendIndex(i);
                compile(adjustment.when(), at(aAt, "when"));
            }
        }
    }

    private void allocation(Node.Allocation a, JsonPointer here, Map<String, Node> nodes, Set<String> allocatedArms) {
        if (a.strata().isEmpty()) {
            sink.error(at(here, "strata"), "the allocation has no strata; give at least one with its arm ratio");
        }
        List<Coverage.Rule> rules = new ArrayList<>();
        Set<String> arms = new HashSet<>();
        a.strata().forEach((id, stratum) -> {
            if (stratum == null) {
                return;
            }
            JsonPointer sAt = at(here, "strata", id);
            Check check = stratum.when() == null ? Check.ALWAYS : compile(stratum.when(), at(sAt, "when"));
            rules.add(new Coverage.Rule(check == null ? Check.ALWAYS : check, true));
            if (stratum.ratio().isEmpty()) {
                sink.error(at(sAt, "ratio"), "the stratum allocates to no arm; give arms and their weights, e.g. {A: 1, B: 1}");
            }
            stratum.ratio().forEach((arm, weight) -> {
                if (reference(arm, protocol.arms().keySet(), at(sAt, "ratio", arm), "arm")) {
                    arms.add(arm);
                    allocatedArms.add(arm);
                }
            });
        });
        for (String arm : arms) {
            if (!a.to().containsKey(arm)) {
                sink.error(at(here, "to"), "the arm '" + arm + "' is allocated here but 'to' does not say which node it starts at");
            }
        }
        a.to().forEach((arm, to) -> {
            reference(arm, protocol.arms().keySet(), at(here, "to", arm), "arm");
            reference(to, nodes.keySet(), at(here, "to", arm), "node");
        });
        if (!rules.isEmpty()) {
            coverage(rules, Set.of(), at(here, "strata"), "no stratum holds a patient with ",
                    "; add a stratum for such patients, or a last stratum without 'when'", true);
        }
    }

    private void graph(Pathway pathway, JsonPointer nodesAt) {
        PathwayGraph graph = new PathwayGraph(pathway);
        List<String> loop = graph.findLoop();
        if (loop != null) {
            sink.error(at(nodesAt, loop.get(0)), "the pathway loops (" + String.join(" → ", loop)
                    + "); a pathway cannot loop, so write repeated cycles out as separate blocks");
            return;
        }
        Set<String> reachable = graph.reachable();
        if (pathway.start() != null && pathway.nodes().containsKey(pathway.start())) {
            pathway.nodes().keySet().stream().filter(id -> !reachable.contains(id)).forEach(id ->
                    sink.error(at(nodesAt, id), "no patient ever reaches '" + id + "' from the start ('" + pathway.start() + "')"));
        }
        if (reachable.stream().noneMatch(id -> pathway.nodes().get(id) instanceof Node.End)) {
            sink.error(at(nodesAt), "no path from the start reaches an end node; add a node with 'type: end'");
        }
        Map<String, Set<String>> before = graph.certainlyBefore();
        pathway.nodes().forEach((id, node) -> {
            if (node instanceof Node.Decision d && before.containsKey(id)) {
                decisionCoverage(d, at(nodesAt, id), missingAt(before.get(id)));
            }
        });
    }

    /** Slots that may be missing at a node: assessments not certainly made, and the arm if not certainly allocated. */
    private Set<Integer> missingAt(Set<String> certainlyBefore) {
        Set<Integer> missing = new HashSet<>();
        for (String a : protocol.assessments().keySet()) {
            if (!certainlyBefore.contains(a)) {
                missing.add(symbols.slot(ProtocolVariables.MRD_AT + a));
            }
        }
        boolean allocationExists = protocol.pathway().nodes().values().stream().anyMatch(n -> n instanceof Node.Allocation);
        if (allocationExists && !certainlyBefore.contains(PathwayGraph.ALLOCATED)) {
            missing.add(symbols.slot(ProtocolVariables.ARM));
        }
        return missing;
    }

    private void decisionCoverage(Node.Decision d, JsonPointer here, Set<Integer> missing) {
        List<Coverage.Rule> rules = new ArrayList<>();
        boolean unconditional = false;
        for (int i = 0; i < d.routes().size(); i++) {
            Route r = d.routes().get(i);
            if (r == null) {
                return;
            }
            JsonPointer routeAt = here.appendProperty("routes").appendIndex(i);
            if (unconditional) {
                sink.warning(routeAt, "this route is never taken: an earlier route without a condition takes every patient");
            }
            Check check = r.when() == null ? Check.ALWAYS : compile(r.when(), at(routeAt, "when"));
            if (check == null) {
                return;
            }
            boolean certain = r.probability() == null || r.probability() >= 1;
            unconditional |= r.when() == null && certain;
            rules.add(new Coverage.Rule(check, certain));
        }
        coverage(rules, missing, at(here, "routes"), "no route is certain to take a patient with ",
                "; add a route for such patients, or a last route without 'when' or 'probability'", true);
    }

    // ---------------------------------------------------------------- outcomes, follow-up, endpoints

    private void outcomes() {
        Outcomes o = protocol.outcomes();
        if (o == null) {
            return;
        }
        JsonPointer base = at(JsonPointer.empty(), "outcomes");
        o.curves().forEach((id, curve) -> {
            if (curve != null) {
                curve(curve, at(base, "curves", id));
            }
        });
        if (o.relapse().isEmpty()) {
            sink.error(at(base, "relapse"), "there are no relapse rules; add at least one (a last rule without 'when' covers everyone)");
        }
        eventRules(o.relapse(), at(base, "relapse"), "relapse", true);
        eventRules(o.deathInRemission(), at(base, "deathInRemission"), "death in remission", false);
        eventRules(o.deathAfterEvent(), at(base, "deathAfterEvent"), "death after relapse or failure", true);
        if (o.deathAfterEvent().isEmpty()) {
            sink.warning(at(base), "there are no deathAfterEvent rules, so no patient ever dies after relapse or treatment failure"
                    + " and overall survival will be too high");
        }
    }

    private void eventRules(List<EventRule> rules, JsonPointer base, String what, boolean warnIfNotCovering) {
        List<Coverage.Rule> coverageRules = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            EventRule rule = rules.get(i);
            if (rule == null) {
                return;
            }
            JsonPointer here = base.appendIndex(i);
            reference(rule.curve(), protocol.outcomes().curves().keySet(), at(here, "curve"), "hazard curve");
            Check check = rule.when() == null ? Check.ALWAYS : compile(rule.when(), at(here, "when"));
            if (check == null) {
                return;
            }
            coverageRules.add(new Coverage.Rule(check, true));
        }
        if (warnIfNotCovering && !coverageRules.isEmpty()) {
            coverage(coverageRules, Set.of(), base, "no " + what + " rule applies to a patient with ",
                    ", so such patients have no risk of it; add a last rule without 'when' if that is not intended", false);
        }
    }

    private void curve(HazardCurve curve, JsonPointer here) {
        if (curve instanceof HazardCurve.Piecewise p) {
            if (p.fromDays().size() != p.ratesPerYear().size()) {
                sink.error(here, "fromDays has " + p.fromDays().size() + " entries but ratesPerYear has " + p.ratesPerYear().size()
                        + "; each piece needs a start and a rate");
            }
            if (!p.fromDays().isEmpty() && p.fromDays().get(0) != null && p.fromDays().get(0) != 0) {
                sink.error(at(here, "fromDays"), "the first piece must start at day 0, not " + Values.fmt(p.fromDays().get(0)));
            }
            values.increasing(p.fromDays(), at(here, "fromDays"), "the start days");
        } else if (curve instanceof HazardCurve.Survival s) {
            if (s.atDays().size() != s.survival().size()) {
                sink.error(here, "atDays has " + s.atDays().size() + " entries but survival has " + s.survival().size()
                        + "; each landmark needs a survival");
            }
            if (s.atDays().isEmpty()) {
                sink.error(at(here, "atDays"), "give at least one landmark");
            }
            if (values.increasing(s.atDays(), at(here, "atDays"), "the landmark days")) {
                survivalSteps(s, here);
            }
        }
    }

    /**
     * Survival that does not rise, and falls no faster than the highest hazard: the constant hazard
     * between two landmarks is ln(S before / S after) per the time between them.
     */
    private void survivalSteps(HazardCurve.Survival s, JsonPointer here) {
        double previousDay = 0;
        double previous = 1;
        for (int i = 0; i < Math.min(s.atDays().size(), s.survival().size()); i++) {
            Double day = s.atDays().get(i);
            Double v = s.survival().get(i);
            if (day == null || v == null || !(day > previousDay) || !(v > 0 && v <= 1)) {
                return; // reported as a missing or out-of-range value
            }
            JsonPointer vAt = here.appendProperty("survival").appendIndex(i);
            // logs apart and the year length first, so that neither a tiny survival nor a tiny gap under- or overflows
            double ratePerYear = (Math.log(previous) - Math.log(v)) * TimeUnits.DAYS_PER_YEAR / (day - previousDay);
            if (v > previous) {
                sink.error(vAt, "survival cannot rise: " + Values.fmt(v) + " follows " + Values.fmt(previous));
                return;
            } else if (!(ratePerYear <= Range.MAX_RATE_PER_YEAR)) {
                sink.error(vAt, "survival falls from " + Values.fmt(previous) + " to " + Values.fmt(v) + " in "
                        + Values.fmt(day - previousDay) + " days, a hazard of " + Values.fmt(ratePerYear) + " a year; the highest"
                        + " is " + Values.fmt(Range.MAX_RATE_PER_YEAR) + " (" + Range.HAZARD_RATE + ")");
                return;
            }
            previousDay = day;
            previous = v;
        }
    }

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
        names(protocol.endpoints().keySet(), base, "endpoint");
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

    // ---------------------------------------------------------------- helpers

    /** Compiles a condition, reporting its problems; null if it does not compile or is absent. */
    Check compile(Condition condition, JsonPointer at) {
        if (condition == null || condition.text() == null) {
            return null;
        }
        try {
            Check check = compiler.compile(condition.text());
            checkMrdLevels(check, at);
            return check;
        } catch (ConditionSyntaxException e) {
            sink.error(at, "in the condition \"" + e.text() + "\", at character " + e.column() + ": " + e.getMessage());
            return null;
        }
    }

    private void checkMrdLevels(Check check, JsonPointer at) {
        if (check instanceof Check.NumberVsConstant c) {
            String name = symbols.variables().get(c.slot()).name();
            if (mrdSlots.contains(name) && !(c.value() >= 0 && c.value() <= 1)) {
                sink.error(at, "'" + name + "' is compared with " + Values.fmt(c.value()) + ", but MRD is a fraction from 0 to 1"
                        + " (0.01% is 1e-4; a percent sign may be written, as in 0.01%)");
            }
        } else if (check instanceof Check.AllOf c) {
            c.parts().forEach(p -> checkMrdLevels(p, at));
        } else if (check instanceof Check.AnyOf c) {
            c.parts().forEach(p -> checkMrdLevels(p, at));
        } else if (check instanceof Check.Not c) {
            checkMrdLevels(c.part(), at);
        }
    }

    private void coverage(List<Coverage.Rule> rules, Set<Integer> missing, JsonPointer at, String prefix, String suffix,
                          boolean isError) {
        Coverage.Result result = Coverage.check(rules, symbols, missing, coverageBudget);
        Problem.Severity severity = isError ? Problem.Severity.ERROR : Problem.Severity.WARNING;
        if (result instanceof Coverage.Result.Gap gap) {
            sink.report(severity, at, prefix + gap.example() + suffix);
        } else if (result instanceof Coverage.Result.TooMany tooMany) {
            // not knowing is reported as a gap would be: a patient without a rule would stop a run
            sink.report(severity, at, String.format(Locale.ROOT, "coverage could not be checked: the conditions combine too many"
                    + " values (%,d combinations) to check that every patient is covered; end with a rule without 'when',"
                    + " which covers every patient left", tooMany.combinations()));
        } else if (result instanceof Coverage.Result.OutOfBudget) {
            uncovered.add(at);
            uncoveredIsError |= isError;
        }
    }

    /** One problem for every rule list left unchecked when the coverage budget ran out, at the first of them. */
    private void reportUncovered() {
        if (uncovered.isEmpty()) {
            return;
        }
        List<String> later = uncovered.subList(1, uncovered.size()).stream().map(ProtocolValidator::shown).toList();
        String others = later.isEmpty() ? ""
                : String.format(Locale.ROOT, "; %,d later rule lists were not checked either (%s%s)", later.size(),
                String.join(", ", later.subList(0, Math.min(5, later.size()))), later.size() > 5 ? ", ..." : "");
        sink.report(uncoveredIsError ? Problem.Severity.ERROR : Problem.Severity.WARNING, uncovered.get(0), String.format(Locale.ROOT,
                "coverage could not be fully checked: the %,d rule tests that one validation may spend checking that every"
                        + " patient has a rule ran out here%s. End such lists with a rule without 'when', which covers every"
                        + " patient left and needs no checking", Coverage.BUDGET, others));
    }

    /** A pointer as a dotted path, for naming places in a message. */
    private static String shown(JsonPointer at) {
        return at.toString().substring(1).replace('/', '.');
    }

    /** Reports a reference to something that does not exist; true if it exists. */
    private boolean reference(String id, Set<String> known, JsonPointer at, String what) {
        if (id == null) {
            return false;
        }
        if (known.contains(id)) {
            return true;
        }
        // a suggestion compares the id with every known one: after the first many, not worth the time
        String hint = suggestionsLeft-- > 0 ? Spelling.hint(id, known) : "";
        sink.error(at, "there is no " + what + " '" + id + "'" + hint
                + (known.isEmpty() ? "" : known.size() <= 12 ? "; the " + what + "s are " + String.join(", ", known) : ""));
        return false;
    }

    private void names(Set<String> ids, JsonPointer base, String what) {
        for (String id : ids) {
            if (!id.matches(NAME)) {
                sink.error(at(base, id), "the " + what + " id '" + id + "' must be letters, digits, '-' or '_', starting with a letter");
            }
        }
    }

    static JsonPointer at(JsonPointer base, String... properties) {
        JsonPointer p = base;
        for (String property : properties) {
            p = p.appendProperty(property);
        }
        return p;
    }
}
