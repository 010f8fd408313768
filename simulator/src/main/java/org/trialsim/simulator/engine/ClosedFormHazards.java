package org.trialsim.simulator.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.condition.Check;

/**
 * When a compiled protocol makes an endpoint's hazard known in closed form: a fixed multiple of one
 * curve from enrolment, for every enrolled patient given an arm. Known means
 * <ul>
 *   <li>the pathway has no block or decision: patients are allocated at enrolment and followed to the
 *       horizon, and none reaches a failure end;</li>
 *   <li>MRD at enrolment is a constant below the remission level, so every patient is in remission and
 *       the hazards of events in remission apply from day 0;</li>
 *   <li>the relapse and death-in-remission rules are chosen by the arm alone (their conditions read no
 *       other variable) and cure nobody; an arm's hazard ratios multiply them;</li>
 *   <li>every process with a hazard is one the endpoint counts, so no competing event censors it and no
 *       death after relapse changes it;</li>
 *   <li>those processes share one curve, so their hazards add up to a multiple of it.</li>
 * </ul>
 * Then a survival comparison's Cox estimate targets exactly the log of the ratio of the two arms'
 * multiples. Used once per run; not on the hot path.
 */
final class ClosedFormHazards {
    private final CompiledProtocol p;

    ClosedFormHazards(CompiledProtocol protocol) {
        this.p = protocol;
    }

    Optional<ScaledHazard> of(int arm, EndpointTime endpoint) {
        for (CompiledNode node : p.nodes) {
            boolean followed = node instanceof CompiledNode.Allocation
                    || node instanceof CompiledNode.End end && end.status() != Node.EndStatus.FAILURE;
            if (!followed) {
                return Optional.empty();
            }
        }
        if (!(p.initialMrd instanceof ValueSampler.Constant c && c.value() < p.remissionBelow)) {
            return Optional.empty();
        }
        if (!readsOnlyTheArm(p.relapseRules) || !readsOnlyTheArm(p.deathInRemissionRules)) {
            return Optional.empty();
        }
        Optional<CompiledProtocol.Rule> relapse = ruleOfArm(p.relapseRules, arm);
        Optional<CompiledProtocol.Rule> death = ruleOfArm(p.deathInRemissionRules, arm);
        List<CompiledProtocol.Rule> counted = new ArrayList<>();
        double multiple = 0;
        for (var process : List.of(Map.entry(Endpoint.EventKind.RELAPSE, relapse), Map.entry(Endpoint.EventKind.DEATH, death))) {
            CompiledProtocol.Rule r = process.getValue().orElse(null);
            if (r == null || r.hazardRatio() == 0 || r.hazard().isZero()) {
                continue;
            }
            if (!endpoint.events().contains(process.getKey()) || r.curedFraction() > 0) {
                return Optional.empty();
            }
            counted.add(r);
            double[] armRatios = process.getKey() == Endpoint.EventKind.RELAPSE ? p.relapseArmRatios : p.deathInRemissionArmRatios;
            multiple += r.hazardRatio() * armRatios[arm];
        }
        if (counted.isEmpty() || counted.stream().anyMatch(r -> !r.hazard().equals(counted.get(0).hazard()))) {
            return Optional.empty();
        }
        return Optional.of(new ScaledHazard(counted.get(0).hazard(), multiple));
    }

    /** Whether the rules' conditions read the arm and nothing else. */
    private boolean readsOnlyTheArm(CompiledProtocol.Rule[] rules) {
        boolean[] read = new boolean[p.slots];
        for (CompiledProtocol.Rule r : rules) {
            CompiledProtocol.markSlotsRead(r.when(), read);
        }
        for (int slot = 0; slot < p.slots; slot++) {
            if (read[slot] && slot != p.armSlot) {
                return false;
            }
        }
        return true;
    }

    /** The first rule whose condition holds for a patient given the arm (the conditions read nothing else), if any. */
    private Optional<CompiledProtocol.Rule> ruleOfArm(CompiledProtocol.Rule[] rules, int arm) {
        double[] state = new double[p.slots];
        Arrays.fill(state, Double.NaN);
        state[p.armSlot] = arm;
        for (CompiledProtocol.Rule r : rules) {
            if (Check.holds(r.when(), state)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
