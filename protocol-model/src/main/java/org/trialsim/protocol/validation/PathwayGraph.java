package org.trialsim.protocol.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Pathway;
import org.trialsim.protocol.Route;

/**
 * The pathway as a graph: which nodes lead to which, which are reached from the start, whether it
 * loops, and which MRD assessments are certainly made (and whether the patient is certainly allocated)
 * before each node, so that rules reading {@code mrd.<assessment>} or {@code arm} know whether the
 * value may be missing there.
 */
final class PathwayGraph {
    private final Pathway pathway;
    private final Map<String, List<String>> successors = new LinkedHashMap<>();

    PathwayGraph(Pathway pathway) {
        this.pathway = pathway;
        pathway.nodes().forEach((id, node) -> successors.put(id, successorsOf(node)));
    }

    /** The nodes a node leads to, references to missing nodes included (they are reported elsewhere). */
    static List<String> successorsOf(Node node) {
        List<String> next = new ArrayList<>();
        if (node instanceof Node.Block b) {
            add(next, b.next());
            add(next, b.substitute());
        } else if (node instanceof Node.Decision d) {
            for (Route r : d.routes()) {
                if (r != null) {
                    add(next, r.to());
                }
            }
        } else if (node instanceof Node.Allocation a) {
            a.to().values().forEach(to -> add(next, to));
        }
        return next;
    }

    private static void add(List<String> list, String id) {
        if (id != null && !list.contains(id)) {
            list.add(id);
        }
    }

    /** Nodes reached from the start, in breadth-first order. */
    Set<String> reachable() {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        if (pathway.nodes().containsKey(pathway.start())) {
            queue.add(pathway.start());
            seen.add(pathway.start());
        }
        while (!queue.isEmpty()) {
            for (String next : successors.getOrDefault(queue.poll(), List.of())) {
                if (pathway.nodes().containsKey(next) && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    /** A loop in the graph as a list of node ids (first repeated at the end), or null if there is none. */
    List<String> findLoop() {
        Map<String, Integer> state = new HashMap<>();
        for (String id : successors.keySet()) {
            List<String> loop = dfs(id, state, new ArrayList<>());
            if (loop != null) {
                return loop;
            }
        }
        return null;
    }

    private List<String> dfs(String id, Map<String, Integer> state, List<String> stack) {
        Integer s = state.get(id);
        if (s != null && s == 2 || !successors.containsKey(id)) {
            return null;
        }
        if (s != null && s == 1) {
            List<String> loop = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
            loop.add(id);
            return loop;
        }
        state.put(id, 1);
        stack.add(id);
        for (String next : successors.get(id)) {
            List<String> loop = dfs(next, state, stack);
            if (loop != null) {
                return loop;
            }
        }
        stack.remove(stack.size() - 1);
        state.put(id, 2);
        return null;
    }

    /**
     * For each reachable node, the assessments made on every path from the start to it. A block that
     * may be skipped (it requires a treatment) counts only if its substitute makes the same
     * assessment. Also records the pseudo-assessment {@link #ALLOCATED} after an allocation node.
     * Call only on a graph without loops.
     */
    Map<String, Set<String>> certainlyBefore() {
        List<String> order = topologicalOrder();
        Map<String, Set<String>> before = new HashMap<>();
        if (order.isEmpty()) {
            return before;
        }
        before.put(pathway.start(), new HashSet<>());
        for (String id : order) {
            Set<String> in = before.get(id);
            if (in == null) {
                continue;
            }
            Node node = pathway.nodes().get(id);
            Set<String> out = new HashSet<>(in);
            if (node instanceof Node.Allocation) {
                out.add(ALLOCATED);
            }
            if (node instanceof Node.Block b) {
                out.addAll(assessmentsEvenIfSkipped(b));
            }
            for (String next : successors.get(id)) {
                if (!pathway.nodes().containsKey(next)) {
                    continue;
                }
                Set<String> nextIn = before.get(next);
                if (nextIn == null) {
                    before.put(next, new HashSet<>(out));
                } else {
                    nextIn.retainAll(out);
                }
            }
        }
        return before;
    }

    /** Marks "the patient has been through an allocation node" in {@link #certainlyBefore()}. */
    static final String ALLOCATED = "\0allocated";

    /** The block's assessments that are made even when the block may be skipped (by its substitute). */
    private List<String> assessmentsEvenIfSkipped(Node.Block b) {
        if (b.requires().isEmpty()) {
            return b.assessments();
        }
        if (b.substitute() != null && pathway.nodes().get(b.substitute()) instanceof Node.Block s) {
            return b.assessments().stream().filter(s.assessments()::contains).toList();
        }
        return List.of();
    }

    private List<String> topologicalOrder() {
        Set<String> reachable = reachable();
        Map<String, Integer> indegree = new HashMap<>();
        reachable.forEach(id -> indegree.put(id, 0));
        for (String id : reachable) {
            for (String next : successors.get(id)) {
                if (reachable.contains(next)) {
                    indegree.merge(next, 1, Integer::sum);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>();
        reachable.stream().filter(id -> indegree.get(id) == 0).forEach(ready::add);
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String next : successors.get(id)) {
                if (reachable.contains(next) && indegree.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        return order;
    }
}
