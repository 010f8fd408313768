package org.trialsim.simulator.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A compact codec of non-negative counts (docs/shards.md, "the cohort's partial tallies"): a count as an
 * unsigned variable-length integer (seven bits a byte, low bits first, the high bit set on every byte but
 * the last: 1 byte below 128, at most 9), and an array of counts as its length and then runs of zeros,
 * each run's length followed by the non-zero count that ends it. A cohort's tallies are mostly zeros
 * (day bins without an event, decision routes not taken), so they take a byte or two where a fixed
 * {@code long} takes eight.
 */
public final class CountCodec {
    private CountCodec() {
    }

    /**
     * Writes a non-negative count.
     *
     * @throws IllegalArgumentException if it is negative
     */
    public static void writeCount(DataOutput out, long count) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("a count must not be negative: " + count);
        }
        long v = count;
        while (v >= 0x80) {
            out.writeByte((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    /**
     * Reads a count written by {@link #writeCount}.
     *
     * @throws IOException if the input ends early or the count takes more than nine bytes (2^63 or more)
     */
    public static long readCount(DataInput in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("a count of more than nine bytes");
    }

    /** Writes an array of non-negative counts: its length, then runs of zeros each ended by a non-zero count. */
    public static void writeCounts(DataOutput out, long[] counts) throws IOException {
        writeCount(out, counts.length);
        int zeros = 0;
        for (long c : counts) {
            if (c == 0) {
                zeros++;
            } else {
                writeCount(out, zeros);
                writeCount(out, c);
                zeros = 0;
            }
        }
        if (zeros > 0) {
            writeCount(out, zeros);
        }
    }

    /**
     * Reads counts written by {@link #writeCounts} into an array of the length expected, adding them to
     * what it holds.
     *
     * @param what names the counts in a message
     * @throws IOException if the length is not the expected one, or the runs do not fit it
     */
    public static void addCounts(DataInput in, long[] into, String what) throws IOException {
        long length = readCount(in);
        if (length != into.length) {
            throw new IOException(what + ": " + length + " counts where " + into.length + " were expected");
        }
        int i = 0;
        while (i < into.length) {
            long zeros = readCount(in);
            if (zeros > into.length - i) {
                throw new IOException(what + ": a run of zeros beyond the end of the counts");
            }
            i += (int) zeros;
            if (i < into.length) {
                long c = readCount(in);
                if (c == 0) {
                    throw new IOException(what + ": a run of zeros ended by a zero");
                }
                into[i] = Math.addExact(into[i], c);
                i++;
            }
        }
    }
}
