package org.trialsim.simulator.stats;

/**
 * An exact, mergeable sum of non-negative whole numbers and of their squares, in 128-bit arithmetic,
 * so that a mean and standard deviation come out bit-identical whatever order shards are merged in.
 * Values are whole units of a fixed resolution chosen by the caller (e.g. cents, or thousandths of a day).
 */
public final class ExactSum {
    private long count;
    private long sum;
    private long squaresHigh;
    private long squaresLow;

    /** Adds a non-negative value. */
    public void add(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative: " + value);
        }
        count++;
        sum = Math.addExact(sum, value);
        long low = value * value;
        long high = Math.multiplyHigh(value, value);
        addSquares(high, low);
    }

    private void addSquares(long high, long low) {
        long newLow = squaresLow + low;
        if (Long.compareUnsigned(newLow, squaresLow) < 0) {
            high++;
        }
        squaresLow = newLow;
        squaresHigh = Math.addExact(squaresHigh, high);
    }

    /** Adds another sum's values to this one. */
    public void merge(ExactSum other) {
        count += other.count;
        sum = Math.addExact(sum, other.sum);
        addSquares(other.squaresHigh, other.squaresLow);
    }

    /** The number of values. */
    public long count() {
        return count;
    }

    /** The mean, in the values' units; NaN if empty. */
    public double mean() {
        return count == 0 ? Double.NaN : (double) sum / count;
    }

    /** The sample standard deviation, in the values' units; NaN with fewer than two values. */
    public double standardDeviation() {
        if (count < 2) {
            return Double.NaN;
        }
        // exact integer arithmetic for n*Σx² - (Σx)², then one rounding
        java.math.BigInteger n = java.math.BigInteger.valueOf(count);
        java.math.BigInteger squares = java.math.BigInteger.valueOf(squaresHigh).shiftLeft(64)
                .add(new java.math.BigInteger(Long.toUnsignedString(squaresLow)));
        java.math.BigInteger s = java.math.BigInteger.valueOf(sum);
        java.math.BigInteger numerator = n.multiply(squares).subtract(s.multiply(s));
        double variance = numerator.doubleValue() / ((double) count * (count - 1));
        return Math.sqrt(Math.max(0, variance));
    }

    /** The standard error of the mean: sd / √n. */
    public double standardError() {
        return standardDeviation() / Math.sqrt(count);
    }
}
