package org.trialsim.simulator.trial.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.simulator.random.RandomStreams;

class SimpleRandomizationTest {
    private static final long PURPOSE = RandomStreams.purpose("test:simple");

    static int[] ints(String list) {
        return Arrays.stream(list.strip().split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * The count of each arm among n patients is Binomial(n, w_a/Σw); each count must fall in the central
     * interval holding all but 1e-4 of it (false failure at most 1e-4 per arm, 1.3e-3 over the table).
     */
    @ParameterizedTest(name = "weights {0}")
    @CsvSource({"1 1", "2 1", "1 2", "1 1 1", "3 2 1", "2 2"})
    void eachArmsShareFollowsTheRatio(String weightList) {
        int[] w = ints(weightList);
        int total = Arrays.stream(w).sum();
        int n = 20_000;
        Allocator a = Allocator.of(AllocationMethod.SIMPLE, w, new RandomStreams(11).stream(PURPOSE, 1));
        for (int i = 0; i < n; i++) {
            a.allocate();
        }
        for (int arm = 0; arm < w.length; arm++) {
            int[] bound = Bounds.binomial(n, (double) w[arm] / total);
            assertThat(a.count(arm)).as("arm %d of %s", arm, weightList).isBetween(bound[0], bound[1]);
        }
    }

    /**
     * Successive assignments are independent: in the k×k table of (arm of patient i, arm of patient i+1)
     * Pearson's statistic for independence is asymptotically χ² with (k−1)² degrees of freedom (Anderson
     * &amp; Goodman, Ann Math Stat 1957, for a first-order chain against independence); it must stay below
     * the 1 − 1e-4 quantile. The same check on permuted blocks of 2, whose second patient of a block
     * always gets the other arm, must fail, which shows that it can.
     */
    @ParameterizedTest(name = "weights {0}")
    @CsvSource({"1 1", "2 1", "1 1 1"})
    void successiveAssignmentsAreIndependent(String weightList) {
        int[] w = ints(weightList);
        Allocator simple = Allocator.of(AllocationMethod.SIMPLE, w, new RandomStreams(12).stream(PURPOSE, 2));
        assertThat(transitionStatistic(simple, 20_000)).isLessThan(Bounds.chiSquared((w.length - 1) * (w.length - 1)));

        int blockSize = Arrays.stream(w).sum();
        Allocator blocks = Allocator.of(new AllocationMethod.PermutedBlocks(new int[] {blockSize}), w,
                new RandomStreams(12).stream(PURPOSE, 3));
        assertThat(transitionStatistic(blocks, 20_000)).isGreaterThan(Bounds.chiSquared((w.length - 1) * (w.length - 1)));
    }

    /** Pearson's χ² of independence in the table of successive pairs of n assignments. */
    static double transitionStatistic(Allocator a, int n) {
        int k = a.arms();
        long[] pairs = new long[k * k];
        int previous = a.allocate();
        for (int i = 1; i < n; i++) {
            int arm = a.allocate();
            pairs[previous * k + arm]++;
            previous = arm;
        }
        long[] rows = new long[k];
        long[] cols = new long[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rows[i] += pairs[i * k + j];
                cols[j] += pairs[i * k + j];
            }
        }
        double[] expected = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                expected[i * k + j] = (double) rows[i] * cols[j] / (n - 1);
            }
        }
        return Bounds.pearson(pairs, expected);
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Test
    void aSingleArmIsGivenWithoutDrawing() {
        for (AllocationMethod m : new AllocationMethod[] {AllocationMethod.SIMPLE, new AllocationMethod.PermutedBlocks(new int[] {2}),
                new AllocationMethod.Minimization(0.8, ImbalanceMeasure.RANGE)}) {
            UniformRandomProvider used = new RandomStreams(13).stream(PURPOSE, 4);
            Allocator a = Allocator.of(m, new int[] {2}, new int[] {3}, used);
            for (int i = 0; i < 50; i++) {
                assertThat(a.allocate(new int[] {i % 3})).isZero();
            }
            assertThat(used.nextLong()).as("%s", m).isEqualTo(new RandomStreams(13).stream(PURPOSE, 4).nextLong());
            assertThat(a.summary().counts()).containsExactly(50);
            assertThat(a.summary().maxImbalance()).isZero();
        }
    }
}
