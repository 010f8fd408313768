package org.trialsim.simulator.trial;

/**
 * Ordering on primitive arrays without boxing, for the per-replicate work of the trial engine: a
 * stable sort of indices by a key, and the k-th smallest of some values.
 */
final class Ordering {
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
        int target = k - 1;
        int lo = 0;
        int hi = count - 1;
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
