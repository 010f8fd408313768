package org.trialsim.protocol.validation;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Locale;

/** Range checks on numbers, each reporting a plain sentence when the value is out of range. */
final class Values {
    private final ProblemSink sink;

    Values(ProblemSink sink) {
        this.sink = sink;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        if (v != 0 && Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.5e", v).replaceAll("\\.?0+e", "e").replace("e-0", "e-");
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }

    /** A probability: between 0 and 1. */
    void probability(Double p, JsonPointer at, String what) {
        if (p != null && !(p >= 0 && p <= 1)) {
            sink.error(at, what + " is " + fmt(p) + "; a probability is between 0 and 1");
        }
    }

    /** A fraction strictly inside (0, 1). */
    void openFraction(Double p, JsonPointer at, String what) {
        if (p != null && !(p > 0 && p < 1)) {
            sink.error(at, what + " is " + fmt(p) + "; it must be between 0 and 1 (exclusive)");
        }
    }

    void positive(Number v, JsonPointer at, String what) {
        if (v != null && !(v.doubleValue() > 0)) {
            sink.error(at, what + " is " + fmt(v.doubleValue()) + "; it must be greater than 0");
        }
    }

    void nonNegative(Number v, JsonPointer at, String what) {
        if (v != null && !(v.doubleValue() >= 0)) {
            sink.error(at, what + " is " + fmt(v.doubleValue()) + "; it cannot be negative");
        }
    }

    void atMost(Number v, double max, JsonPointer at, String what) {
        if (v != null && !(v.doubleValue() <= max)) {
            sink.error(at, what + " is " + fmt(v.doubleValue()) + "; it cannot be more than " + fmt(max));
        }
    }

    /** Probabilities that must add up to 1 (within rounding). */
    void sumsToOne(List<Double> ps, JsonPointer at, String what) {
        double sum = 0;
        for (int i = 0; i < ps.size(); i++) {
            Double p = ps.get(i);
            if (p == null) {
                return;
            }
            if (!(p >= 0 && p <= 1)) {
                sink.error(at, what + " include " + fmt(p) + "; a probability is between 0 and 1");
                return;
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            sink.error(at, what + " add up to " + fmt(sum) + "; they must add up to 1");
        }
    }

    /** Strictly increasing numbers. */
    boolean increasing(List<Double> xs, JsonPointer at, String what) {
        for (int i = 1; i < xs.size(); i++) {
            if (xs.get(i - 1) != null && xs.get(i) != null && !(xs.get(i) > xs.get(i - 1))) {
                sink.error(at.appendIndex(i), what + " must increase, but " + fmt(xs.get(i)) + " follows " + fmt(xs.get(i - 1)));
                return false;
            }
        }
        return true;
    }
}
