package org.trialsim.simulator.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * The count, mean and standard deviation of a stream of finite values, from their exact sum and the
 * exact sum of their squares. Sums are kept without rounding error as a short list of non-overlapping
 * doubles (Shewchuk, "Adaptive precision floating-point arithmetic", Discrete Comput. Geom. 18, 1997,
 * the algorithm behind Python's {@code math.fsum}), and squares are split exactly with a fused
 * multiply-add. The mean is the correctly rounded sum over the count, and the variance comes from the
 * exact sums in decimal arithmetic, so both are the same bits whatever the order in which values were
 * added or partial results merged: shards and threads cannot change them. Memory is a few dozen
 * doubles whatever the number of values.
 *
 * <p>Not thread-safe: give each worker its own and {@link #merge} them.
 */
public final class ExactMoments {
    /** Non-overlapping doubles span at most the exponent range of doubles: 2,098 binary orders of magnitude. */
    private static final int MAX_PARTIALS = 2_100;

    private long count;
    private final Partials sum = new Partials();
    private final Partials squares = new Partials();

    /**
     * Adds a value.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public void add(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("values must be finite, not " + x);
        }
        count++;
        sum.add(x);
        double square = x * x;
        squares.add(square);
        squares.add(Math.fma(x, x, -square));
    }

    /** Adds another accumulator's values. */
    public void merge(ExactMoments other) {
        count += other.count;
        sum.addAll(other.sum);
        squares.addAll(other.squares);
    }

    /** The number of values. */
    public long count() {
        return count;
    }

    /** The mean, correctly rounded from the exact sum; NaN if there are no values. */
    public double mean() {
        return count == 0 ? Double.NaN : sum.rounded() / count;
    }

    /** The sample standard deviation (divisor n − 1); NaN with fewer than two values. */
    public double standardDeviation() {
        if (count < 2) {
            return Double.NaN;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal s1 = sum.exact();
        BigDecimal numerator = n.multiply(squares.exact()).subtract(s1.multiply(s1));
        double variance = numerator.divide(n.multiply(BigDecimal.valueOf(count - 1)), MathContext.DECIMAL128).doubleValue();
        return Math.sqrt(Math.max(0, variance));
    }

    /** The Monte Carlo standard error of the mean, sd / √n; NaN with fewer than two values. */
    public double standardError() {
        return standardDeviation() / Math.sqrt(count);
    }

    /**
     * Writes the exact state (docs/shards.md, "the partial tallies"): the count (8 bytes), then the sum's
     * and the squares' partials, each as their number (4 bytes) and the doubles' bits (8 bytes each).
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(count);
        sum.writeTo(out);
        squares.writeTo(out);
    }

    /**
     * Reads what {@link #writeTo} wrote: the same state, to the bit.
     *
     * @throws IOException if the input ends early or does not hold exact partial sums
     */
    public static ExactMoments readFrom(DataInput in) throws IOException {
        ExactMoments m = new ExactMoments();
        m.count = in.readLong();
        if (m.count < 0) {
            throw new IOException("a negative count of values (" + m.count + ")");
        }
        m.sum.readFrom(in);
        m.squares.readFrom(in);
        return m;
    }

    /** An exact sum as non-overlapping partial sums, smallest magnitude first. */
    private static final class Partials {
        private double[] p = new double[8];
        private int n;

        void add(double value) {
            double x = value;
            int i = 0;
            for (int j = 0; j < n; j++) {
                double y = p[j];
                if (Math.abs(x) < Math.abs(y)) {
                    double t = x;
                    x = y;
                    y = t;
                }
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0) {
                    p[i++] = lo;
                }
                x = hi;
            }
            if (!Double.isFinite(x)) {
                throw new ArithmeticException("a sum overflowed the range of doubles");
            }
            if (i == p.length) {
                p = Arrays.copyOf(p, p.length * 2);
            }
            p[i++] = x;
            n = i;
        }

        void addAll(Partials other) {
            for (int j = 0; j < other.n; j++) {
                add(other.p[j]);
            }
        }

        void writeTo(DataOutput out) throws IOException {
            out.writeInt(n);
            for (int j = 0; j < n; j++) {
                out.writeLong(Double.doubleToRawLongBits(p[j]));
            }
        }

        /** Reads partials written by {@link #writeTo}; a sum has at most a few dozen (2,100 bound a double's exponent range). */
        void readFrom(DataInput in) throws IOException {
            int count = in.readInt();
            if (count < 0 || count > MAX_PARTIALS) {
                throw new IOException("a sum of " + count + " partials (0 to " + MAX_PARTIALS + ")");
            }
            p = new double[Math.max(8, count)];
            for (int j = 0; j < count; j++) {
                p[j] = Double.longBitsToDouble(in.readLong());
                if (!Double.isFinite(p[j])) {
                    throw new IOException("a partial sum that is not finite");
                }
            }
            n = count;
        }

        /** The exact sum. */
        BigDecimal exact() {
            BigDecimal s = BigDecimal.ZERO;
            for (int j = 0; j < n; j++) {
                s = s.add(new BigDecimal(p[j]));
            }
            return s;
        }

        /** The sum correctly rounded to a double (ties to even), as Python's fsum rounds it. */
        double rounded() {
            if (n == 0) {
                return 0;
            }
            int k = n;
            double hi = p[--k];
            double lo = 0;
            while (k > 0) {
                double x = hi;
                double y = p[--k];
                hi = x + y;
                lo = y - (hi - x);
                if (lo != 0) {
                    break;
                }
            }
            // half-even rounding across partials: a lower partial of the same sign as lo breaks the tie
            if (k > 0 && ((lo < 0 && p[k - 1] < 0) || (lo > 0 && p[k - 1] > 0))) {
                double y = lo * 2;
                double x = hi + y;
                if (y == x - hi) {
                    hi = x;
                }
            }
            return hi;
        }
    }
}
