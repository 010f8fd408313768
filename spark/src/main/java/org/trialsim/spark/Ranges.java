package org.trialsim.spark;

import org.trialsim.simulator.run.IndexRange;

/** How a run of {@code count} indices is cut into {@code parts} contiguous ranges, the same way on the driver and the executors. */
final class Ranges {
    private Ranges() {
    }

    /** The k-th of n ranges of [0, count): ⌊k·count/n⌋ to ⌊(k+1)·count/n⌋, as {@code --shard} cuts. */
    static IndexRange range(int k, int parts, long count) {
        return new IndexRange(k * count / parts, (k + 1) * count / parts);
    }
}
