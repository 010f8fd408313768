package org.trialsim.simulator.design;

import java.util.List;
import org.trialsim.protocol.Design;
import org.trialsim.simulator.design.escalation.EscalationDesign;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.design.simon.OperatingCharacteristics;
import org.trialsim.simulator.design.simon.SimonDesign;
import org.trialsim.simulator.design.simon.SimonSearchResult;

/**
 * Both parts of a phase I/II design, as {@link EarlyPhaseAnalysis} computed them.
 *
 * @param escalation the phase I part; null if the design has none
 * @param twoStage   the phase II part; null if the design has none
 */
public record EarlyPhaseResult(EscalationPart escalation, TwoStagePart twoStage) {

    /**
     * The simulated phase I dose escalation.
     *
     * @param planned the design the protocol uses; the result's first design, compared with the other
     * @param levels  the protocol's dose levels
     * @param result  both designs on the same patients: the planned one first
     */
    public record EscalationPart(EscalationDesign planned, List<Design.DoseLevel> levels, EscalationResult result) {
        /** Makes an immutable copy. */
        public EscalationPart {
            levels = List.copyOf(levels);
        }
    }

    /**
     * The exact phase II two-stage part.
     *
     * @param parameters the protocol's two-stage parameters
     * @param design     the protocol's own design, when it fixes n1, r1, n and r; otherwise null
     * @param atP0AndP1  that design's operating characteristics at p0 then p1; empty without it
     * @param search     the optimal, minimax and admissible designs, when the protocol gives alpha and
     *                   beta; otherwise null
     */
    public record TwoStagePart(Design.TwoStage parameters, SimonDesign design, List<OperatingCharacteristics> atP0AndP1,
                               SimonSearchResult search) {
        /** Makes an immutable copy. */
        public TwoStagePart {
            atP0AndP1 = List.copyOf(atP0AndP1);
        }
    }
}
