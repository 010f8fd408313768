package org.trialsim.simulator.trial.allocation;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Gives each patient of one allocation stratum of one trial replicate an arm, in the order the patients
 * reach the allocation. Stateful and not thread-safe: one allocator per (replicate, allocation node,
 * stratum), or one per thread {@link #restart restarted} for each replicate, which allocates nothing.
 *
 * <p>Arms are indices {@code 0 … arms − 1} with positive integer weights, the allocation ratio (e.g.
 * {@code {1, 1}} or {@code {2, 1}}); the weights are reduced to lowest terms, so {@code {2, 2}} is
 * {@code {1, 1}}. A patient may carry levels of prognostic factors (risk group, sex, age band …), given
 * as an {@code int[]} with one level per factor, each from 0 to that factor's level count − 1:
 * {@link AllocationMethod.PermutedBlocks#stratified() stratified blocks} keep a block sequence per combination of
 * levels, {@link AllocationMethod.Minimization minimization} balances each factor's levels, and the
 * other methods ignore them (they are still counted for {@link #marginalImbalance()}).
 *
 * <p>All randomness comes from the {@link UniformRandomProvider} given at construction or restart, and
 * the draws made depend only on the method, the weights and the sequence of patients, so the same
 * stream always gives the same arms. A stratum with one arm makes no draw.
 *
 * <pre>{@code
 * Allocator a = Allocator.of(new AllocationMethod.PermutedBlocks(new int[] {2, 4}), new int[] {1, 1}, rng);
 * int arm = a.allocate();               // 0 or 1
 * AllocationSummary s = a.summary();    // counts per arm, final and maximum imbalance
 * }</pre>
 *
 * <p>A new method (an extension's, docs/extending.md) subclasses this with {@link #choose} and
 * {@link #clear}: this class keeps the counts, the imbalance and the factor levels, and hands the
 * subclass the stream ({@link #rng()}) to draw from.
 */
public abstract class Allocator {
    /**
     * The largest least common multiple of the reduced weights: imbalance is computed exactly in
     * integers scaled by it, so that ties between arms are recognised exactly.
     */
    public static final int MAX_WEIGHT_LCM = 1000;
    /** The most strata (combinations of factor levels) stratified blocks may have. */
    public static final int MAX_STRATA = 1 << 16;

    private static final int[] NO_LEVELS = {};

    private final AllocationMethod method;
    /** Number of arms. */
    final int arms;
    /** The weights in lowest terms. */
    final int[] weights;
    /** {@code lcm / weights[a]}: the count of arm a times this is its count divided by its weight, scaled by lcm. */
    final long[] scale;
    /** The least common multiple of the reduced weights. */
    final long lcm;
    /** The level count of each factor. */
    final int[] levels;
    /** Per factor, patients per level and arm at {@code [level * arms + arm]}. */
    final int[][] marginal;
    private final int[] counts;
    /** The stream of the current replicate. */
    UniformRandomProvider rng;
    private int patients;
    private long maxRangeScaled;

    /**
     * An allocator; its subclass is made by {@link AllocationMethod#allocator}, with the arguments
     * {@link #of} has checked.
     *
     * @param method       the method it follows (for {@link #method()} and {@link #toString()})
     * @param weights      the allocation ratio: one positive weight per arm
     * @param factorLevels the number of levels of each factor (each at least 1); may be empty
     * @param rng          the random stream of the first replicate
     * @throws IllegalArgumentException if the weights' least common multiple, in lowest terms, is above {@link #MAX_WEIGHT_LCM}
     */
    protected Allocator(AllocationMethod method, int[] weights, int[] factorLevels, UniformRandomProvider rng) {
        this.method = method;
        this.arms = weights.length;
        this.weights = reduce(weights);
        long l = 1;
        for (int w : this.weights) {
            l = l / gcd(l, w) * w;
            if (l > MAX_WEIGHT_LCM) {
                throw new IllegalArgumentException("weights " + Arrays.toString(weights) + ": the least common multiple of"
                        + " the weights in lowest terms must be at most " + MAX_WEIGHT_LCM + "; use a simpler ratio");
            }
        }
        this.lcm = l;
        this.scale = new long[arms];
        for (int a = 0; a < arms; a++) {
            scale[a] = lcm / this.weights[a];
        }
        this.levels = factorLevels.clone();
        this.marginal = new int[levels.length][];
        for (int f = 0; f < levels.length; f++) {
            marginal[f] = new int[levels[f] * arms];
        }
        this.counts = new int[arms];
        this.rng = rng;
    }

    /**
     * An allocator for patients with prognostic factors.
     *
     * @param method       how to allocate
     * @param weights      the allocation ratio: one positive weight per arm, at least one arm
     * @param factorLevels the number of levels of each factor (each at least 1); may be empty
     * @param rng          the random stream of this replicate, node and stratum
     * @throws IllegalArgumentException if an argument is null or out of range, if a block size is not a
     *                                  multiple of the weights' sum, or if minimization's p is below the
     *                                  largest arm's share of the ratio (1/arms for equal weights)
     */
    public static Allocator of(AllocationMethod method, int[] weights, int[] factorLevels, UniformRandomProvider rng) {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        checkWeights(weights);
        if (factorLevels == null) {
            throw new IllegalArgumentException("factorLevels must not be null (give an empty array for no factors)");
        }
        for (int f = 0; f < factorLevels.length; f++) {
            if (factorLevels[f] < 1) {
                throw new IllegalArgumentException("factorLevels: factor " + f + " must have at least one level, not "
                        + factorLevels[f]);
            }
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        if (weights.length == 1) {
            // one arm needs no method and no draw: every method would give it (and an extension need not think of it)
            return new SimpleAllocator(method, weights, factorLevels, rng);
        }
        return method.allocator(weights.clone(), factorLevels.clone(), rng);
    }

    /** An allocator for patients without prognostic factors; see {@link #of(AllocationMethod, int[], int[], UniformRandomProvider)}. */
    public static Allocator of(AllocationMethod method, int[] weights, UniformRandomProvider rng) {
        return of(method, weights, NO_LEVELS, rng);
    }

    /**
     * The arm of the next patient, who has no factors.
     *
     * @throws IllegalStateException if the allocator was made with factors
     */
    public final int allocate() {
        if (levels.length != 0) {
            throw new IllegalStateException("this allocator balances " + levels.length + " factors: give the patient's levels");
        }
        return allocate(NO_LEVELS);
    }

    /**
     * The arm of the next patient, and records it.
     *
     * @param patientLevels the patient's level of each factor (not kept)
     * @return the arm, from 0 to {@link #arms()} − 1
     * @throws IllegalArgumentException if the levels do not match the factors
     */
    public final int allocate(int[] patientLevels) {
        checkLevels(patientLevels);
        int arm = arms == 1 ? 0 : choose(patientLevels);
        counts[arm]++;
        patients++;
        for (int f = 0; f < levels.length; f++) {
            marginal[f][patientLevels[f] * arms + arm]++;
        }
        long range = rangeScaled(counts, 0);
        if (range > maxRangeScaled) {
            maxRangeScaled = range;
        }
        return arm;
    }

    /**
     * Forgets every patient and continues with a new stream, for the next replicate; allocates nothing.
     *
     * @param rng the random stream of the next replicate
     */
    public final void restart(UniformRandomProvider rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        this.rng = rng;
        Arrays.fill(counts, 0);
        for (int[] m : marginal) {
            Arrays.fill(m, 0);
        }
        patients = 0;
        maxRangeScaled = 0;
        clear();
    }

    /** The method. */
    public final AllocationMethod method() {
        return method;
    }

    /** The number of arms. */
    public final int arms() {
        return arms;
    }

    /** The weight of an arm, in lowest terms. */
    public final int weight(int arm) {
        return weights[arm];
    }

    /** The number of factors. */
    public final int factors() {
        return levels.length;
    }

    /** Patients allocated so far. */
    public final int patients() {
        return patients;
    }

    /** Patients given an arm so far. */
    public final int count(int arm) {
        return counts[arm];
    }

    /** The current imbalance, {@code max_a n_a/w_a − min_a n_a/w_a}. */
    public final double imbalance() {
        return (double) rangeScaled(counts, 0) / lcm;
    }

    /** The largest imbalance after any patient so far. */
    public final double maxImbalance() {
        return (double) maxRangeScaled / lcm;
    }

    /** The current imbalance within one level of one factor, the largest over all; 0 without factors. */
    public final double marginalImbalance() {
        long max = 0;
        for (int f = 0; f < levels.length; f++) {
            for (int l = 0; l < levels[f]; l++) {
                max = Math.max(max, rangeScaled(marginal[f], l * arms));
            }
        }
        return (double) max / lcm;
    }

    /** The current imbalance within one level of one factor. */
    public final double marginalImbalance(int factor, int level) {
        return (double) rangeScaled(marginal[factor], level * arms) / lcm;
    }

    /** Counts and imbalance so far, as a value. */
    public final AllocationSummary summary() {
        return new AllocationSummary(counts, imbalance(), maxImbalance(), marginalImbalance());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + method + ", weights " + Arrays.toString(weights) + ", factor levels "
                + Arrays.toString(levels) + ", " + patients + " patients]";
    }

    /**
     * The arm of the next patient, from 0 to {@link #arms()} − 1 (there are at least two arms); the
     * counts do not include the patient yet. Its draws must come from {@link #rng()} alone, and depend
     * only on the patients so far, so that one stream always gives the same arms.
     *
     * @param patientLevels the patient's level of each factor (checked; not to be kept)
     */
    protected abstract int choose(int[] patientLevels);

    /** Forgets the method's own state, for the next replicate (the counts are cleared by this class). */
    protected abstract void clear();

    /** The random stream of the current replicate. */
    protected final UniformRandomProvider rng() {
        return rng;
    }

    /** {@code max_a c[offset+a]·scale[a] − min_a …}: lcm times the imbalance of the counts at offset. */
    final long rangeScaled(int[] c, int offset) {
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        for (int a = 0; a < arms; a++) {
            long x = c[offset + a] * scale[a];
            max = Math.max(max, x);
            min = Math.min(min, x);
        }
        return max - min;
    }

    /** The arm drawn in proportion to the given integer weights, which sum to {@code total > 0}. */
    static int drawByWeight(UniformRandomProvider rng, int[] w, int offset, int n, int total) {
        int pick = rng.nextInt(total);
        for (int a = 0; a < n - 1; a++) {
            pick -= w[offset + a];
            if (pick < 0) {
                return a;
            }
        }
        return n - 1;
    }

    private void checkLevels(int[] patientLevels) {
        if (patientLevels == null || patientLevels.length != levels.length) {
            throw new IllegalArgumentException("the patient has " + (patientLevels == null ? "no" : patientLevels.length)
                    + " factor levels; the allocator has " + levels.length + " factors");
        }
        for (int f = 0; f < levels.length; f++) {
            if (patientLevels[f] < 0 || patientLevels[f] >= levels[f]) {
                throw new IllegalArgumentException("the patient's level of factor " + f + " must be in [0, " + levels[f]
                        + "), not " + patientLevels[f]);
            }
        }
    }

    /**
     * Minimization keeps the ratio only if the arm with the largest share {@code w_max/Σw} is given at
     * least that often when it is behind: with probability p as the preferred arm. Below that share its
     * count drifts away from the ratio (for 2:1 and p = 0.6 the share of the first arm tends to about
     * 0.6, not 2/3). For equal weights this is p ≥ 1/arms.
     */
    static void checkP(double p, int[] weights) {
        if (weights.length < 2) {
            return;
        }
        int sum = 0;
        int max = 0;
        int arm = 0;
        for (int a = 0; a < weights.length; a++) {
            sum += weights[a];
            if (weights[a] > max) {
                max = weights[a];
                arm = a;
            }
        }
        if (p * sum < max * (1 - 1e-12)) {
            int g = (int) gcd(max, sum);
            throw new IllegalArgumentException("p = " + p + " is below " + max / g + "/" + sum / g + ", the share of arm " + arm
                    + " in the ratio " + ratio(reduce(weights)) + ": minimization would give that arm too rarely when it is"
                    + " behind and shift the allocation ratio; use a p well above " + max / g + "/" + sum / g);
        }
    }

    /** The ratio as text, e.g. {@code 2:1}. */
    static String ratio(int[] w) {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < w.length; a++) {
            b.append(a == 0 ? "" : ":").append(w[a]);
        }
        return b.toString();
    }

    private static void checkWeights(int[] weights) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("weights: at least one arm is needed");
        }
        for (int a = 0; a < weights.length; a++) {
            if (weights[a] < 1) {
                throw new IllegalArgumentException("weights: the weight of arm " + a + " must be a positive integer, not "
                        + weights[a]);
            }
        }
    }

    private static int[] reduce(int[] weights) {
        int g = 0;
        for (int w : weights) {
            g = (int) gcd(g, w);
        }
        int[] r = new int[weights.length];
        for (int a = 0; a < weights.length; a++) {
            r[a] = weights[a] / g;
        }
        return r;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
