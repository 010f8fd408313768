package org.trialsim.simulator.trial.allocation;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Permuted blocks, optionally one sequence per stratum. A block of size {@code b = m·Σw} holds
 * {@code m·w_a} patients of each arm. Rather than shuffling the block when it starts, each patient is
 * drawn from what is left of the block with probability proportional to the places left for each arm
 * (an urn without replacement): this gives every ordering of the block the same probability, exactly as
 * a shuffle does, with one draw per patient and no block buffer, and a block cut short by the end of
 * accrual leaves no unused draws behind.
 */
final class BlockAllocator extends Allocator {
    /** The block sizes as multiples of the weights' sum. */
    private final int[] multiples;
    private final int weightSum;
    private final boolean stratified;
    /** Per factor, how far apart its levels are in the stratum index. */
    private final int[] stride;
    /** Per stratum and arm, places left in the current block, at {@code [stratum * arms + arm]}. */
    private final int[] left;
    /** Per stratum, places left in the current block. */
    private final int[] leftTotal;
    /** Per stratum, the size of the current block (0 before the first). */
    private final int[] blockSize;

    BlockAllocator(AllocationMethod method, int[] sizes, boolean stratified, int[] weights, int[] factorLevels,
                   UniformRandomProvider rng) {
        super(method, weights, factorLevels, rng);
        int sum = 0;
        for (int w : this.weights) {
            sum += w;
        }
        this.weightSum = sum;
        this.multiples = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] % sum != 0) {
                throw new IllegalArgumentException("block size " + sizes[i] + " is not a multiple of " + sum + ", the sum of the"
                        + " weights " + ratio(this.weights) + ": a block must hold every arm in the allocation ratio");
            }
            multiples[i] = sizes[i] / sum;
        }
        this.stratified = stratified;
        this.stride = new int[levels.length];
        long strata = 1;
        if (stratified) {
            for (int f = levels.length - 1; f >= 0; f--) {
                stride[f] = (int) strata;
                strata *= levels[f];
                if (strata > MAX_STRATA) {
                    throw new IllegalArgumentException("factorLevels " + Arrays.toString(levels) + " make more than " + MAX_STRATA
                            + " strata for stratified blocks; stratify by fewer factors or use minimization");
                }
            }
        }
        this.left = new int[(int) strata * arms];
        this.leftTotal = new int[(int) strata];
        this.blockSize = new int[(int) strata];
    }

    @Override
    protected int choose(int[] patientLevels) {
        int s = stratum(patientLevels);
        if (leftTotal[s] == 0) {
            int m = multiples.length == 1 ? multiples[0] : multiples[rng.nextInt(multiples.length)];
            for (int a = 0; a < arms; a++) {
                left[s * arms + a] = m * weights[a];
            }
            leftTotal[s] = m * weightSum;
            blockSize[s] = m * weightSum;
        }
        int arm = drawByWeight(rng, left, s * arms, arms, leftTotal[s]);
        left[s * arms + arm]--;
        leftTotal[s]--;
        return arm;
    }

    @Override
    protected void clear() {
        Arrays.fill(left, 0);
        Arrays.fill(leftTotal, 0);
        Arrays.fill(blockSize, 0);
    }

    /** The stratum of a patient: 0 unless stratified. */
    int stratum(int[] patientLevels) {
        if (!stratified) {
            return 0;
        }
        int s = 0;
        for (int f = 0; f < stride.length; f++) {
            s += patientLevels[f] * stride[f];
        }
        return s;
    }

    /** The number of strata. */
    int strata() {
        return leftTotal.length;
    }

    /** The size of a stratum's current block; 0 before its first patient. */
    int blockSize(int stratum) {
        return blockSize[stratum];
    }

    /** Places left in a stratum's current block; 0 when the block is complete. */
    int leftInBlock(int stratum) {
        return leftTotal[stratum];
    }
}
