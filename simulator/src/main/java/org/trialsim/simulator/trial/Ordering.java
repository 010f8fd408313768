package org.trialsim.simulator.trial;

import java.util.Arrays;

/**
 * Ordering on primitive arrays without boxing, for the per-replicate work of the trial engine: a
 * stable sort of indices by a key, and the k-th smallest of some values.
 */
final class Ordering {
    /** Below this many values {@link #sort} leaves them to Arrays.sort, whose insertion sort is as quick. */
    private static final int SMALL = 24;

    private Ordering() {
    }

    /**
     * Sorts {@code index[0 … count)} by {@code key[index[i]]}, ascending; indices with equal keys keep
     * their order (stable), so the result does not depend on how the sort works. Already sorted input,
     * the common case when allocation follows enrolment after the same delay, costs one pass.
     *
     * @param buffer scratch space of at least {@code count} entries
     */
    static void sortByKey(int[] index, int count, double[] key, int[] buffer) {
        boolean sorted = true;
        for (int i = 1; i < count && sorted; i++) {
            sorted = key[index[i - 1]] <= key[index[i]];
        }
        if (!sorted) {
            mergeSort(index, buffer, 0, count, key);
        }
    }

    /** Sorts {@code a[from … to)} by key, stably, using {@code b} as scratch space. */
    private static void mergeSort(int[] a, int[] b, int from, int to, double[] key) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                double k = key[x];
                int j = i - 1;
                while (j >= from && key[a[j]] > k) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, b, from, middle, key);
        mergeSort(a, b, middle, to, key);
        if (key[a[middle - 1]] <= key[a[middle]]) {
            return;
        }
        System.arraycopy(a, from, b, from, to - from);
        int i = from;
        int j = middle;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < middle && key[b[i]] <= key[b[j]])) {
                a[k] = b[i++];
            } else {
                a[k] = b[j++];
            }
        }
    }

    /**
     * The k-th smallest (from 1) of {@code values[0 … count)}, by selection in expected linear time;
     * reorders the values so that the k smallest come first (in no particular order), so that a smaller
     * rank can then be selected among those k alone.
     *
     * @throws IllegalArgumentException unless 1 ≤ k ≤ count
     */
    static double kthSmallest(double[] values, int count, int k) {
        if (k < 1 || k > count) {
            throw new IllegalArgumentException("k must be between 1 and " + count + ", not " + k);
        }
        return select(values, 0, count - 1, k - 1);
    }

    /**
     * The k-th smallest (from 1) of {@code values[0 … count)} for each k of {@code ranks}, into
     * {@code into}: the same values as {@link #kthSmallest} (of +0 and −0, which compare equal, either may
     * come), found without its comparisons, whose branches
     * a processor mispredicts about every other time on values in random order. The values are spread over
     * {@code count} buckets of equal width between the smallest and the largest, counted, and each rank is
     * selected within its bucket, which holds a few values unless they crowd together. Finite values
     * only; others, or values all equal, are selected as {@code kthSmallest} selects them. The values are
     * left in {@code values} in their order; the scratch space holds them grouped by bucket.
     *
     * @param counts  scratch space of at least {@code count + 1} entries
     * @param scratch scratch space of at least {@code count} entries
     * @throws IllegalArgumentException unless every rank is between 1 and count
     */
    static void kthSmallest(double[] values, int count, int[] ranks, double[] into, int[] counts, double[] scratch) {
        for (int k : ranks) {
            if (k < 1 || k > count) {
                throw new IllegalArgumentException("k must be between 1 and " + count + ", not " + k);
            }
        }
        double min = smallest(values, 0, count);
        double max = largest(values, 0, count);
        double range = max - min;
        if (!(range > 0) || range == Double.POSITIVE_INFINITY) {
            // infinite or NaN values, or all equal: the comparisons' selection, rank by rank
            System.arraycopy(values, 0, scratch, 0, count);
            for (int r = 0; r < ranks.length; r++) {
                into[r] = select(scratch, 0, count - 1, ranks[r] - 1);
            }
            return;
        }
        double scale = count / range;
        int[] begin = spread(values, 0, count, min, scale, counts, scratch);
        for (int r = 0; r < ranks.length; r++) {
            int target = ranks[r] - 1;
            // the value lies in the last bucket that begins at or before it (bucket b begins at begin[b + 1])
            int lo = 0;
            int hi = count - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (begin[mid + 1] <= target) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            int end = lo + 1 < count ? begin[lo + 2] : count;
            into[r] = select(scratch, begin[lo + 1], end - 1, target);
        }
    }

    /**
     * Sorts {@code a[from … to)} ascending: the same result as {@link Arrays#sort(double[], int, int)}
     * on the values it is meant for (finite and positive: for them the two orders agree and equal values are
     * the same double), by spreading them over buckets of equal width between the smallest and the largest
     * and sorting the few values of each by insertion: linear time for values not crowded together, with few
     * mispredicted branches. Other values are left to {@code Arrays.sort}.
     *
     * @param counts  scratch space of at least {@code to − from + 1} entries
     * @param scratch scratch space of at least {@code to − from} entries
     */
    static void sort(double[] a, int from, int to, int[] counts, double[] scratch) {
        int n = to - from;
        if (n < SMALL) {
            Arrays.sort(a, from, to);
            return;
        }
        double min = smallest(a, from, to);
        double max = largest(a, from, to);
        double range = max - min;
        // zeros (+0 and −0 compare equal but are different doubles), infinities, NaN and equal values: Arrays.sort
        if (!(min > 0) || !(range > 0) || range == Double.POSITIVE_INFINITY) {
            Arrays.sort(a, from, to);
            return;
        }
        spread(a, from, to, min, n / range, counts, scratch);
        // grouped by bucket, so only values within a bucket can be out of order
        a[from] = scratch[0];
        for (int i = 1; i < n; i++) {
            double v = scratch[i];
            int j = from + i - 1;
            while (j >= from && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /**
     * Writes the values of {@code a[from … to)} into {@code scratch[0 … n)}, n = to − from, grouped by
     * bucket in the order of the buckets, and returns {@code counts} holding where bucket b begins at
     * entry b + 1 (it ends where bucket b + 1 begins, the last at n). Bucket b holds the values v with
     * {@code (int) ((v − min) · scale) = b}, the top one also those beyond; the bucket never decreases
     * as v increases (rounding is monotone), so grouping by bucket orders the values but within buckets.
     */
    private static int[] spread(double[] a, int from, int to, double min, double scale, int[] counts, double[] scratch) {
        int n = to - from;
        Arrays.fill(counts, 0, n + 1, 0);
        for (int i = from; i < to; i++) {
            counts[bucket(a[i], min, scale, n) + 1]++;
        }
        // the running sum kept in a register: counts[b] += counts[b − 1] would wait each time for the store before
        int sum = 0;
        for (int b = 1; b <= n; b++) {
            sum += counts[b];
            counts[b] = sum;
        }
        // counts[b + 1] is where bucket b ends; filling each bucket from its end leaves it where it begins
        for (int i = to - 1; i >= from; i--) {
            double v = a[i];
            scratch[--counts[bucket(v, min, scale, n) + 1]] = v;
        }
        return counts;
    }

    /**
     * The smallest of {@code a[from … to)} (+∞ if none), NaN if one is NaN, as {@code Math.min} finds it but
     * that of +0 and −0 either may come: by a comparison per value, whose branch is well predicted (the
     * smallest so far seldom changes), where {@code Math.min} chains several instructions from value to value.
     */
    private static double smallest(double[] a, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double v = a[i];
            if (!(v >= min)) {
                if (v != v) {
                    return v;
                }
                min = v;
            }
        }
        return min;
    }

    /** The largest of {@code a[from … to)} (−∞ if none), NaN if one is NaN, as {@link #smallest} finds the smallest. */
    private static double largest(double[] a, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double v = a[i];
            if (!(v <= max)) {
                if (v != v) {
                    return v;
                }
                max = v;
            }
        }
        return max;
    }

    /** The bucket of v, from 0 to buckets − 1. */
    private static int bucket(double v, double min, double scale, int buckets) {
        return Math.min((int) ((v - min) * scale), buckets - 1);
    }

    /** The value of rank target (from 0) among {@code a[lo … hi]}, by quickselect; reorders them. */
    private static double select(double[] values, int lo, int hi, int target) {
        while (lo < hi) {
            // median of three as the pivot, then Hoare partition
            int mid = (lo + hi) >>> 1;
            double pivot = median(values[lo], values[mid], values[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i++] = values[j];
                    values[j--] = t;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return values[target];
            }
        }
        return values[target];
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
