package org.trialsim.simulator.engine;

import org.trialsim.protocol.Node;
import org.trialsim.protocol.condition.Check;

/** A pathway node compiled for simulation; indices refer to {@link CompiledProtocol}'s arrays. */
sealed interface CompiledNode {

    /** The node's index. */
    int index();

    /** How MRD changes over a block (see {@link org.trialsim.protocol.MrdResponse}). */
    record MrdModel(double shift, double sd, double carryOver, double resistantProbability, double resistantShift,
                    double resistantSd, double resistantCarryOver, Check[] adjustmentChecks, double[] adjustmentShifts) {

        /** The sum of the shifts of the adjustments the patient meets. */
        double adjustment(double[] state) {
            double sum = 0;
            for (int i = 0; i < adjustmentChecks.length; i++) {
                if (Check.holds(adjustmentChecks[i], state)) {
                    sum += adjustmentShifts[i];
                }
            }
            return sum;
        }
    }

    record Block(int index, long purpose, double durationDays, Node.BlockKind kind, int[] requiresSlots, int substitute,
                 MrdModel mrd, String[] toxicityIds, double[] toxicityProbabilities, double deathProbability, double cost,
                 int[] assessments, int receivedSlot, int duringSlot, int next) implements CompiledNode {
    }

    record Decision(int index, long purpose, Check[] checks, double[] probabilities, int[] setRisk, int[] to,
                    String[] labels) implements CompiledNode {
    }

    record Allocation(int index, long purpose, String[] strataIds, Check[] strataChecks, int[][] strataArms,
                      int[][] weights, int[] to) implements CompiledNode {
    }

    record End(int index, Node.EndStatus status) implements CompiledNode {
    }
}
