package org.trialsim.simulator.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The distribution of a stream of finite values in bounded memory: count, exact mean and standard
 * deviation ({@link ExactMoments}), minimum, maximum, and quantiles by R's default definition (type 7,
 * linear interpolation between order statistics).
 *
 * <h2>Exact, then within a relative error of 10⁻⁴</h2>
 * While the values take at most {@value #EXACT_DISTINCT} distinct values, each is counted as it is
 * and every quantile is exact. Beyond that, every value is counted in a logarithmic bucket instead
 * (bucket k holds magnitudes in (γ^(k−1), γ^k] with γ = (1 + α)/(1 − α) and α = {@value #RELATIVE_ACCURACY},
 * as in DDSketch: Masson, Rim and Lee, VLDB 2019), and an order statistic is reported as its bucket's
 * centre, within a relative error α of the true one; the minimum and maximum stay exact. Magnitudes
 * below {@value #SMALLEST} count as zero and those above {@value #LARGEST} in the outermost bucket,
 * which bounds the number of buckets (about 480,000 at most, a few hundred in practice).
 *
 * <p>What the sketch holds depends only on the multiset of values added, never on their order or on
 * how partial sketches were merged, so results are the same for any thread count or split into shards.
 * Not thread-safe: give each worker its own and {@link #merge} them.
 */
public final class QuantileSketch {
    /** Distinct values counted exactly before switching to buckets. */
    public static final int EXACT_DISTINCT = 1 << 16;
    /** The relative accuracy of quantiles once values are bucketed. */
    public static final double RELATIVE_ACCURACY = 1e-4;
    /** Magnitudes below this count as zero once values are bucketed. */
    public static final double SMALLEST = 1e-9;
    /** Magnitudes above this share the outermost bucket once values are bucketed. */
    public static final double LARGEST = 1e12;

    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    private static final int MIN_INDEX = index(SMALLEST);
    private static final int MAX_INDEX = index(LARGEST);

    private ExactMoments moments = new ExactMoments();
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    /** Exact mode: count per distinct value (keyed by its bits); null once bucketed. */
    private LongCounts exact = new LongCounts();
    /** Bucketed mode: counts per bucket of positive and of negative values, and of zeros. */
    private long[] positive;
    private long[] negative;
    private long zeros;

    /**
     * Adds a value.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public void add(double x) {
        moments.add(x);
        min = Math.min(min, x);
        max = Math.max(max, x);
        if (exact != null) {
            exact.add(Double.doubleToLongBits(x == 0 ? 0.0 : x), 1);
            if (exact.size() > EXACT_DISTINCT) {
                toBuckets();
            }
        } else {
            addToBucket(x, 1);
        }
    }

    /** Adds another sketch's values. */
    public void merge(QuantileSketch other) {
        moments.merge(other.moments);
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        if (exact != null && other.exact != null) {
            other.exact.forEach((bits, count) -> exact.add(bits, count));
            if (exact.size() > EXACT_DISTINCT) {
                toBuckets();
            }
            return;
        }
        if (exact != null) {
            toBuckets();
        }
        if (other.exact != null) {
            other.exact.forEach((bits, count) -> addToBucket(Double.longBitsToDouble(bits), count));
        } else {
            for (int k = 0; k < other.positive.length; k++) {
                positive[k] += other.positive[k];
                negative[k] += other.negative[k];
            }
            zeros += other.zeros;
        }
    }

    /**
     * Writes the exact state (docs/shards.md, "the partial tallies"): the moments ({@link ExactMoments#writeTo}),
     * the minimum and maximum (8 bytes each), then a mode byte. Exact (0): the number of distinct values
     * (4 bytes), then each value's bits and count (8 + 8 bytes), in ascending order of the bits. Bucketed (1):
     * the zeros (8 bytes), then for the positive and then the negative buckets the number that are not empty
     * (4 bytes) and each one's index and count (4 + 8 bytes), in ascending order of the index.
     */
    public void writeTo(DataOutput out) throws IOException {
        moments.writeTo(out);
        out.writeLong(Double.doubleToRawLongBits(min));
        out.writeLong(Double.doubleToRawLongBits(max));
        if (exact != null) {
            out.writeByte(0);
            long[] keys = exact.keys();
            Arrays.sort(keys);
            out.writeInt(keys.length);
            for (long key : keys) {
                out.writeLong(key);
                out.writeLong(exact.get(key));
            }
        } else {
            out.writeByte(1);
            out.writeLong(zeros);
            writeBuckets(positive, out);
            writeBuckets(negative, out);
        }
    }

    private static void writeBuckets(long[] buckets, DataOutput out) throws IOException {
        int used = 0;
        for (long c : buckets) {
            used += c == 0 ? 0 : 1;
        }
        out.writeInt(used);
        for (int k = 0; k < buckets.length; k++) {
            if (buckets[k] != 0) {
                out.writeInt(k);
                out.writeLong(buckets[k]);
            }
        }
    }

    /**
     * Reads what {@link #writeTo} wrote: the same state, to the bit.
     *
     * @throws IOException if the input ends early or does not hold a sketch
     */
    public static QuantileSketch readFrom(DataInput in) throws IOException {
        QuantileSketch s = new QuantileSketch();
        s.moments = ExactMoments.readFrom(in);
        s.min = Double.longBitsToDouble(in.readLong());
        s.max = Double.longBitsToDouble(in.readLong());
        long total = 0;
        int mode = in.readByte();
        if (mode == 0) {
            int distinct = in.readInt();
            if (distinct < 0 || distinct > EXACT_DISTINCT) {
                throw new IOException("a sketch of " + distinct + " distinct values (0 to " + EXACT_DISTINCT + ")");
            }
            for (int i = 0; i < distinct; i++) {
                long bits = in.readLong();
                long count = in.readLong();
                double x = Double.longBitsToDouble(bits);
                if (count <= 0 || !Double.isFinite(x) || s.exact.get(bits) != 0) {
                    throw new IOException("a sketch's value " + x + " counted " + count + " times, or twice");
                }
                s.exact.add(bits, count);
                total += count;
            }
        } else if (mode == 1) {
            s.exact = null;
            s.positive = new long[MAX_INDEX - MIN_INDEX + 1];
            s.negative = new long[MAX_INDEX - MIN_INDEX + 1];
            s.zeros = in.readLong();
            total = s.zeros + readBuckets(s.positive, in) + readBuckets(s.negative, in);
        } else {
            throw new IOException("a sketch's mode is " + mode + ", not 0 (exact) or 1 (bucketed)");
        }
        if (total != s.count()) {
            throw new IOException("a sketch counts " + total + " values, its moments " + s.count());
        }
        return s;
    }

    private static long readBuckets(long[] buckets, DataInput in) throws IOException {
        int used = in.readInt();
        if (used < 0 || used > buckets.length) {
            throw new IOException("a sketch of " + used + " buckets (0 to " + buckets.length + ")");
        }
        long total = 0;
        for (int i = 0; i < used; i++) {
            int k = in.readInt();
            long count = in.readLong();
            if (k < 0 || k >= buckets.length || count <= 0 || buckets[k] != 0) {
                throw new IOException("a sketch's bucket " + k + " counted " + count + " times, or twice");
            }
            buckets[k] = count;
            total += count;
        }
        return total;
    }

    /** The number of values. */
    public long count() {
        return moments.count();
    }

    /** The exact mean and standard deviation. */
    public ExactMoments moments() {
        return moments;
    }

    /** The smallest value (+∞ if none). */
    public double min() {
        return min;
    }

    /** The largest value (−∞ if none). */
    public double max() {
        return max;
    }

    /** Whether every quantile is exact (at most {@value #EXACT_DISTINCT} distinct values were seen). */
    public boolean isExact() {
        return exact != null;
    }

    /**
     * The p-quantile by R's type 7: with the values sorted, x[h] interpolated linearly at h = (n − 1)p.
     *
     * @throws IllegalArgumentException unless 0 ≤ p ≤ 1, or if there are no values
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be within [0, 1], not " + p);
        }
        long n = count();
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double h = (n - 1) * p;
        long lo = (long) Math.floor(h);
        long hi = Math.min(n - 1, lo + 1);
        double[] values = orderStatistics(lo, hi);
        return values[0] + (h - lo) * (values[1] - values[0]);
    }

    /** The order statistics lo and hi (from 0), exact or as bucket centres; the extremes are always exact. */
    private double[] orderStatistics(long lo, long hi) {
        double[] out = new double[2];
        long[] wanted = {lo, hi};
        if (exact != null) {
            long[] keys = exact.keys();
            double[] sorted = new double[keys.length];
            for (int i = 0; i < keys.length; i++) {
                sorted[i] = Double.longBitsToDouble(keys[i]);
            }
            Arrays.sort(sorted);
            for (int w = 0; w < 2; w++) {
                long seen = 0;
                for (double v : sorted) {
                    seen += exact.get(Double.doubleToLongBits(v));
                    if (seen > wanted[w]) {
                        out[w] = v;
                        break;
                    }
                }
            }
            return out;
        }
        long n = count();
        for (int w = 0; w < 2; w++) {
            long rank = wanted[w];
            if (rank == 0) {
                out[w] = min;
            } else if (rank == n - 1) {
                out[w] = max;
            } else {
                out[w] = bucketValue(rank);
            }
        }
        return out;
    }

    /** The centre of the bucket holding the order statistic of the given rank, in bucketed mode. */
    private double bucketValue(long rank) {
        long seen = 0;
        for (int k = negative.length - 1; k >= 0; k--) {
            seen += negative[k];
            if (seen > rank) {
                return -centre(k + MIN_INDEX);
            }
        }
        seen += zeros;
        if (seen > rank) {
            return 0;
        }
        for (int k = 0; k < positive.length; k++) {
            seen += positive[k];
            if (seen > rank) {
                return centre(k + MIN_INDEX);
            }
        }
        return max;
    }

    private void toBuckets() {
        LongCounts counts = exact;
        exact = null;
        positive = new long[MAX_INDEX - MIN_INDEX + 1];
        negative = new long[MAX_INDEX - MIN_INDEX + 1];
        counts.forEach((bits, count) -> addToBucket(Double.longBitsToDouble(bits), count));
    }

    private void addToBucket(double x, long count) {
        double magnitude = Math.abs(x);
        if (magnitude < SMALLEST) {
            zeros += count;
            return;
        }
        int k = Math.min(MAX_INDEX, index(magnitude)) - MIN_INDEX;
        if (x > 0) {
            positive[k] += count;
        } else {
            negative[k] += count;
        }
    }

    /** The bucket of a positive magnitude: the k with γ^(k−1) < m ≤ γ^k. */
    private static int index(double magnitude) {
        return (int) Math.ceil(Math.log(magnitude) / LOG_GAMMA);
    }

    /** The value that represents bucket k: within relative error α of every magnitude in it. */
    private static double centre(int k) {
        return 2 * Math.pow(GAMMA, k) / (GAMMA + 1);
    }
}
