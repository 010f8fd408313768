package org.trialsim.protocol.validation;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.Range;

/** Range checks on numbers, each reporting a plain sentence when the value is out of range. */
final class Values {
    private final ProblemSink sink;

    Values(ProblemSink sink) {
        this.sink = sink;
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "not a number";
        }
        if (Double.isInfinite(v)) {
            // what a file gets for 1e309 or .inf
            return (v > 0 ? "" : "-") + "infinite (beyond about 1.8e308)";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, v != 0 && Math.abs(v) < 1e-3 ? "%.5e" : "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("\\.?0+$", "");
        }
        return e < 0 ? mantissa : mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /** A number with every digit it has, without an exponent: for a sum that may pass a limit by a little. */
    static String exact(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : fmt(v);
    }

    /**
     * A number against its field's range, reporting "NAME is VALUE; it must be RANGE (WHY)" if it is
     * outside (NaN and the infinities are).
     *
     * @return whether it is inside
     */
    boolean inRange(Number value, Range range, JsonPointer at, String name) {
        double v = value.doubleValue();
        if (contains(range, v)) {
            return true;
        }
        sink.error(at, name + " is " + fmt(v) + "; it must be " + describe(range) + " (" + range.why() + ")");
        return false;
    }

    static boolean contains(Range range, double v) {
        return (range.minExcluded() ? v > range.min() : v >= range.min()) && (range.maxExcluded() ? v < range.max() : v <= range.max());
    }

    /** The range in words: "from 0 to 1", "above 0 and at most 1", ... */
    static String describe(Range range) {
        String min = fmt(range.min());
        String max = fmt(range.max());
        if (!range.minExcluded() && !range.maxExcluded()) {
            return "from " + min + " to " + max;
        }
        return (range.minExcluded() ? "above " : "at least ") + min + " and " + (range.maxExcluded() ? "below " : "at most ") + max;
    }

    /** Probabilities that must add up to 1 (within rounding); one outside [0, 1] is reported with its field. */
    void sumsToOne(List<Double> ps, JsonPointer at, String what) {
        double sum = 0;
        for (Double p : ps) {
            if (p == null || !(p >= 0 && p <= 1)) {
                return;
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            sink.error(at, what + " add up to " + fmt(sum) + "; they must add up to 1");
        }
    }

    /** Strictly increasing numbers; those that are not finite are reported with their field. */
    boolean increasing(List<Double> xs, JsonPointer at, String what) {
        for (int i = 1; i < xs.size(); i++) {
            if (finite(xs.get(i - 1)) && finite(xs.get(i)) && !(xs.get(i) > xs.get(i - 1))) {
                sink.error(at.appendIndex(i), what + " must increase, but " + fmt(xs.get(i)) + " follows " + fmt(xs.get(i - 1)));
                return false;
            }
        }
        return true;
    }

    private static boolean finite(Double x) {
        return x != null && Double.isFinite(x);
    }
}
