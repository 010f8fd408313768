package org.trialsim.simulator.trial.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.run.InvalidProtocolException;

/** What every method shares: reproducibility, restart, the summary, the configuration forms. */
class AllocatorTest {
    private static final long PURPOSE = RandomStreams.purpose("test:allocator");
    private static final int[] WEIGHTS = {2, 1};
    private static final int[] LEVELS = {2, 3};

    private static int[] sequence(Allocator a, UniformRandomProvider covariates, int n) {
        int[] arms = new int[n];
        int[] levels = new int[LEVELS.length];
        for (int i = 0; i < n; i++) {
            levels[0] = covariates.nextInt(2);
            levels[1] = covariates.nextInt(3);
            arms[i] = a.allocate(levels);
        }
        return arms;
    }

    /**
     * The same stream gives the same arms, whether the allocator is new or restarted; a different
     * stream gives different arms (700 patients agreeing by chance has probability far below 1e-100).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simple", "permuted-blocks:3,6", "stratified-blocks:3", "minimization:0.8", "minimization:1:variance"})
    void theSameStreamGivesTheSameSequence(String method) {
        AllocationMethod m = AllocationMethod.parse(method);
        RandomStreams streams = new RandomStreams(41);
        int[] first = sequence(Allocator.of(m, WEIGHTS, LEVELS, streams.stream(PURPOSE, 7)), streams.stream(PURPOSE, 8), 700);
        int[] again = sequence(Allocator.of(m, WEIGHTS, LEVELS, streams.stream(PURPOSE, 7)), streams.stream(PURPOSE, 8), 700);
        Allocator reused = Allocator.of(m, WEIGHTS, LEVELS, streams.stream(PURPOSE, 99));
        sequence(reused, streams.stream(PURPOSE, 98), 300);
        reused.restart(streams.stream(PURPOSE, 7));
        assertThat(reused.patients()).isZero();
        assertThat(reused.summary()).isEqualTo(new AllocationSummary(new int[] {0, 0}, 0, 0, 0));
        int[] restarted = sequence(reused, streams.stream(PURPOSE, 8), 700);
        int[] other = sequence(Allocator.of(m, WEIGHTS, LEVELS, streams.stream(PURPOSE, 9)), streams.stream(PURPOSE, 8), 700);

        assertThat(again).isEqualTo(first);
        assertThat(restarted).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** The summary by hand: 1:1, arms 0, 0, 1, 0 → counts 3, 1; imbalance 1, 2, 1, 2; max 2, final 2. */
    @Test
    void theSummaryCountsArmsAndTracksTheLargestImbalance() {
        UniformRandomProvider fixed = new UniformRandomProvider() {
            private final int[] picks = {0, 0, 1, 0};
            private int i;

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int n) {
                return picks[i++];
            }
        };
        Allocator a = Allocator.of(AllocationMethod.SIMPLE, new int[] {1, 1}, new int[] {2}, fixed);
        int[] levels = {0, 1, 1, 1};
        double[] imbalance = {1, 2, 1, 2};
        for (int i = 0; i < 4; i++) {
            a.allocate(new int[] {levels[i]});
            assertThat(a.imbalance()).isEqualTo(imbalance[i]);
        }
        assertThat(a.summary()).isEqualTo(new AllocationSummary(new int[] {3, 1}, 2, 2, 1));
        assertThat(a.summary().patients()).isEqualTo(4);
        assertThat(a.marginalImbalance(0, 0)).isEqualTo(1);
        assertThat(a.marginalImbalance(0, 1)).isEqualTo(1);
        assertThat(a.summary().toString()).isEqualTo("AllocationSummary[counts=[3, 1], finalImbalance=2.000, maxImbalance=2.000,"
                + " marginalImbalance=1.000]");
    }

    /** Imbalance is on counts divided by the weights in lowest terms: 2:1 (and 4:2) with counts 4, 1 is |2 − 1| = 1. */
    @ParameterizedTest(name = "weights {0}")
    @CsvSource({"2 1", "4 2"})
    void imbalanceDividesCountsByTheWeights(String weights) {
        int[] picks = {0, 0, 0, 1, 0};
        int[] total = {0};
        Allocator a = Allocator.of(AllocationMethod.SIMPLE, SimpleRandomizationTest.ints(weights), new UniformRandomProvider() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int n) {
                // arm 0 is drawn by 0 and 1 (weight 2 of 3), arm 1 by 2
                return picks[total[0]++] == 0 ? 0 : 2;
            }
        });
        for (int i = 0; i < 5; i++) {
            a.allocate();
        }
        assertThat(a.summary().counts()).containsExactly(4, 1);
        assertThat(a.imbalance()).isEqualTo(1.0);
        assertThat(a.maxImbalance()).isEqualTo(1.5);
        assertThat(a.weight(0)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "simple | simple",
            "permuted-blocks:4 | permuted-blocks:4",
            "blocks: 2, 4 | permuted-blocks:2,4",
            "stratified-blocks:6 | stratified-blocks:6",
            "minimization | minimization:0.8:range",
            "MINIMIZATION:0.9:variance | minimization:0.9:variance",
    })
    void parsesTheShortFormsAndPrintsThemBack(String text, String printed) {
        assertThat(AllocationMethod.parse(text)).hasToString(printed);
        assertThat(AllocationMethod.parse(printed)).isEqualTo(AllocationMethod.parse(text));
    }

    @Test
    void stratifiedAndPlainBlocksOfTheSameSizesAreDifferentMethods() {
        AllocationMethod plain = new AllocationMethod.PermutedBlocks(new int[] {2, 4});
        AllocationMethod stratified = AllocationMethod.PermutedBlocks.stratified(new int[] {2, 4});
        assertThat(stratified).isNotEqualTo(plain).doesNotHaveSameHashCodeAs(plain);
        assertThat(plain).isEqualTo(new AllocationMethod.PermutedBlocks(new int[] {2, 4}, false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "urn | unknown allocation method 'urn'",
            "simple:4 | unknown allocation method 'simple:4'",
            "permuted-blocks | unknown allocation method 'permuted-blocks'",
            "permuted-blocks:4,x | cannot read the allocation method 'permuted-blocks:4,x'",
            "permuted-blocks:0 | a block size must be positive, not 0",
            "minimization:1.5 | must be in (0, 1]: 1.5",
            "minimization:0.8:median | No enum constant",
    })
    void refusesUnreadableForms(String text, String message) {
        assertThatThrownBy(() -> AllocationMethod.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageContaining("expected simple, permuted-blocks:SIZES");
    }

    /** The method the built-in registry makes of a protocol's randomization. */
    private static AllocationMethod read(Design.Randomization settings) {
        return Registry.builtIns().allocationMethod(new LoadedProtocol(null, "test.yaml", "", List.of(), List.of()), settings);
    }

    @Test
    void readsTheProtocolsRandomization() {
        assertThat(read(new Design.Randomization(Design.Randomization.PERMUTED_BLOCKS, List.of(2, 4), null, null, null)))
                .isEqualTo(new AllocationMethod.PermutedBlocks(new int[] {2, 4}));
        assertThat(read(new Design.Randomization(Design.Randomization.STRATIFIED_BLOCKS, List.of(4), List.of("sex"), null, null)))
                .isEqualTo(AllocationMethod.PermutedBlocks.stratified(new int[] {4}));
        assertThat(read(Design.Randomization.of(Design.Randomization.SIMPLE))).isEqualTo(AllocationMethod.SIMPLE);
        assertThat(read(Design.Randomization.of(Design.Randomization.MINIMIZATION)))
                .isEqualTo(new AllocationMethod.Minimization(AllocationMethod.Minimization.DEFAULT_P, ImbalanceMeasure.RANGE));
        assertThat(read(new Design.Randomization(Design.Randomization.MINIMIZATION, null, List.of("sex"), 0.9,
                Design.Randomization.Imbalance.VARIANCE))).isEqualTo(new AllocationMethod.Minimization(0.9, ImbalanceMeasure.VARIANCE));
        assertThatThrownBy(() -> read(new Design.Randomization(Design.Randomization.SIMPLE, List.of(4), null, null, null)))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessage("test.yaml: error: at design.randomization: simple: blockSizes are for permuted-blocks and"
                        + " stratified-blocks, not simple");
    }

    @Test
    void configurationValuesAreImmutable() {
        int[] sizes = {2, 4};
        AllocationMethod.PermutedBlocks b = new AllocationMethod.PermutedBlocks(sizes);
        sizes[0] = 6;
        b.sizes()[1] = 8;
        assertThat(b.sizes()).containsExactly(2, 4);
        int[] counts = {3, 1};
        AllocationSummary s = new AllocationSummary(counts, 2, 2, 0);
        counts[0] = 0;
        s.counts()[1] = 0;
        assertThat(s.counts()).containsExactly(3, 1);
    }

    @Test
    void refusesBadArguments() {
        UniformRandomProvider rng = new RandomStreams(42).stream(PURPOSE, 0);
        assertThatThrownBy(() -> Allocator.of(AllocationMethod.SIMPLE, new int[] {1, 0}, rng))
                .hasMessageContaining("the weight of arm 1 must be a positive integer, not 0");
        assertThatThrownBy(() -> Allocator.of(AllocationMethod.SIMPLE, new int[] {}, rng)).hasMessageContaining("at least one arm");
        assertThatThrownBy(() -> Allocator.of(AllocationMethod.SIMPLE, new int[] {1, 1}, new int[] {2, 0}, rng))
                .hasMessageContaining("factor 1 must have at least one level, not 0");
        assertThatThrownBy(() -> Allocator.of(AllocationMethod.SIMPLE, new int[] {999, 1000}, rng))
                .hasMessageContaining("least common multiple");
        assertThatThrownBy(() -> Allocator.of(AllocationMethod.PermutedBlocks.stratified(new int[] {2}), new int[] {1, 1},
                new int[] {100, 100, 100}, rng)).hasMessageContaining("more than 65536 strata");
        assertThatThrownBy(() -> Allocator.of(AllocationMethod.SIMPLE, new int[] {1, 1}, null)).hasMessageContaining("rng");
    }
}
