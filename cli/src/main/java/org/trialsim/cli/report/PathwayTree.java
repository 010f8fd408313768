package org.trialsim.cli.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trialsim.protocol.MrdResponse;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Route;
import org.trialsim.protocol.Stratum;
import org.trialsim.protocol.Toxicity;

/**
 * The pathway section of {@code show}: the pathway as an indented tree of blocks, decisions,
 * allocations and ends from its start, then the MRD assessments. A node reached a second time is
 * named, not drawn again.
 */
final class PathwayTree {
    private static final int WIDTH = 100;

    private final Protocol p;
    private final Page page;

    PathwayTree(Protocol protocol, Page page) {
        this.p = protocol;
        this.page = page;
    }

    void write() {
        page.line("");
        page.line("Pathway");
        tree(p.pathway().start(), "  ");
        if (!p.assessments().isEmpty()) {
            page.line("  MRD assessments:");
            p.assessments().forEach((id, a) -> page.line("    " + id + (a.label() == null ? "" : " (" + a.label() + ")")
                    + (a.method() == null ? "" : ", " + a.method()) + ", negative below " + Numbers.parameter(a.detectionLimit())
                    + (a.thresholds().isEmpty() ? "" : ", reported at " + a.thresholds().stream().map(Numbers::parameter)
                    .collect(Collectors.joining(", ")))
                    + (a.drift() == null ? "" : ", drifting " + Numbers.parameter(a.drift().log10PerYear())
                    + " logs a year of enrolment")));
        }
    }

    /** A node still to be drawn, at its indent. */
    private record Walk(String id, String indent) {
    }

    /**
     * Draws the pathway from a node as an indented tree, depth first. The walk keeps its own stack of
     * lines and nodes still to draw rather than recursing: a pathway may nest thousands of decisions.
     */
    private void tree(String start, String indent) {
        Set<String> shown = new HashSet<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(new Walk(start, indent));
        while (!todo.isEmpty()) {
            Object next = todo.pop();
            if (next instanceof String text) {
                page.line(text);
            } else if (next instanceof Walk walk && walk.id() != null) {
                List<Object> steps = new ArrayList<>();
                node(walk.id(), walk.indent(), shown, steps);
                for (int i = steps.size() - 1; i >= 0; i--) {
                    todo.push(steps.get(i));
                }
            }
        }
    }

    /**
     * The lines of one node, and the nodes to draw after them (as {@link Walk}s): a block's successor at
     * the same indent, a decision's routes and an allocation's arms indented.
     */
    private void node(String id, String indent, Set<String> shown, List<Object> steps) {
        Node node = p.pathway().nodes().get(id);
        if (!shown.add(id)) {
            steps.add(indent + "→ " + id + " (shown above)");
            return;
        }
        if (node instanceof Node.Block b) {
            steps.addAll(Layout.wrapParts(indent + id + ": ", block(b), " · ", indent + "    ", WIDTH));
            if (b.substitute() != null && p.pathway().nodes().get(b.substitute()) instanceof Node.Block sub) {
                if (shown.add(b.substitute())) {
                    String inner = indent + "  ";
                    steps.addAll(Layout.wrapParts(inner + "(not eligible: " + b.substitute() + " instead) ", block(sub), " · ",
                            inner + "    ", WIDTH));
                    if (sub.next() != null && !sub.next().equals(b.next())) {
                        steps.add(new Walk(sub.next(), indent + "    "));
                    }
                } else {
                    steps.add(indent + "  (not eligible: " + b.substitute() + " instead, shown above)");
                }
            }
            steps.add(new Walk(b.next(), indent));
        } else if (node instanceof Node.Decision d) {
            steps.add(indent + id + ": decision" + (d.label() == null ? "" : " — " + d.label()));
            List<Route> routes = d.routes();
            for (int i = 0; i < routes.size(); i++) {
                Route r = routes.get(i);
                boolean last = i == routes.size() - 1;
                steps.add(indent + (last ? "└─ " : "├─ ") + route(r));
                steps.add(new Walk(r.to(), indent + (last ? "     " : "│    ")));
            }
        } else if (node instanceof Node.Allocation a) {
            steps.add(indent + id + ": allocation" + (a.label() == null ? "" : " — " + a.label()));
            for (Map.Entry<String, Stratum> e : a.strata().entrySet()) {
                Stratum s = e.getValue();
                steps.add(indent + "  stratum " + e.getKey() + (s.when() == null ? "" : " (" + s.when() + ")") + ": "
                        + s.ratio().entrySet().stream().map(x -> x.getKey() + " " + x.getValue())
                        .collect(Collectors.joining(" : ")));
            }
            List<Map.Entry<String, String>> arms = new ArrayList<>(a.to().entrySet());
            for (int i = 0; i < arms.size(); i++) {
                boolean last = i == arms.size() - 1;
                steps.add(indent + (last ? "└─ " : "├─ ") + "arm " + arms.get(i).getKey() + " → " + arms.get(i).getValue());
                steps.add(new Walk(arms.get(i).getValue(), indent + (last ? "     " : "│    ")));
            }
        } else if (node instanceof Node.End e) {
            steps.add(indent + id + ": end, " + e.status().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (e.label() == null ? "" : " — " + e.label()));
        }
    }

    private static String route(Route r) {
        StringBuilder s = new StringBuilder();
        if (r.label() != null) {
            s.append('[').append(r.label()).append("] ");
        }
        if (r.when() != null) {
            s.append("if ").append(r.when());
        }
        if (r.probability() != null) {
            s.append(r.when() == null ? "with probability " : ", with probability ").append(Numbers.parameterPercent(r.probability()));
        } else if (r.when() == null) {
            s.append("otherwise");
        }
        if (r.setRisk() != null) {
            s.append(": risk → ").append(r.setRisk());
        }
        return s.append(" → ").append(r.to()).toString();
    }

    /** What a block does, in parts that the tree joins with " · " and wraps. */
    private static List<String> block(Node.Block b) {
        List<String> parts = new ArrayList<>();
        if (b.label() != null) {
            parts.add(b.label());
        }
        parts.add(b.kind().name().toLowerCase(Locale.ROOT) + ", " + Numbers.parameter(b.durationDays()) + " days");
        if (b.dose() != null) {
            parts.add((b.dose().agent() == null ? "" : b.dose().agent() + " ")
                    + (b.dose().amount() == null ? "" : Numbers.parameter(b.dose().amount()) + " ")
                    + (b.dose().unit() == null ? "" : b.dose().unit()));
        }
        if (!b.requires().isEmpty()) {
            parts.add("requires " + String.join(", ", b.requires()));
        }
        MrdResponse m = b.mrdResponse();
        if (m != null) {
            parts.add("MRD " + Numbers.signedParameter(m.log10Shift()) + " logs (sd " + Numbers.parameter(m.log10Sd()) + ")"
                    + (m.resistant() == null ? "" : ", resistant " + Numbers.parameterPercent(m.resistant().probability())));
        }
        if (!b.assessments().isEmpty()) {
            parts.add("assessed: " + String.join(", ", b.assessments()));
        }
        if (b.deathProbability() != null) {
            parts.add("death " + Numbers.parameterPercent(b.deathProbability()));
        }
        for (Map.Entry<String, Toxicity> t : b.toxicities().entrySet()) {
            parts.add((t.getValue().label() == null ? t.getKey() : t.getValue().label()) + " "
                    + Numbers.parameterPercent(t.getValue().probability()));
        }
        if (b.cost() != null) {
            parts.add("cost " + Numbers.parameter(b.cost()));
        }
        return parts;
    }
}
