package org.trialsim.protocol.validation;

import static org.trialsim.protocol.validation.Context.at;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.MrdResponse;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Pathway;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Route;
import org.trialsim.protocol.condition.Check;
import org.trialsim.protocol.condition.ProtocolVariables;
import org.trialsim.protocol.condition.Spelling;
import org.trialsim.protocol.condition.Symbols;

/**
 * Checks the pathway: ids and references between nodes, blocks (treatments they require, substitutes,
 * assessments, MRD adjustments), allocations (strata that hold every patient, arms that each start
 * somewhere), the graph (no loop, every node reached, an end reachable), that every decision has a
 * route for every patient who can reach it (with what is certainly known there), and the totals along
 * any path.
 */
final class PathwayCheck {
    private final Context c;
    private final Protocol protocol;
    private final ProblemSink sink;
    private final Symbols symbols;

    PathwayCheck(Context context) {
        this.c = context;
        this.protocol = context.protocol;
        this.sink = context.sink;
        this.symbols = context.symbols;
    }

    void check() {
        Pathway pathway = protocol.pathway();
        if (pathway == null) {
            return;
        }
        JsonPointer base = at(JsonPointer.empty(), "pathway");
        JsonPointer nodesAt = at(base, "nodes");
        Map<String, Node> nodes = pathway.nodes();
        c.names(nodes.keySet(), nodesAt, "node");
        if (pathway.start() != null) {
            c.reference(pathway.start(), nodes.keySet(), at(base, "start"), "node");
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
                        c.reference(r.to(), nodes.keySet(), at(routeAt, "to"), "node");
                        if (r.setRisk() != null && protocol.riskGroups() != null) {
                            c.reference(r.setRisk(), protocol.riskGroups().groups().keySet(), at(routeAt, "setRisk"), "risk group");
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
            c.reference(b.next(), nodes.keySet(), at(here, "next"), "node");
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
            if (c.reference(b.substitute(), nodes.keySet(), at(here, "substitute"), "node")
                    && !(nodes.get(b.substitute()) instanceof Node.Block)) {
                sink.error(at(here, "substitute"), "the substitute '" + b.substitute() + "' is not a block");
            }
        }
        for (int i = 0; i < b.assessments().size(); i++) {
            c.reference(b.assessments().get(i), protocol.assessments().keySet(), here.appendProperty("assessments").appendIndex(i),
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
                c.compile(adjustment.when(), at(aAt, "when"));
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
            Check check = stratum.when() == null ? Check.ALWAYS : c.compile(stratum.when(), at(sAt, "when"));
            rules.add(new Coverage.Rule(check == null ? Check.ALWAYS : check, true));
            if (stratum.ratio().isEmpty()) {
                sink.error(at(sAt, "ratio"), "the stratum allocates to no arm; give arms and their weights, e.g. {A: 1, B: 1}");
            }
            stratum.ratio().forEach((arm, weight) -> {
                if (c.reference(arm, protocol.arms().keySet(), at(sAt, "ratio", arm), "arm")) {
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
            c.reference(arm, protocol.arms().keySet(), at(here, "to", arm), "arm");
            c.reference(to, nodes.keySet(), at(here, "to", arm), "node");
        });
        if (!rules.isEmpty()) {
            c.coverage(rules, Set.of(), at(here, "strata"), "no stratum holds a patient with ",
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
            Check check = r.when() == null ? Check.ALWAYS : c.compile(r.when(), at(routeAt, "when"));
            if (check == null) {
                return;
            }
            boolean certain = r.probability() == null || r.probability() >= 1;
            unconditional |= r.when() == null && certain;
            rules.add(new Coverage.Rule(check, certain));
        }
        c.coverage(rules, missing, at(here, "routes"), "no route is certain to take a patient with ",
                "; add a route for such patients, or a last route without 'when' or 'probability'", true);
    }
}
