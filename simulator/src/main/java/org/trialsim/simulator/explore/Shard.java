package org.trialsim.simulator.explore;

import org.trialsim.simulator.run.IndexRange;

/**
 * Shard {@code index} of {@code count}: the {@code index}-th of {@code count} contiguous, nearly equal
 * slices of a sweep's cells, in the sweep's order. The slice depends on the cell count alone, so every
 * machine given the same sweep and the same {@code K/N} runs the same cells.
 *
 * @param index from 1
 * @param count the number of shards, from 1
 */
public record Shard(int index, int count) {
    /** The whole sweep: shard 1 of 1. */
    public static final Shard WHOLE = new Shard(1, 1);

    /**
     * @throws IllegalArgumentException unless {@code 1 ≤ index ≤ count}
     */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 ≤ K ≤ N, not " + index + "/" + count);
        }
    }

    /**
     * Reads {@code K/N}.
     *
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2 || !parts[0].strip().matches("[0-9]{1,9}") || !parts[1].strip().matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("a shard is K/N, two whole numbers with 1 ≤ K ≤ N (e.g. 2/3), not '" + text + "'");
        }
        return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    }

    /** The cells {@code [from, to)} of this shard, of {@code cells} in all (at least {@link #count}). */
    public IndexRange cells(int cells) {
        if (cells < count) {
            throw new IllegalArgumentException("a sweep of " + cells + (cells == 1 ? " cell" : " cells") + " cannot be cut into "
                    + count + " shards: at most " + cells + ", one cell each");
        }
        return new IndexRange((long) (index - 1) * cells / count, (long) index * cells / count);
    }

    /** Whether this is the whole sweep. */
    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
