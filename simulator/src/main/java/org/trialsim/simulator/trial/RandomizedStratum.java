package org.trialsim.simulator.trial;

import java.util.ArrayList;
import java.util.List;
import org.trialsim.protocol.Node;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.ProtocolIndex;

/**
 * An allocation stratum of the pathway that randomizes between two or more arms, with one allocator per
 * replicate: where allocation per arm and its imbalance are reported.
 *
 * @param node      the allocation node's index
 * @param stratum   the stratum's index in the node
 * @param nodeId    the node's id
 * @param stratumId the stratum's id
 * @param arms      the stratum's arms, in the order of its ratio
 */
record RandomizedStratum(int node, int stratum, String nodeId, String stratumId, List<String> arms) {

    RandomizedStratum {
        arms = List.copyOf(arms);
    }

    /**
     * The randomizing strata of a protocol whose design randomizes, in pathway order; none for a
     * single-arm design, which gives every patient its arm wherever the pathway allocates.
     */
    static List<RandomizedStratum> of(CompiledProtocol protocol, TrialDesign design) {
        if (!design.randomizes()) {
            return List.of();
        }
        ProtocolIndex index = protocol.index();
        List<RandomizedStratum> list = new ArrayList<>();
        for (int node = 0; node < index.nodes(); node++) {
            if (!(protocol.loaded().protocol().pathway().nodes().get(index.nodeId(node)) instanceof Node.Allocation allocation)) {
                continue;
            }
            List<String> ids = List.copyOf(allocation.strata().keySet());
            for (int s = 0; s < protocol.strata(node); s++) {
                int[] arms = protocol.strataArms(node, s);
                if (arms.length > 1) {
                    List<String> names = new ArrayList<>();
                    for (int a : arms) {
                        names.add(protocol.arms().get(a));
                    }
                    list.add(new RandomizedStratum(node, s, index.nodeId(node), ids.get(s), names));
                }
            }
        }
        return List.copyOf(list);
    }
}
