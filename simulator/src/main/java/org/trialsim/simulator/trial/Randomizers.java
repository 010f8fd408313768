package org.trialsim.simulator.trial;

import org.trialsim.protocol.Design;

/** Makes the stratum randomizers of a design's randomization method. */
final class Randomizers {
    private Randomizers() {
    }

    static ReplicateRunner.RandomizerFactory factory(TrialSpec spec) {
        Design.Randomization.Method method = spec.randomization == null ? Design.Randomization.Method.SIMPLE : spec.randomization.method();
        return (node, stratum, arms, weights) -> {
            if (method != Design.Randomization.Method.SIMPLE) {
                throw new IllegalStateException("randomization method " + method + " is not wired yet");
            }
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int sum = total;
            return (levels, rng) -> {
                long pick = rng.nextLong(sum);
                for (int i = 0; i < weights.length; i++) {
                    pick -= weights[i];
                    if (pick < 0) {
                        return i;
                    }
                }
                return weights.length - 1;
            };
        };
    }
}
