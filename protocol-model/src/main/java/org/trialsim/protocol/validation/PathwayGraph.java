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

    /**
     * A loop in the graph as a list of node ids (first repeated at the end), or null if there is none.
     * A depth-first search with its own stack, not the thread's: a pathway may be a chain of thousands of
     * nodes, and a recursive walk overflowed the stack on one of 5,000.
     */
    List<String> findLoop() {
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (String root : successors.keySet()) {
            if (done.contains(root)) {
                continue;
            }
            // the current path from the root, with the index of the next successor to try at each node
            List<String> path = new ArrayList<>();
            List<Integer> nextChild = new ArrayList<>();
            path.add(root);
            nextChild.add(0);
            onPath.add(root);
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                String id = path.get(top);
                List<String> next = successors.get(id);
                int i = nextChild.get(top);
                if (i == next.size()) {
                    path.remove(top);
                    nextChild.remove(top);
                    onPath.remove(id);
                    done.add(id);
                    continue;
                }
                nextChild.set(top, i + 1);
                String child = next.get(i);
                if (onPath.contains(child)) {
                    List<String> loop = new ArrayList<>(path.subList(path.indexOf(child), path.size()));
                    loop.add(child);
                    return loop;
                }
                if (successors.containsKey(child) && !done.contains(child)) {
                    path.add(child);
                    nextChild.add(0);
                    onPath.add(child);
                }
            }
        }
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
