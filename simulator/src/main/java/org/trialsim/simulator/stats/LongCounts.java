package org.trialsim.simulator.stats;

/**
 * Counts per long key, in an open-addressing hash table of primitive arrays: no boxing, memory
 * proportional to the number of distinct keys. Not thread-safe.
 */
final class LongCounts {
    private static final long EMPTY = Long.MIN_VALUE + 0x5bd1e995L;

    /** What is done with each key and its count. */
    @FunctionalInterface
    interface Visitor {
        void visit(long key, long count);
    }

    private long[] keys = newKeys(16);
    private long[] counts = new long[16];
    private int size;

    /** Adds to the key's count. */
    void add(long key, long count) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("the key " + key + " is reserved");
        }
        int slot = slot(key, keys);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
            if (size * 2 > keys.length) {
                counts[slot] = count;
                grow();
                return;
            }
        }
        counts[slot] += count;
    }

    /** The key's count (0 if absent). */
    long get(long key) {
        int slot = slot(key, keys);
        return keys[slot] == key ? counts[slot] : 0;
    }

    /** The number of distinct keys. */
    int size() {
        return size;
    }

    /** The keys, in no particular order. */
    long[] keys() {
        long[] out = new long[size];
        int j = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                out[j++] = k;
            }
        }
        return out;
    }

    /** Visits every key with its count, in no particular order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], counts[i]);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = newKeys(oldKeys.length * 2);
        counts = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i], keys);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    /** The slot holding the key, or the empty slot where it would go (linear probing). */
    private static int slot(long key, long[] table) {
        int mask = table.length - 1;
        int i = (int) (RandomMix.mix(key) & mask);
        while (table[i] != EMPTY && table[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long[] newKeys(int n) {
        long[] k = new long[n];
        java.util.Arrays.fill(k, EMPTY);
        return k;
    }

    /** A bit mixer so that keys with equal low bits (doubles of small integers) spread over the table. */
    private static final class RandomMix {
        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}
