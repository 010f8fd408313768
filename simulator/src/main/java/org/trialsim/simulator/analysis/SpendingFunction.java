package org.trialsim.simulator.analysis;

/**
 * A Lan–DeMets error spending function α(t): the one-sided type I error spent by information fraction
 * t, increasing from α(0) = 0 to α(1) = α and equal to α for t ≥ 1 (Lan &amp; DeMets 1983,
 * Biometrika 70:659).
 *
 * <p>A protocol file names its function in {@code design.analysis.spending}; the simulator's registry
 * maps each name to a {@link Factory}. The built-ins are {@link #obrienFleming} and {@link #pocock}; an
 * extension adds one with a class that implements this interface and one binding (docs/extending.md).
 */
public interface SpendingFunction {
    /** The total one-sided α, α(1). */
    double alpha();

    /**
     * The error spent by information fraction t.
     *
     * @param t information fraction (≥ 0; values above 1 spend α)
     * @return α(t)
     */
    double spent(double t);

    /** Makes the function of a protocol's one-sided α: what the registry holds under the function's name. */
    @FunctionalInterface
    interface Factory {
        /**
         * The function that spends the given α.
         *
         * @param alpha one-sided α in (0, 1)
         */
        SpendingFunction of(double alpha);
    }

    /**
     * The O'Brien–Fleming-type function α(t) = 2 − 2Φ(z<sub>1−α/2</sub>/√t), rpact's {@code "asOF"}
     * and gsDesign's {@code sfLDOF} for a one-sided α (Lan &amp; DeMets 1983). It spends almost nothing
     * early.
     *
     * @param alpha one-sided α in (0, 1)
     * @return the function
     */
    static SpendingFunction obrienFleming(double alpha) {
        return new OBrienFleming(alpha);
    }

    /**
     * The Pocock-type function α(t) = α·ln(1 + (e − 1)t), rpact's {@code "asP"} (Lan &amp; DeMets 1983).
     *
     * @param alpha one-sided α in (0, 1)
     * @return the function
     */
    static SpendingFunction pocock(double alpha) {
        return new Pocock(alpha);
    }

    /**
     * O'Brien–Fleming-type spending.
     *
     * @param alpha one-sided α
     */
    record OBrienFleming(double alpha) implements SpendingFunction {
        /** Checks α. */
        public OBrienFleming {
            checkAlpha(alpha);
        }

        @Override
        public double spent(double t) {
            checkFraction(t);
            if (t >= 1) {
                return alpha;
            }
            if (t == 0) {
                return 0;
            }
            return 2 * Normal.sf(Normal.upperQuantile(alpha / 2) / Math.sqrt(t));
        }
    }

    /**
     * Pocock-type spending.
     *
     * @param alpha one-sided α
     */
    record Pocock(double alpha) implements SpendingFunction {
        /** Checks α. */
        public Pocock {
            checkAlpha(alpha);
        }

        @Override
        public double spent(double t) {
            checkFraction(t);
            return t >= 1 ? alpha : alpha * Math.log1p((Math.E - 1) * t);
        }
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1); got " + alpha);
        }
    }

    private static void checkFraction(double t) {
        if (!(t >= 0)) {
            throw new IllegalArgumentException("information fraction must be >= 0; got " + t);
        }
    }
}
