package org.trialsim.simulator.run;

/**
 * The indices {@code [from, to)} of a unit of work: patients of a cohort, replicates of a trial,
 * simulated escalation trials. What index i simulates depends on i and the seed alone, so a range can
 * run on any thread, in any process, at any time, and its partial result merges with its neighbours'.
 *
 * @param from the first index
 * @param to   one past the last index
 */
public record IndexRange(long from, long to) {

    /**
     * @throws IllegalArgumentException unless {@code 0 ≤ from ≤ to}
     */
    public IndexRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("an index range needs 0 ≤ from ≤ to, not [" + from + ", " + to + ")");
        }
    }

    /** The indices {@code [0, count)}. */
    public static IndexRange of(long count) {
        return new IndexRange(0, count);
    }

    /** The number of indices. */
    public long size() {
        return to - from;
    }

    /** The number of chunks of the given size that cover the range (the last one may be shorter). */
    long chunks(int chunkSize) {
        return (size() + chunkSize - 1) / chunkSize;
    }

    /** The k-th chunk of the given size. */
    IndexRange chunk(long k, int chunkSize) {
        long start = from + k * chunkSize;
        return new IndexRange(start, Math.min(to, start + chunkSize));
    }
}
