package org.trialsim.simulator.trial.allocation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.trialsim.protocol.Design;

/**
 * How the patients of one allocation stratum are given their arms: the configuration from which
 * {@link Allocator#of} makes an allocator. Values are immutable.
 *
 * <p>A protocol file names its method in {@code design.randomization.method}; the simulator's
 * registry maps each name to a {@link Factory} that reads the method's settings. The built-in
 * methods are the records below; an extension adds one with a class that implements this interface
 * (and an {@link Allocator} subclass) and one binding of its factory (docs/extending.md).
 *
 * <p>Allocation to a single arm, and allocation that depends on the risk group (as in AALL1331, where
 * low and high/intermediate risk patients are randomized separately), need no method of their own:
 * the protocol's allocation node gives each stratum its arms and ratio, and the trial engine makes one
 * allocator per stratum; a stratum with one arm gets it without a random draw.
 */
public interface AllocationMethod {

    /**
     * Makes the allocator of one stratum of one replicate. {@link Allocator#of} calls it once it has
     * checked the arguments, for a stratum of two arms or more (a stratum of one arm gets it without
     * the method); call that rather than this.
     *
     * @param weights      the stratum's allocation ratio: one positive weight per arm, at least two arms
     * @param factorLevels the number of levels of each factor the design names (each at least 1); may be empty
     * @param rng          the random stream of this replicate, node and stratum
     * @throws IllegalArgumentException if the method cannot allocate in this ratio or with these factors,
     *                                  saying why; the trial simulation asks once per stratum before it
     *                                  runs, and reports it as a problem of the protocol
     */
    Allocator allocator(int[] weights, int[] factorLevels, UniformRandomProvider rng);

    /**
     * Reads a method from a protocol's {@code design.randomization}: what the registry holds under the
     * method's name.
     */
    @FunctionalInterface
    interface Factory {
        /**
         * The method these settings describe.
         *
         * @param settings the protocol's randomization; its method is the name this factory is registered under
         * @throws IllegalArgumentException naming the setting that is wrong or not taken by this method
         */
        AllocationMethod of(Design.Randomization settings);
    }

    /** Simple (complete) randomization: each patient independently, in the allocation ratio. */
    AllocationMethod SIMPLE = new Simple();

    /**
     * Simple (complete) randomization: every patient independently gets arm {@code a} with probability
     * {@code w_a / Σw}. No balance is enforced.
     */
    record Simple() implements AllocationMethod {
        /** The method a protocol's settings describe: simple randomization takes none of its own. */
        public static AllocationMethod of(Design.Randomization settings) {
            refuseSizes(settings);
            return SIMPLE;
        }

        @Override
        public Allocator allocator(int[] weights, int[] factorLevels, UniformRandomProvider rng) {
            return new SimpleAllocator(this, weights, factorLevels, rng);
        }

        @Override
        public String toString() {
            return "simple";
        }
    }

    /**
     * Permuted blocks: each block holds every arm in the allocation ratio, in a uniformly random order;
     * with several block sizes each block's size is drawn uniformly among them (list a size twice to
     * make it twice as likely). Stratified, an independent sequence of blocks runs within each
     * combination of levels of the stratification factors, so that balance holds within every
     * stratum; otherwise the factors are ignored.
     *
     * @param sizes      the block sizes, each a positive multiple of the sum of the (reduced) weights
     * @param stratified whether each combination of factor levels has its own sequence of blocks
     */
    record PermutedBlocks(int[] sizes, boolean stratified) implements AllocationMethod {
        /** @throws IllegalArgumentException if no size is given or one is not positive */
        public PermutedBlocks {
            sizes = checkSizes(sizes);
        }

        /** Unstratified permuted blocks of the given sizes. */
        public PermutedBlocks(int[] sizes) {
            this(sizes, false);
        }

        /** Stratified permuted blocks of the given sizes. */
        public static PermutedBlocks stratified(int[] sizes) {
            return new PermutedBlocks(sizes, true);
        }

