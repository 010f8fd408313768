package org.trialsim.cli.report;

import java.util.Locale;
import org.trialsim.cli.report.html.FixedPoint;

/**
 * The number formats of the reports (tables and CSV) and of the messages that echo a value, in
 * Locale.ROOT, so that no locale writes 0,05 or 1.000; only a table's fixed-width columns (the Simon
 * tables' {@code %8.4f}, the flow's {@code %5.1f%%}) stay with the table's layout. Outputs that format
 * a number alike share a method. Where two outputs format differently on purpose, each way has its own
 * method saying what it is for: a parameter is echoed as it was given, a protocol's figure as its
 * author wrote it, an estimate rounded where its Monte Carlo error says the digits stop meaning
 * anything. A figure that cannot be computed (no patient, one patient, no event) reads {@value #NONE}.
 */
public final class Numbers {
    /** What a table shows for a figure that cannot be computed. */
    static final String NONE = "–";

    private Numbers() {
    }

    /** A count with thousands separators: 100,000. */
    public static String count(long n) {
        // what String.format(Locale.ROOT, "%,d", n) writes, without its parsing: an HTML page writes thousands
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder s = new StringBuilder(digits.length() + length / 3);
        s.append(digits, 0, sign + (length - 1) % 3 + 1);
        for (int i = sign + (length - 1) % 3 + 1; i < digits.length(); i += 3) {
            s.append(',').append(digits, i, i + 3);
        }
        return s.toString();
    }

