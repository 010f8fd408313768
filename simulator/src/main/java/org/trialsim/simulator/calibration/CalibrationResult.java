package org.trialsim.simulator.calibration;

import java.util.List;
import org.trialsim.simulator.run.Provenance;

/**
 * A protocol's targets against a simulated cohort, in the protocol's order.
 *
 * @param provenance where the cohort comes from (patients per arm, seed)
 * @param targets    each target with its simulated value and verdict
 */
public record CalibrationResult(Provenance provenance, List<TargetResult> targets) {

    public CalibrationResult {
        targets = List.copyOf(targets);
    }

    /** The number of targets missed. */
    public long missed() {
        return targets.stream().filter(t -> !t.met()).count();
    }
}
