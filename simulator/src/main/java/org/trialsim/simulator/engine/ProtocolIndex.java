package org.trialsim.simulator.engine;

import java.util.List;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.Node;

/**
 * Read access to a compiled protocol's indices, for code outside the engine that accumulates
 * {@link PatientOutcome}s (cohort statistics, trial records): how many nodes, criteria, assessments
 * there are, their ids, and the slots of their values in the state vector.
 */
public final class ProtocolIndex {
    private final CompiledProtocol p;

    /** The index of a compiled protocol: made once, by the protocol ({@link CompiledProtocol#index()}). */
    ProtocolIndex(CompiledProtocol protocol) {
        this.p = protocol;
    }

    public int criteria() {
        return p.criterionIds.length;
    }

    public String criterionId(int i) {
        return p.criterionIds[i];
    }

    /** Whether criterion i applies to one treatment only. */
    public boolean criterionIsTreatmentOnly(int i) {
        return p.criterionTreatmentSlot[i] >= 0;
    }

    public int treatments() {
        return p.treatments.length;
    }

    public String treatment(int i) {
        return p.treatments[i];
    }

    public List<String> riskGroups() {
        return List.of(p.riskGroups);
    }

    public List<String> arms() {
        return List.of(p.arms);
    }

    public int nodes() {
        return p.nodeIds.length;
    }

    public String nodeId(int i) {
        return p.nodeIds[i];
    }

    /** The node's type as written in protocol files: block, decision, allocation or end. */
    public String nodeType(int i) {
        CompiledNode n = p.nodes[i];
        return n instanceof CompiledNode.Block ? "block" : n instanceof CompiledNode.Decision ? "decision"
                : n instanceof CompiledNode.Allocation ? "allocation" : "end";
    }

    /** For a block, its number of toxicities; otherwise 0. */
    public int toxicities(int node) {
        return p.nodes[node] instanceof CompiledNode.Block b ? b.toxicityIds().length : 0;
    }

    public String toxicityId(int node, int k) {
        return ((CompiledNode.Block) p.nodes[node]).toxicityIds()[k];
    }

    /** For a decision, its routes; for an allocation, the protocol's arms; otherwise 0. */
    public int branches(int node) {
        CompiledNode n = p.nodes[node];
        if (n instanceof CompiledNode.Decision d) {
            return d.checks().length;
        }
        return n instanceof CompiledNode.Allocation ? p.arms.length : 0;
    }

    /** The label of a decision's route. */
    public String routeLabel(int node, int route) {
        return ((CompiledNode.Decision) p.nodes[node]).labels()[route];
    }

    /** Where a decision's route or an allocation's arm leads. */
    public String branchTarget(int node, int branch) {
        CompiledNode n = p.nodes[node];
        if (n instanceof CompiledNode.Decision d) {
            return p.nodeIds[d.to()[branch]];
        }
        int to = ((CompiledNode.Allocation) n).to()[branch];
        return to < 0 ? null : p.nodeIds[to];
    }

    /** The status of an end node. */
    public Node.EndStatus endStatus(int node) {
        return ((CompiledNode.End) p.nodes[node]).status();
    }

    public int assessments() {
        return p.assessmentIds.length;
    }

    public String assessmentId(int i) {
        return p.assessmentIds[i];
    }

    public int assessmentSlot(int i) {
        return p.assessmentSlots[i];
    }

    public double detectionLimit(int i) {
        return p.assessmentDetectionLimits[i];
    }

    public double[] thresholds(int i) {
        return p.assessmentThresholds[i].clone();
    }

    public double remissionBelow() {
        return p.remissionBelow;
    }

    public int endpoints() {
        return p.endpoints.length;
    }

    public String endpointId(int i) {
        return p.endpointIds[i];
    }

    public Endpoint endpoint(int i) {
        return p.endpoints[i];
    }

    public double horizonDays() {
        return p.horizonDays;
    }

    /** The covariate names, in order. */
    public List<String> covariates() {
        return List.of(p.covariateNames);
    }

    public int covariateSlot(int i) {
        return p.covariateSlots[i];
    }

    /** A covariate's value as text: a category's level, true/false, or the number. */
    public String covariateText(int i, double value) {
        if (value != value) {
            return "";
        }
        var type = p.symbols.variable(p.covariateNames[i]).type();
        if (type instanceof org.trialsim.protocol.condition.VariableType.Category c) {
            return c.levels().get((int) value);
        }
        if (type instanceof org.trialsim.protocol.condition.VariableType.Flag) {
            return value == 1 ? "true" : "false";
        }
        return Double.toString(value);
    }

    /** The slot of the risk group. */
    public int riskSlot() {
        return p.riskSlot;
    }
}