    /**
     * A number with up to the given decimals, trailing zeros dropped and never "-0": 0.05, 10, 3.75.
     * For parameters echoed in the calculators' output, where a fixed count of decimals would invent
     * precision (0.050000) or hide it.
     */
    public static String trimmed(double v, int maxDecimals) {
        String s = FixedPoint.format(v, maxDecimals, false);
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            s = s.substring(0, s.charAt(end - 1) == '.' ? end - 1 : end);
        }
        return s.equals("-0") ? "0" : s;
    }

    /** A parameter echoed as it was given (an option's value, a design's rate): {@link #trimmed} to six decimals, 0.05, 28, 0.125. */
    public static String given(double v) {
        return trimmed(v, 6);
    }

    /** A probability that is a parameter, in percent with up to two decimals: 25%, 12.5%, 3.75% (the escalation's DLT probabilities). */
    static String givenPercent(double p) {
        return trimmed(100 * p, 2) + "%";
    }

    /** A number with a fixed count of decimals and thousands separators, {@value #NONE} when not finite: 1,234.5 (the trial table). */
    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        return FixedPoint.format(v, decimals, true);
    }

    /** A part of a whole in percent with one decimal, {@value #NONE} when the whole is 0: 35.7% (screening and flow counts). */
    static String percentOf(long part, long whole) {
        return whole == 0 ? NONE : FixedPoint.format(100.0 * part / whole, 1, false) + "%";
    }

    /**
     * An estimated proportion in percent with its 95% interval, one decimal each: 35.7 (34.1–37.3).
     * {@value #NONE} when the estimate is not finite; the estimate alone when its interval is not (a
     * survival curve's last point).
     */
    static String percentInterval(double estimate, double lower, double upper) {
        if (!Double.isFinite(estimate)) {
            return NONE;
        }
        if (!Double.isFinite(lower)) {
            return FixedPoint.format(100 * estimate, 1, false);
        }
        return FixedPoint.format(100 * estimate, 1, false) + " (" + FixedPoint.format(100 * lower, 1, false) + "–"
                + FixedPoint.format(100 * upper, 1, false) + ")";
    }

    /**
     * A probability in percent and its standard error in percentage points, one decimal each: 80.3% ± 0.9
     * (the trial table, whose replicates are few enough that one decimal always means something).
     * {@value #NONE} when the probability is not finite.
     */
    static String percentPlusMinus(double p, double standardError) {
        if (!Double.isFinite(p)) {
            return NONE;
        }
        return FixedPoint.format(100 * p, 1, false) + "% ± " + FixedPoint.format(100 * standardError, 1, false);
    }

    /**
     * A mean and its spread (standard deviation or error), each in the String.format pattern given, e.g.
     * {@code %.1f} or {@code %,.0f}: 14.2 ± 3.1. Either reads {@value #NONE} when it cannot be computed
     * (no patient, or one).
     */
    static String meanPlusMinus(double mean, double spread, String pattern) {
        return (Double.isFinite(mean) ? String.format(Locale.ROOT, pattern, mean) : NONE) + " ± "
                + (Double.isFinite(spread) ? String.format(Locale.ROOT, pattern, spread) : NONE);
    }

    /**
     * A Monte Carlo estimate as "value ± se", rounded where the standard error says the digits stop
     * meaning anything: to its first significant digit, or its first two when that digit is 1 (so
     * 36.2 ± 1.1, 250.3 ± 0.7), and at most {@code maxDecimals} decimals; "± 0" when every replicate
     * agreed. For the calculators, whose replicate counts range over orders of magnitude.
     */
    static String estimate(double value, double se, int maxDecimals) {
        int decimals;
        if (se > 0) {
            int exponent = (int) Math.floor(Math.log10(se));
            double lead = se / Math.pow(10, exponent);
            decimals = Math.max(0, Math.min(maxDecimals, -exponent + (lead < 2 ? 1 : 0)));
        } else {
            decimals = Math.min(2, maxDecimals);
        }
        String v = FixedPoint.format(value, decimals, false);
        if (v.startsWith("-") && v.chars().allMatch(c -> c == '-' || c == '0' || c == '.')) {
            v = v.substring(1);
        }
        String e = se > 0 ? FixedPoint.format(se, decimals, false) : "0";
        return v + " ± " + e;
    }

    /** A probability {@link #estimate} in percent, as "35.7 ± 0.3%". */
    static String percentEstimate(double p, double se) {
        return estimate(100 * p, 100 * se, 3) + "%";
    }

    /** Years after enrolment, for landmarks: 1 year, 2 years, 1.5 years. */
    static String years(double y) {
        if (y == Math.rint(y)) {
            return (long) y + (y == 1 ? " year" : " years");
        }
        return FixedPoint.format(y, 1, false) + " years";
    }

    /**
     * An MRD level in the cohort table's row labels ("negative (< 1e-4)", "below 0.01"): one significant
     * digit in scientific notation below 10^-3, else up to four significant digits.
     */
    static String mrdLevel(double v) {
        if (v < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-");
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }

    /**
     * A protocol's figure as its author wrote it, for {@code show}: whole numbers whole (365), below
     * 10^-3 in scientific notation with up to four significant digits (2.5e-4; MRD levels read best so),
     * else up to four significant digits (0.125); "?" when absent.
     */
    static String parameter(Double v) {
        if (v == null) {
            return "?";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.valueOf(v.longValue());
        }
        if (Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e").replace("e-0", "e-");
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }

    /** A protocol's figure with its sign, for a shift: +1.5, -2, 0. */
    static String signedParameter(Double v) {
        return v != null && v > 0 ? "+" + parameter(v) : parameter(v);
    }

    /**
     * A protocol's probability in percent, for {@code show}: one decimal from 10% or when whole
     * (12.5%, 5%), two significant digits below 10% (0.25%, 3.8%), trailing zeros dropped; "?" when absent.
     */
    static String parameterPercent(Double p) {
        if (p == null) {
            return "?";
        }
        double v = p * 100;
        String s = v >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2g", v);
        return (s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s) + "%";
    }

    /** A protocol's time point in days, for {@code show}: whole years of 365 days as years (2 years), else days (100 days). */
    static String parameterDays(double d) {
        if (d % 365 == 0) {
            long years = (long) (d / 365);
            return years + (years == 1 ? " year" : " years");
        }
        return parameter(d) + " days";
    }

    /**
     * A number in a CSV field, exact enough to compute with: whole numbers as integers (below 10^15),
     * others to six significant digits with trailing zeros dropped (0.123457, 1.5e-05).
     */
    static String csv(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }
}
