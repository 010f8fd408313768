package org.example.trialsim;

import org.apache.commons.rng.UniformRandomProvider;
import org.trialsim.protocol.Design;
import org.trialsim.simulator.trial.allocation.AllocationMethod;
import org.trialsim.simulator.trial.allocation.Allocator;

/**
 * Efron's biased coin (B. Efron, "Forcing a sequential experiment to be balanced", Biometrika
 * 1971;58:403-417): two arms, 1:1. While the arms have as many patients each, a fair coin; otherwise the
 * arm that is behind with probability p (Efron's 2/3). Unlike permuted blocks, no assignment is ever
 * certain; unlike simple randomization, the imbalance stays small however long the trial: with p = 2/3,
 * after an even number of patients (beyond the first few dozen) the arms are equal in about half of the
 * trials, and |A - B| is at least 2k with probability about (1/4)^(k-1) / 2, whatever the number.
 *
 * <p>A protocol names it {@code design.randomization: {method: biased-coin, p: 0.75}}; without p it
 * uses 2/3. It takes no block sizes and balances no factors.
 *
 * @param p the probability of giving the arm that is behind, from 1/2 (simple randomization) to 1
 *          (the arm behind always: alternation after the first patient of a pair)
 */
public record BiasedCoin(double p) implements AllocationMethod {
    /** Efron's choice. */
    public static final double EFRON_P = 2.0 / 3;

    /** Checks p. */
    public BiasedCoin {
        if (!(p >= 0.5 && p <= 1)) {
            throw new IllegalArgumentException("p, the probability of giving the arm that is behind, must be from 0.5 to 1, not " + p);
        }
    }

    /** The coin of a protocol's {@code design.randomization}: what the extension binds under "biased-coin". */
    public static BiasedCoin of(Design.Randomization settings) {
        if (!settings.blockSizes().isEmpty() || !settings.factors().isEmpty() || settings.imbalance() != null) {
            throw new IllegalArgumentException("the biased coin takes only 'p' (2/3 if absent), not blockSizes, factors or"
                    + " imbalance");
        }
        return new BiasedCoin(settings.p() == null ? EFRON_P : settings.p());
    }

    @Override
    public Allocator allocator(int[] weights, int[] factorLevels, UniformRandomProvider rng) {
        if (weights.length != 2 || weights[0] != weights[1]) {
            throw new IllegalArgumentException("the biased coin randomizes two arms 1:1, and this stratum has "
                    + weights.length + " arms with weights " + java.util.Arrays.toString(weights));
        }
        return new Coin(this, weights, factorLevels, rng);
    }

    @Override
    public String toString() {
        return "biased-coin:" + p;
    }

    /** One uniform per patient; the counts it looks at are the allocator's own. */
    private static final class Coin extends Allocator {
        private final double p;

        Coin(BiasedCoin method, int[] weights, int[] factorLevels, UniformRandomProvider rng) {
            super(method, weights, factorLevels, rng);
            this.p = method.p();
        }

        @Override
        protected int choose(int[] patientLevels) {
            int lead = count(0) - count(1);
            double u = rng().nextDouble();
            if (lead == 0) {
                return u < 0.5 ? 0 : 1;
            }
            int behind = lead > 0 ? 1 : 0;
            return u < p ? behind : 1 - behind;
        }

        @Override
        protected void clear() {
            // no state besides the counts, which Allocator clears
        }
    }
}