        /** The unstratified blocks of a protocol's settings ({@code permuted-blocks}). */
        public static PermutedBlocks of(Design.Randomization settings) {
            return new PermutedBlocks(sizes(settings), false);
        }

        /** The stratified blocks of a protocol's settings ({@code stratified-blocks}). */
        public static PermutedBlocks stratifiedOf(Design.Randomization settings) {
            return new PermutedBlocks(sizes(settings), true);
        }

        private static int[] sizes(Design.Randomization settings) {
            return settings.blockSizes().stream().mapToInt(s -> s == null ? 0 : s).toArray();
        }

        @Override
        public Allocator allocator(int[] weights, int[] factorLevels, UniformRandomProvider rng) {
            return new BlockAllocator(this, sizes, stratified, weights, factorLevels, rng);
        }

        /** A copy of the block sizes. */
        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PermutedBlocks b && b.stratified == stratified && Arrays.equals(sizes, b.sizes);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(sizes) + Boolean.hashCode(stratified);
        }

        @Override
        public String toString() {
            return (stratified ? "stratified-blocks:" : "permuted-blocks:") + join(sizes);
        }
    }

    /**
     * Pocock–Simon minimization (Biometrics 1975;31:103-115). For each arm the patient could get, the
     * imbalance that would result is measured within the patient's level of each factor, on counts
     * divided by the arms' weights, and summed over the factors; the arm with the least total
     * (ties broken uniformly at random) is given with probability {@code p}, and otherwise one of the
     * other arms uniformly at random. Factors have equal weight.
     *
     * @param p       the probability of giving the arm that minimizes the imbalance; in (0, 1] here,
     *                and, when an allocator is made, at least the largest arm's share of the ratio
     *                (1/2 for 1:1, 2/3 for 2:1), below which the ratio would not be kept
     * @param measure how the imbalance within a factor level is measured
     */
    record Minimization(double p, ImbalanceMeasure measure) implements AllocationMethod {
        /**
         * The probability used when a protocol names minimization without one: 0.8, a common choice
         * that keeps most of the balance while leaving every assignment unpredictable.
         */
        public static final double DEFAULT_P = Design.Randomization.DEFAULT_P;

        /** @throws IllegalArgumentException if p is not in (0, 1] or the measure is null */
        public Minimization {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("p, the probability of giving the arm that minimizes the imbalance,"
                        + " must be in (0, 1]: " + p);
            }
            if (measure == null) {
                throw new IllegalArgumentException("measure must not be null");
            }
        }

        /**
         * The minimization of a protocol's settings; without {@code p} or {@code imbalance} it uses
         * {@link #DEFAULT_P} and the range.
         */
        public static Minimization of(Design.Randomization settings) {
            refuseSizes(settings);
            return new Minimization(settings.p() == null ? DEFAULT_P : settings.p(),
                    settings.imbalance() == Design.Randomization.Imbalance.VARIANCE ? ImbalanceMeasure.VARIANCE : ImbalanceMeasure.RANGE);
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException also if p is below the largest arm's share of the ratio
         */
        @Override
        public Allocator allocator(int[] weights, int[] factorLevels, UniformRandomProvider rng) {
            Allocator.checkP(p, weights);
            return new MinimizationAllocator(this, weights, factorLevels, rng);
        }

        @Override
        public String toString() {
            return "minimization:" + p + ":" + measure.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Response-adaptive randomization of the Thompson type (Thall and Wathen 2007): after a burn-in in the
     * stratum's ratio, arm a is given with probability proportional to {@code w_a · P(a is best)^c}, from
     * the Beta posteriors of the arms' early response rates given the results known on the day of the
     * update, then kept within [minProbability, maxProbability]; a control arm may be kept at a fixed share,
     * or matched to the largest of the other arms' probabilities ({@code controlMatched}).
     * The trial engine tells the allocator ({@link ResponseLearning}) the day of each allocation and each
     * patient's result from the day it is known. With the power 0 (and no control share) the allocation is
     * the ratio, drawn exactly as {@link Simple} draws it. With {@code rule: dbcd} the probabilities after the
     * burn-in are instead Hu and Zhang's doubly adaptive biased coin towards a Neyman or RSIHR target
     * ({@link DoublyAdaptiveBiasedCoin}), over all the arms or over those beside a control kept at its fixed share;
     * burn-in, update schedule, caps and stopping are the same.
     *
     * @param settings the protocol's settings, as validated
     */
    record ResponseAdaptive(Design.ResponseAdaptive settings) implements AllocationMethod {
        /** @throws IllegalArgumentException if settings are missing */
        public ResponseAdaptive {
            if (settings == null) {
                throw new IllegalArgumentException("response-adaptive needs its settings under 'adaptive' (an MRD assessment and"
                        + " the threshold mrdBelow at least)");
            }
        }

        /** The method of a protocol's settings ({@code response-adaptive}). */
        public static ResponseAdaptive of(Design.Randomization settings) {
            refuseSizes(settings);
            return new ResponseAdaptive(settings.adaptive());
        }

        /** The power of P(arm is best); 1 if the protocol gives none. */
        public double power() {
            return settings.power() == null ? 1 : settings.power();
        }

        /** The doubly adaptive biased coin's γ; {@link Design.ResponseAdaptive#DEFAULT_GAMMA} if the protocol gives none. */
        public double gamma() {
            return settings.gamma() == null ? Design.ResponseAdaptive.DEFAULT_GAMMA : settings.gamma();
        }

        /** The stratum's first patients allocated in its ratio. */
        public int burnIn() {
            return settings.burnIn() == null ? 0 : settings.burnIn();
        }

        /** Patients between updates, or 0 when updates are every {@link #updateEveryDays()} days. */
        public int updateEvery() {
            return settings.updateEvery() != null ? settings.updateEvery() : settings.updateEveryDays() == null ? 1 : 0;
        }

        /** Days between updates, or NaN when updates are every {@link #updateEvery()} patients. */
        public double updateEveryDays() {
            return settings.updateEveryDays() == null ? Double.NaN : settings.updateEveryDays();
        }

        /** The bound on P(arm is best) below which an arm is dropped at an update; 0 (none dropped) if the protocol gives none. */
        public double dropBelow() {
            return settings.dropBelow() == null ? 0 : settings.dropBelow();
        }

        /** The bound on an arm's P(arm is best) above which the trial stops for superiority; +∞ (never) if the protocol gives none. */
        public double stopSuperiorityAbove() {
            return settings.stopSuperiorityAbove() == null ? Double.POSITIVE_INFINITY : settings.stopSuperiorityAbove();
        }

        /** The bound on P(arm better than control) below which, for every arm, the trial stops for futility; 0 (never) if none. */
        public double stopFutilityBelow() {
            return settings.stopFutilityBelow() == null ? 0 : settings.stopFutilityBelow();
        }

        /** Whether the trial can stop at an update. */
        public boolean stops() {
            return settings.stopSuperiorityAbove() != null || settings.stopFutilityBelow() != null;
        }

        /** The stratum's patients before which no update stops the trial. */
        public int stopMinPatients() {
            return settings.stopMinPatients() == null ? 0 : settings.stopMinPatients();
        }

        /** The least probability of an arm. */
        public double minProbability() {
            return settings.minProbability() == null ? 0 : settings.minProbability();
        }

        /** The largest probability of an arm. */
        public double maxProbability() {
            return settings.maxProbability() == null ? 1 : settings.maxProbability();
        }

        @Override
        public Allocator allocator(int[] weights, int[] factorLevels, UniformRandomProvider rng) {
            return new ResponseAdaptiveAllocator(this, weights, factorLevels, rng);
        }

        @Override
        public String toString() {
            Design.ResponseAdaptive a = settings;
            String rule = a.rule() == Design.ResponseAdaptive.Rule.DBCD
                    ? ":dbcd=" + String.valueOf(a.target()).toLowerCase(Locale.ROOT) + ":gamma=" + gamma()
                    : ":power=" + power() + (a.growth() == Design.ResponseAdaptive.Growth.SAMPLE_FRACTION ? "*n/N" : "");
            return "response-adaptive:" + a.assessment() + "<" + a.mrdBelow() + rule + ":burn-in=" + burnIn()
                    + (updateEvery() > 0 ? ":every=" + updateEvery() : ":every-days=" + updateEveryDays())
                    + ":p=[" + minProbability() + "," + maxProbability() + "]"
                    + (a.control() == null ? "" : ":" + a.control() + "=" + (a.matchesControl() ? "matched" : a.controlShare()));
        }
    }

    /** Block sizes belong to the block methods; validation refuses them for the others before this. */
    private static void refuseSizes(Design.Randomization settings) {
        List<Integer> sizes = settings.blockSizes();
        if (!sizes.isEmpty()) {
            throw new IllegalArgumentException("blockSizes are for permuted-blocks and stratified-blocks, not " + settings.method());
        }
    }

    /**
     * Reads a method from its short text form, for a command-line override:
     * {@code simple}; {@code permuted-blocks:4} or {@code permuted-blocks:2,4} (block sizes);
     * {@code stratified-blocks:4}; {@code minimization}, {@code minimization:0.8} or
     * {@code minimization:0.8:variance}. Each method's {@code toString()} gives the same form back.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    static AllocationMethod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no allocation method given; " + forms());
        }
        String[] parts = text.strip().split(":", -1);
        String name = parts[0].toLowerCase(Locale.ROOT);
        try {
            switch (name) {
                case "simple":
                    if (parts.length == 1) {
                        return SIMPLE;
                    }
                    break;
                case "permuted-blocks":
                case "blocks":
                    if (parts.length == 2) {
                        return new PermutedBlocks(parseSizes(parts[1]));
                    }
                    break;
                case "stratified-blocks":
                    if (parts.length == 2) {
                        return PermutedBlocks.stratified(parseSizes(parts[1]));
                    }
                    break;
                case "minimization":
                    if (parts.length <= 3) {
                        double p = parts.length >= 2 ? Double.parseDouble(parts[1]) : Minimization.DEFAULT_P;
                        ImbalanceMeasure m = parts.length == 3 ? ImbalanceMeasure.valueOf(parts[2].toUpperCase(Locale.ROOT))
                                : ImbalanceMeasure.RANGE;
                        return new Minimization(p, m);
                    }
                    break;
                default:
                    break;
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException is one too
            throw new IllegalArgumentException("cannot read the allocation method '" + text + "': " + e.getMessage()
                    + "; " + forms(), e);
        }
        throw new IllegalArgumentException("unknown allocation method '" + text + "'; " + forms());
    }

    /** The accepted text forms, for messages. */
    private static String forms() {
        return "expected simple, permuted-blocks:SIZES, stratified-blocks:SIZES (sizes separated by commas, e.g. 2,4)"
                + " or minimization[:P[:range|variance]]";
    }

    private static int[] parseSizes(String list) {
        String[] items = list.split(",", -1);
        int[] sizes = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            sizes[i] = Integer.parseInt(items[i].strip());
        }
        return sizes;
    }

    private static int[] checkSizes(int[] sizes) {
        if (sizes == null || sizes.length == 0) {
            throw new IllegalArgumentException("sizes: permuted blocks need at least one block size");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("sizes: a block size must be positive, not " + s);
            }
        }
        return sizes.clone();
    }

    private static String join(int[] sizes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            b.append(i == 0 ? "" : ",").append(sizes[i]);
        }
        return b.toString();
    }
}
