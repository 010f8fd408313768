package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderingTest {

    @Test
    void sortByKeyIsTheStableSortOfTheIndices() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 500; trial++) {
            int n = random.nextInt(1, 300);
            double[] key = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct values, so that ties are common, or nearly sorted values
                key[i] = trial % 2 == 0 ? random.nextInt(8) : i + random.nextInt(20);
            }
            int[] index = IntStream.range(0, n).toArray();
            Ordering.sortByKey(index, n, key, new int[n]);
            Integer[] expected = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(expected, Comparator.comparingDouble(i -> key[i])); // stable
            assertThat(index).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void sortByKeyLeavesEntriesBeyondTheCountAlone() {
        int[] index = {2, 1, 0, 7};
        Ordering.sortByKey(index, 3, new double[] {3, 2, 1}, new int[4]);
        assertThat(index).containsExactly(2, 1, 0, 7);
        Ordering.sortByKey(index, 2, new double[] {0, 1, 2}, new int[4]);
        assertThat(index).containsExactly(1, 2, 0, 7);
    }

    @Test
    void kthSmallestAgreesWithSorting() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 2000; trial++) {
            int n = random.nextInt(1, 200);
            double[] values = new double[n + 3];
            for (int i = 0; i < values.length; i++) {
                values[i] = trial % 3 == 0 ? random.nextInt(5) : random.nextDouble() * 100;
            }
            double[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            int k = random.nextInt(1, n + 1);
            assertThat(Ordering.kthSmallest(values.clone(), n, k)).isEqualTo(sorted[k - 1]);
        }
    }

    /** Data cuts select each look's event from the last look back, each among the smallest the one after left first. */
    @Test
    void kthSmallestLeavesTheKSmallestFirstSoSmallerRanksCanBeSelectedAmongThem() {
        SplittableRandom random = new SplittableRandom(6);
        for (int trial = 0; trial < 2000; trial++) {
            int n = random.nextInt(1, 300);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = trial % 3 == 0 ? random.nextInt(7) : random.nextDouble() * 100;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(1, n + 1);
            Ordering.kthSmallest(values, n, k);
            double[] first = Arrays.copyOf(values, k);
            Arrays.sort(first);
            assertThat(first).containsExactly(Arrays.copyOf(sorted, k));
            int smaller = random.nextInt(1, k + 1);
            assertThat(Ordering.kthSmallest(values, k, smaller)).isEqualTo(sorted[smaller - 1]);
        }
    }

    @Test
    void kthSmallestRefusesARankOutsideTheValues() {
        assertThatThrownBy(() -> Ordering.kthSmallest(new double[] {1, 2}, 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 2");
    }
}
