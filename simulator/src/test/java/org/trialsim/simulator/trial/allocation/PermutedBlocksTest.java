package org.trialsim.simulator.trial.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialsim.simulator.trial.allocation.SimpleRandomizationTest.ints;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.simulator.random.RandomStreams;

class PermutedBlocksTest {
    private static final long PURPOSE = RandomStreams.purpose("test:blocks");

    /**
     * The defining property, checked after every patient (deterministic, cannot fail by chance): a block
     * of size b = m·Σw holds m·w_a of arm a, so within a block arm a never has more than m·w_a
     * patients, and at the end of every block the counts are exactly in the ratio. Block ends are where
     * the sizes of the blocks used add up to the patients so far. For 1:1 it follows that the
     * imbalance never exceeds b/2 (the largest size); that bound is reached (in some of the 300 trials,
     * a block starts with b/2 patients of one arm; for b = 6 that has probability 1/10 per block).
     */
    @ParameterizedTest(name = "weights {0}, block sizes {1}")
    @CsvSource({
            "1 1, 2",
            "1 1, 4",
            "1 1, 2 4 6",
            "2 1, 3",
            "2 1, 6 3",
            "1 1 1, 3 6",
            "3 2, 5 10",
            "2 2, 2 6",
    })
    void everyBlockHoldsEachArmInTheRatio(String weightList, String sizeList) {
        int[] w = ints(weightList);
        int[] sizes = ints(sizeList);
        int g = Arrays.stream(w).reduce(0, SimpleRandomizationTest::gcd);
        int[] reduced = Arrays.stream(w).map(x -> x / g).toArray();
        int weightSum = Arrays.stream(reduced).sum();
        int maxSize = Arrays.stream(sizes).max().orElseThrow();
        double maxImbalance = 0;
        RandomStreams streams = new RandomStreams(21);
        BlockAllocator a = (BlockAllocator) Allocator.of(new AllocationMethod.PermutedBlocks(sizes), w, streams.stream(PURPOSE, 0));
        for (int trial = 0; trial < 300; trial++) {
            a.restart(streams.stream(PURPOSE, trial));
            int[] inBlock = new int[w.length];
            int blockStart = 0;
            int blockSize = 0;
            for (int i = 0; i < 700; i++) {
                int arm = a.allocate();
                if (i == blockStart) {
                    blockSize = a.blockSize(0);
                    assertThat(sizes).contains(blockSize);
                }
                inBlock[arm]++;
                int m = blockSize / weightSum;
                assertThat(inBlock[arm]).as("arm %d within a block of %d", arm, blockSize).isLessThanOrEqualTo(m * reduced[arm]);
                if (i + 1 == blockStart + blockSize) {
                    for (int b = 0; b < w.length; b++) {
                        assertThat(a.count(b)).as("arm %d after %d patients", b, i + 1).isEqualTo((i + 1) / weightSum * reduced[b]);
                    }
                    assertThat(a.imbalance()).isZero();
                    assertThat(a.leftInBlock(0)).isZero();
                    blockStart = i + 1;
                    Arrays.fill(inBlock, 0);
                } else {
                    assertThat(a.leftInBlock(0)).isEqualTo(blockStart + blockSize - i - 1);
                }
            }
            if (w.length == 2 && reduced[0] == reduced[1]) {
                assertThat(a.maxImbalance()).isLessThanOrEqualTo(maxSize / 2.0);
                maxImbalance = Math.max(maxImbalance, a.maxImbalance());
            }
        }
        if (w.length == 2 && reduced[0] == reduced[1]) {
            assertThat(maxImbalance).isEqualTo(maxSize / 2.0);
        }
    }

