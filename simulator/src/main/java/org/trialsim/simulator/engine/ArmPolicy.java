package org.trialsim.simulator.engine;

import org.apache.commons.rng.UniformRandomProvider;

/** Chooses the arm of a patient who reaches an allocation node. */
public interface ArmPolicy {
    /** Returned when the patient cannot be given the wanted arm and leaves the simulation. */
    int NOT_OFFERED = -1;

    /**
     * The arm (an index into the protocol's arms) for a patient of the given stratum.
     *
     * @param allocation the allocation node's index
     * @param stratum    the index of the patient's stratum within the node
     * @param arms       the arms the stratum allocates to
     * @param weights    their allocation weights
     * @param state      the patient's variables (covariates, risk group, MRD …) at allocation; read only
     * @param rng        this patient's draws for this node; null for a policy that does not {@link #readsPatientDraws}
     * @return an arm index, or {@link #NOT_OFFERED}
     */
    int choose(int allocation, int stratum, int[] arms, int[] weights, double[] state, UniformRandomProvider rng);

    /**
     * Whether {@link #choose} reads the patient's draws for the node. A policy that does not (a forced arm, a
     * trial's randomization, which draws from the replicate's stream of its own) is given null, and the engines
     * leave those draws unpositioned: a patient's other draws are keyed by node, so the outcome is the same.
     */
    default boolean readsPatientDraws() {
        return true;
    }

    /**
     * The factor on the hazards of relapse and death in remission of the patient just given an arm, from
     * the allocation on: 1, unless a trial simulates a null hypothesis at a margin (the experimental arm
     * follows the control's pathway with its hazards multiplied by the margin).
     */
    default double hazardFactor() {
        return 1;
    }

    /** Allocates at random in the stratum's ratio. */
    ArmPolicy BY_RATIO = (allocation, stratum, arms, weights, state, rng) -> {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        long pick = rng.nextLong(total);
        for (int i = 0; i < arms.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return arms[i];
            }
        }
        return arms[arms.length - 1];
    };

    /** Allocates every patient whose stratum offers it to one arm; other patients leave. */
    static ArmPolicy forced(int arm) {
        return new Forced(arm, 1);
    }

    /** As {@link #forced(int)}, the hazards in remission multiplied by the factor from the allocation on. */
    static ArmPolicy forced(int arm, double hazardFactor) {
        return new Forced(arm, hazardFactor);
    }

    /** One arm for every patient whose stratum offers it, with a factor on the hazards in remission; no draw. */
    record Forced(int arm, double hazardFactor) implements ArmPolicy {
        @Override
        public int choose(int allocation, int stratum, int[] arms, int[] weights, double[] state, UniformRandomProvider rng) {
            for (int a : arms) {
                if (a == arm) {
                    return arm;
                }
            }
            return NOT_OFFERED;
        }

        @Override
        public boolean readsPatientDraws() {
            return false;
        }
    }
}
