package org.trialsim.protocol.validation;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Pathway;
import org.trialsim.protocol.Range;

/**
 * What one patient's blocks add up to along the costliest or longest path from the start: the time
 * on therapy and the cost of a patient are such sums, and their accumulators are exact only up to
 * {@link Range#CENTURY_DAYS} and {@link Range#MAX_COST}. The graph is walked without recursion, in
 * reverse topological order; a pathway with a loop (reported elsewhere) is not checked.
 */
final class PathTotals {
    private final Map<String, Node> nodes;
    private final String start;
    /** Each node's successors that exist: a block's next and substitute, a decision's routes, an allocation's arms. */
    private final Map<String, List<String>> successors = new HashMap<>();

    private PathTotals(Pathway pathway) {
        this.nodes = pathway.nodes();
        this.start = pathway.start();
        nodes.forEach((id, node) -> {
            Set<String> next = new LinkedHashSet<>();
            if (node instanceof Node.Block b) {
                next.add(b.next());
                next.add(b.substitute());
            } else if (node instanceof Node.Decision d) {
                d.routes().forEach(r -> next.add(r == null ? null : r.to()));
            } else if (node instanceof Node.Allocation a) {
                next.addAll(a.to().values());
            }
            next.removeIf(n -> n == null || !nodes.containsKey(n));
            successors.put(id, List.copyOf(next));
        });
    }

    static void check(Pathway pathway, JsonPointer nodesAt, ProblemSink sink) {
        if (pathway.start() == null || !pathway.nodes().containsKey(pathway.start())) {
            return;
        }
        PathTotals totals = new PathTotals(pathway);
        List<String> order = totals.reverseTopologicalOrder();
        if (order == null) {
            return;
        }
        JsonPointer at = nodesAt.appendProperty(pathway.start());
        totals.check(order, Node.Block::durationDays, Range.CENTURY_DAYS, "last", " days",
                "a patient's time on therapy is kept exact only up to a hundred years", at, sink);
        totals.check(order, Node.Block::cost, Range.MAX_COST, "cost", "",
                "a patient's cost is kept exact (summed over up to 10^10 patients) only up to this", at, sink);
    }

    /**
     * The largest sum of the blocks' values along a path from the start; reported if above the limit.
     * A block's value counts when it is given; a patient not eligible for it takes its substitute or
     * skips it, so its total is the larger of its own value plus its next node's, and its substitute's.
     */
    private void check(List<String> order, Function<Node.Block, Double> value, double limit, String verb, String unit, String why,
                       JsonPointer at, ProblemSink sink) {
        Map<String, Double> best = new HashMap<>();
        Map<String, String> via = new HashMap<>();
        for (String id : order) {
            Node node = nodes.get(id);
            double own = 0;
            if (node instanceof Node.Block b) {
                Double v = value.apply(b);
                own = v == null ? 0 : v; // a missing duration is reported as missing
                if (!(own >= 0 && own <= limit)) {
                    return; // out of its own range: reported with the block
                }
            }
            double total = 0;
            String through = null;
            for (String next : successors.get(id)) {
                double t = best.get(next) + (node instanceof Node.Block b && next.equals(b.next()) ? own : 0);
                if (through == null || t > total) {
                    total = t;
                    through = next;
                }
            }
            if (through == null) {
                total = own;
            }
            best.put(id, total);
            via.put(id, through);
        }
        if (best.get(start) > limit) {
            List<String> path = new ArrayList<>();
            for (String id = start; id != null; id = via.get(id)) {
                path.add(id);
            }
            sink.error(at, "along the path " + String.join(" → ", path) + " the blocks " + verb + " " + Values.exact(best.get(start))
                    + unit + " together; at most " + Values.exact(limit) + unit + " (" + why + ")");
        }
    }

    /** Every node after its successors, the start last; null if the graph has a loop. */
    private List<String> reverseTopologicalOrder() {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> predecessors = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        successors.forEach((id, next) -> {
            pending.put(id, next.size());
            next.forEach(n -> predecessors.computeIfAbsent(n, k -> new ArrayList<>()).add(id));
            if (next.isEmpty()) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String p : predecessors.getOrDefault(id, List.of())) {
                if (pending.merge(p, -1, Integer::sum) == 0) {
                    ready.add(p);
                }
            }
        }
        return order.size() == nodes.size() ? order : null;
    }
}
