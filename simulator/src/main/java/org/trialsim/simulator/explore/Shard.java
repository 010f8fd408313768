package org.trialsim.simulator.explore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.trialsim.simulator.run.IndexRange;

/**
 * Shard {@code index} of {@code count}: the {@code index}-th of {@code count} contiguous, nearly equal
 * slices of a sweep's cells, in the sweep's order; or, cut by replicates, the {@code index}-th of
 * {@code count} slices of the replicates of every cell. The slice depends on the cell count (or the
 * replicates) alone, so every machine given the same sweep and the same {@code K/N} runs the same work.
 *
 * @param index from 1
 * @param count the number of shards, from 1
 * @param by    {@value #REPLICATES} for a slice of every cell's replicates; null for a slice of the cells
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shard(int index, int count, String by) {
    /** The whole sweep: shard 1 of 1. */
    public static final Shard WHOLE = new Shard(1, 1);
    /** What {@link #by} holds for a slice of every cell's replicates. */
    public static final String REPLICATES = "replicates";

    /**
     * @throws IllegalArgumentException unless {@code 1 ≤ index ≤ count}, and {@code by} is null or {@value #REPLICATES}
     */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 ≤ K ≤ N, not " + index + "/" + count);
        }
        if (by != null && !by.equals(REPLICATES)) {
            throw new IllegalArgumentException("a shard is cut by cells (null) or by " + REPLICATES + ", not " + by);
        }
    }

    /** Shard {@code index} of {@code count} of the cells. */
    public Shard(int index, int count) {
        this(index, count, null);
    }

    /** The same shard of every cell's replicates. */
    public Shard ofReplicates() {
        return new Shard(index, count, REPLICATES);
    }

    /** Whether this shard is a slice of every cell's replicates, rather than of the cells. */
    public boolean byReplicates() {
        return by != null;
    }

    /** The replicates {@code [from, to)} of this shard of a cell's replicates: ⌊(K−1)·R/N⌋ to ⌊K·R/N⌋ − 1. */
    public IndexRange replicates(int replicates) {
        if (count > replicates) {
            throw new IllegalArgumentException(replicates + " replicates cannot be cut into " + count + " shards: at most " + replicates
                    + ", one replicate each");
        }
        return new IndexRange((long) (index - 1) * replicates / count, (long) index * replicates / count);
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

    /** The cells {@code [from, to)} of this shard, of {@code cells} in all (at least {@link #count}); every cell when cut by replicates. */
    public IndexRange cells(int cells) {
        if (byReplicates()) {
            return IndexRange.of(cells);
        }
        if (cells < count) {
            throw new IllegalArgumentException("a sweep of " + cells + (cells == 1 ? " cell" : " cells") + " cannot be cut into "
                    + count + " shards: at most " + cells + ", one cell each");
        }
        return new IndexRange((long) (index - 1) * cells / count, (long) index * cells / count);
    }

    /** Whether this is the whole sweep. */
    @JsonIgnore
    public boolean whole() {
        return count == 1 && !byReplicates();
    }

    @Override
    public String toString() {
        return index + "/" + count + (byReplicates() ? " of the replicates" : "");
    }
}
