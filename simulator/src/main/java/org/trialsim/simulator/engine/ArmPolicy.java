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
     * @param rng        this patient's draws for this node
     * @return an arm index, or {@link #NOT_OFFERED}
     */
    int choose(int allocation, int stratum, int[] arms, int[] weights, double[] state, UniformRandomProvider rng);

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
        return (allocation, stratum, arms, weights, state, rng) -> {
            for (int a : arms) {
                if (a == arm) {
                    return arm;
                }
            }
            return NOT_OFFERED;
        };
    }
}
