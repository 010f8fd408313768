package org.trialsim.simulator.trial.allocation;

import org.apache.commons.rng.UniformRandomProvider;

/** Simple randomization: one draw per patient, {@code nextInt(Σw)}, mapped to the arms by cumulative weight. */
final class SimpleAllocator extends Allocator {
    private final int total;

    SimpleAllocator(AllocationMethod method, int[] weights, int[] factorLevels, UniformRandomProvider rng) {
        super(method, weights, factorLevels, rng);
        int t = 0;
        for (int w : this.weights) {
            t += w;
        }
        this.total = t;
    }

    @Override
    protected int choose(int[] patientLevels) {
        return drawByWeight(rng, weights, 0, arms, total);
    }

    @Override
    protected void clear() {
        // no state of its own
    }
}
