package org.trialsim.simulator.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;

/**
 * An exact, mergeable sum of non-negative whole numbers and of their squares, both in 128-bit
 * arithmetic, so that a mean and standard deviation come out bit-identical whatever order shards are
 * merged in. Values are whole units of a fixed resolution chosen by the caller (e.g. cents, or
 * thousandths of a day).
 *
 * <p>Exact as long as the sum of squares stays below 2^127: n values of at most v each need
 * n·v² &lt; 1.7e38, e.g. 10^10 values up to 10^13 (a cost of 10^11 in hundredths, the bound validation
 * sets on a patient's blocks, {@code Range.MAX_COST}). Beyond it {@link #add} and {@link #merge} throw
 * rather than wrap.
 */
public final class ExactSum {
    private long count;
    private long sumHigh;
    private long sumLow;
    private long squaresHigh;
    private long squaresLow;

    /** Adds a non-negative value. */
    public void add(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative: " + value);
        }
        count++;
        long newSum = sumLow + value;
        if (Long.compareUnsigned(newSum, sumLow) < 0) {
            sumHigh = Math.addExact(sumHigh, 1);
        }
        sumLow = newSum;
        long low = value * value;
        long high = Math.multiplyHigh(value, value);
        addSquares(high, low);
    }

    private void addSquares(long high, long low) {
        long newLow = squaresLow + low;
        if (Long.compareUnsigned(newLow, squaresLow) < 0) {
            high = Math.addExact(high, 1);
        }
        squaresLow = newLow;
        squaresHigh = Math.addExact(squaresHigh, high);
    }

    /** Adds another sum's values to this one. */
    public void merge(ExactSum other) {
        count += other.count;
        long newSum = sumLow + other.sumLow;
        long carry = Long.compareUnsigned(newSum, sumLow) < 0 ? 1 : 0;
        sumLow = newSum;
        sumHigh = Math.addExact(Math.addExact(sumHigh, other.sumHigh), carry);
        addSquares(other.squaresHigh, other.squaresLow);
    }

    /** The number of values. */
    public long count() {
        return count;
    }

    /** The mean, in the values' units; NaN if empty. */
    public double mean() {
        if (count == 0) {
            return Double.NaN;
        }
        // one rounding of the exact sum, as (double) of a long when it fits in one
        return sumHigh == 0 && sumLow >= 0 ? (double) sumLow / count : wide(sumHigh, sumLow).doubleValue() / count;
    }

    /** The sample standard deviation, in the values' units; NaN with fewer than two values. */
    public double standardDeviation() {
        if (count < 2) {
            return Double.NaN;
        }
        // exact integer arithmetic for n*Σx² - (Σx)², then one rounding
        BigInteger n = BigInteger.valueOf(count);
        BigInteger s = wide(sumHigh, sumLow);
        BigInteger numerator = n.multiply(wide(squaresHigh, squaresLow)).subtract(s.multiply(s));
        double variance = numerator.doubleValue() / ((double) count * (count - 1));
        return Math.sqrt(Math.max(0, variance));
    }

    /** The standard error of the mean: sd / √n. */
    public double standardError() {
        return standardDeviation() / Math.sqrt(count);
    }

    /** Writes the exact state: the count, the sum's and the squares' two halves (five longs, 40 bytes). */
    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeLong(sumHigh);
        out.writeLong(sumLow);
        out.writeLong(squaresHigh);
        out.writeLong(squaresLow);
    }

    /**
     * Reads what {@link #writeTo} wrote: the same state, to the bit.
     *
     * @throws IOException if the input ends early or holds a negative count or sum
     */
    public static ExactSum readFrom(DataInput in) throws IOException {
        ExactSum s = new ExactSum();
        s.count = in.readLong();
        s.sumHigh = in.readLong();
        s.sumLow = in.readLong();
        s.squaresHigh = in.readLong();
        s.squaresLow = in.readLong();
        if (s.count < 0 || s.sumHigh < 0 || s.squaresHigh < 0) {
            throw new IOException("an exact sum with a negative count or total");
        }
        return s;
    }

    private static BigInteger wide(long high, long low) {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }
}