    /**
     * Within a block every ordering is equally likely: the orderings of 2 A and 2 B (six), or of 2 A
     * and 1 B (three), among 20 000 blocks, by Pearson's χ² against the uniform distribution, below its
     * 1 − 1e-4 quantile (false failure 1e-4 per case).
     */
    @ParameterizedTest(name = "weights {0}, block size {1}, {2} orderings")
    @CsvSource({"1 1, 4, 6", "2 1, 3, 3", "1 1 1, 3, 6", "1 2, 6, 15"})
    void everyOrderingOfABlockIsEquallyLikely(String weightList, int size, int orderings) {
        int blocks = 20_000;
        Allocator a = Allocator.of(new AllocationMethod.PermutedBlocks(new int[] {size}), ints(weightList),
                new RandomStreams(22).stream(PURPOSE, size));
        Map<String, Integer> index = new HashMap<>();
        long[] seen = new long[orderings];
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < blocks; i++) {
            block.setLength(0);
            for (int j = 0; j < size; j++) {
                block.append(a.allocate());
            }
            int k = index.computeIfAbsent(block.toString(), s -> index.size());
            assertThat(k).as("more orderings than %d", orderings).isLessThan(orderings);
            seen[k]++;
        }
        double[] expected = new double[orderings];
        Arrays.fill(expected, (double) blocks / orderings);
        assertThat(Bounds.pearson(seen, expected)).isLessThan(Bounds.chiSquared(orderings - 1));
    }

    /**
     * With several block sizes each block's size is uniform among them: over B blocks each size is used
     * Binomial(B, 1/s) times (the number of blocks completed in a fixed number of patients is random, so
     * the test counts blocks until 30 000 have started). Each count within its 1 − 1e-4 interval.
     */
    @ParameterizedTest(name = "block sizes {0}")
    @CsvSource({"2 4", "2 4 6", "4 8 8"})
    void eachBlockSizeIsUsedEquallyOften(String sizeList) {
        int[] sizes = ints(sizeList);
        int blocks = 30_000;
        BlockAllocator a = (BlockAllocator) Allocator.of(new AllocationMethod.PermutedBlocks(sizes), new int[] {1, 1},
                new RandomStreams(23).stream(PURPOSE, sizes.length));
        Map<Integer, Integer> used = new HashMap<>();
        int started = 0;
        while (started < blocks) {
            a.allocate();
            if (a.leftInBlock(0) == a.blockSize(0) - 1) {
                used.merge(a.blockSize(0), 1, Integer::sum);
                started++;
            }
        }
        for (int size : Arrays.stream(sizes).distinct().toArray()) {
            long listed = Arrays.stream(sizes).filter(s -> s == size).count();
            int[] bound = Bounds.binomial(blocks, (double) listed / sizes.length);
            assertThat(used.getOrDefault(size, 0)).as("blocks of %d", size).isBetween(bound[0], bound[1]);
        }
    }

    @ParameterizedTest(name = "weights {0}, size {1}")
    @CsvSource({"2 1, 4, 'block size 4 is not a multiple of 3, the sum of the weights 2:1'",
            "1 1 1, 2, 'block size 2 is not a multiple of 3, the sum of the weights 1:1:1'",
            "4 2, 4, 'block size 4 is not a multiple of 3, the sum of the weights 2:1'"})
    void refusesABlockSizeThatCannotHoldTheRatio(String weightList, int size, String message) {
        UniformRandomProvider rng = new RandomStreams(24).stream(PURPOSE, 0);
        assertThatThrownBy(() -> Allocator.of(new AllocationMethod.PermutedBlocks(new int[] {size}), ints(weightList), rng))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> new AllocationMethod.PermutedBlocks(new int[] {4, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive, not 0");
    }

    /**
     * Stratified blocks keep the block property within every stratum (deterministic): with two factors
     * of 2 and 3 levels (6 strata), 1:1 and blocks of 4, after every patient the imbalance within the
     * patient's stratum is at most 2 and is 0 whenever the stratum's count is a multiple of 4. The
     * overall imbalance is then at most 6 × 2 = 12. Unstratified blocks given the same patients break the
     * within-stratum bound (in 50 trials of 700, a stratum reaches an imbalance above 2 — each stratum's
     * arms are then a random subsequence, close to simple randomization, whose 6 strata of ~117
     * patients each reach ±3 with probability near 1), which shows that the check can fail.
     */
    @Test
    void stratifiedBlocksBalanceEveryStratum() {
        int[] factorLevels = {2, 3};
        RandomStreams streams = new RandomStreams(25);
        AllocationMethod stratified = AllocationMethod.PermutedBlocks.stratified(new int[] {4});
        AllocationMethod plain = new AllocationMethod.PermutedBlocks(new int[] {4});
        int plainMax = 0;
        for (int trial = 0; trial < 50; trial++) {
            BlockAllocator s = (BlockAllocator) Allocator.of(stratified, new int[] {1, 1}, factorLevels, streams.stream(PURPOSE, trial, 1));
            Allocator p = Allocator.of(plain, new int[] {1, 1}, factorLevels, streams.stream(PURPOSE, trial, 2));
            assertThat(s.strata()).isEqualTo(6);
            UniformRandomProvider covariates = streams.stream(PURPOSE, trial, 3);
            int[][] sCounts = new int[6][2];
            int[][] pCounts = new int[6][2];
            int[] levels = new int[2];
            for (int i = 0; i < 700; i++) {
                levels[0] = covariates.nextInt(2);
                levels[1] = covariates.nextInt(3);
                int stratum = levels[0] * 3 + levels[1];
                assertThat(s.stratum(levels)).isEqualTo(stratum);
                sCounts[stratum][s.allocate(levels)]++;
                pCounts[stratum][p.allocate(levels)]++;
                int d = Math.abs(sCounts[stratum][0] - sCounts[stratum][1]);
                assertThat(d).as("stratum %d after %d patients", stratum, i + 1).isLessThanOrEqualTo(2);
                if ((sCounts[stratum][0] + sCounts[stratum][1]) % 4 == 0) {
                    assertThat(d).isZero();
                }
                assertThat(s.imbalance()).isLessThanOrEqualTo(12);
                plainMax = Math.max(plainMax, Math.abs(pCounts[stratum][0] - pCounts[stratum][1]));
            }
        }
        assertThat(plainMax).isGreaterThan(2);
    }
}
