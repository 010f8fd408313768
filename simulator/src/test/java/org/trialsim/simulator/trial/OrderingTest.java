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

    /** Values of the kinds the bucketed selection and sort meet or must leave to the comparisons. */
    private static double[] values(SplittableRandom random, int n, int kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> random.nextDouble() * 1000; // spread out
                case 1 -> -Math.log(1 - random.nextDouble()) * 365; // exponential: crowded near 0
                case 2 -> 1 + random.nextInt(5); // ties
                case 3 -> i % 7 == 0 ? 1e300 : 1e-300 * (1 + random.nextInt(3)); // two far-apart crowds
                case 4 -> i % 11 == 0 ? 0.0 : i % 13 == 0 ? -0.0 : random.nextDouble(); // zeros of both signs
                case 5 -> i % 17 == 0 ? Double.POSITIVE_INFINITY : random.nextDouble(); // not finite
                default -> 42; // all equal
            };
        }
        return v;
    }

    @Test
    void kthSmallestOfSeveralRanksAgreesWithSortingAndLeavesTheValuesAlone() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 2000; trial++) {
            int n = random.nextInt(1, 400);
            double[] v = values(random, n, trial % 7);
            double[] copy = v.clone();
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            int[] ranks = random.ints(random.nextInt(1, 4), 1, n + 1).toArray();
            double[] into = new double[ranks.length];
            Ordering.kthSmallest(v, n, ranks, into, new int[n + 1], new double[n]);
            assertThat(v).isEqualTo(copy);
            for (int r = 0; r < ranks.length; r++) {
                // +0 and -0 compare equal: either is the k-th smallest
                assertThat(into[r] == sorted[ranks[r] - 1] || Double.isNaN(into[r]) && Double.isNaN(sorted[ranks[r] - 1]))
                        .as("trial %d rank %d", trial, ranks[r]).isTrue();
            }
        }
    }

    @Test
    void kthSmallestOfSeveralRanksRefusesARankOutsideTheValues() {
        assertThatThrownBy(() -> Ordering.kthSmallest(new double[] {1, 2}, 2, new int[] {1, 0}, new double[2], new int[3], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 2");
    }

    @Test
    void valuesWithNaNAreLeftToTheComparisons() {
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 500; trial++) {
            int n = random.nextInt(30, 400);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextDouble() * 1000;
            }
            v[random.nextInt(n)] = Double.NaN;
            // the sort as Arrays.sort sorts them (NaN last), to the bit
            double[] expected = v.clone();
            Arrays.sort(expected);
            double[] sorted = v.clone();
            Ordering.sort(sorted, 0, n, new int[n + 1], new double[n]);
            assertThat(Arrays.equals(sorted, expected)).as("trial %d", trial).isTrue();
            // the selection of one rank as the comparisons' selection makes it
            int k = random.nextInt(1, n + 1);
            double[] into = new double[1];
            Ordering.kthSmallest(v, n, new int[] {k}, into, new int[n + 1], new double[n]);
            double bySelection = Ordering.kthSmallest(v.clone(), n, k);
            assertThat(Double.doubleToRawLongBits(into[0])).as("trial %d", trial).isEqualTo(Double.doubleToRawLongBits(bySelection));
        }
    }

    @Test
    void sortGivesWhatArraysSortGivesToTheBit() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 2000; trial++) {
            int n = random.nextInt(0, 400);
            double[] v = values(random, n + 10, trial % 7);
            double[] expected = v.clone();
            Arrays.sort(expected, 5, 5 + n);
            Ordering.sort(v, 5, 5 + n, new int[n + 1], new double[n]);
            // Arrays.equals on doubles compares the bits: -0 before +0, as Arrays.sort puts them
            assertThat(Arrays.equals(v, expected)).as("trial %d", trial).isTrue();
        }
    }
}
