package org.trialsim.simulator.calibration;

import java.util.Locale;
import org.trialsim.protocol.validation.NumericParameter;

/**
 * A parameter a fit changes: a number of the protocol named by its {@code --set} path, its value before
 * the fit, the bounds the search keeps to, and (after a fit) the value found.
 *
 * @param path   the dotted path, as {@code --set} takes it
 * @param start  the value the protocol gives
 * @param lower  the lowest value tried
 * @param upper  the highest value tried
 * @param fitted the value found, rounded to four significant digits; NaN before the fit
 */
public record FitParameter(String path, double start, double lower, double upper, double fitted) {

    public FitParameter {
        if (!(lower < upper) || !(start >= lower && start <= upper)) {
            throw new IllegalArgumentException(path + ": the bounds " + lower + ":" + upper + " must be increasing and hold the value "
                    + start);
        }
    }

    /** A parameter to fit, from its value and bounds. */
    public static FitParameter of(String path, double start, double lower, double upper) {
        return new FitParameter(path, start, lower, upper, Double.NaN);
    }

    /**
     * A parameter of the protocol to fit, within the bounds given or, where none are, within its field's
     * whole range (the ends the range excludes moved inside it by the least amount).
     *
     * @param parameter the number at a path of the protocol
     * @param lower     the lowest value to try, or null for the range's
     * @param upper     the highest value to try, or null for the range's
     * @throws IllegalArgumentException with a plain message naming the path if a bound lies outside the
     *         field's range, the bounds are not increasing, or the protocol's value lies outside them
     */
    public static FitParameter within(NumericParameter parameter, Double lower, Double upper) {
        String path = parameter.path();
        double lo = lower != null ? lower : parameter.range().minExcluded() ? Math.nextUp(parameter.range().min()) : parameter.range().min();
        double hi = upper != null ? upper : parameter.range().maxExcluded() ? Math.nextDown(parameter.range().max())
                : parameter.range().max();
        for (double bound : new double[] {lo, hi}) {
            if (!parameter.allows(bound)) {
                throw new IllegalArgumentException("the bound " + Fitting.number(bound) + " of " + path + " lies outside its range: "
                        + path + " must be " + parameter.rangeText());
            }
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException("the bounds of " + path + " must be increasing, not " + Fitting.number(lo) + ":"
                    + Fitting.number(hi));
        }
        if (!(parameter.value() >= lo && parameter.value() <= hi)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the protocol's %s, %s, lies outside the bounds %s:%s;"
                    + " a fit starts from the protocol's value, so the bounds must hold it", path, Fitting.number(parameter.value()),
                    Fitting.number(lo), Fitting.number(hi)));
        }
        return of(path, parameter.value(), lo, hi);
    }

    FitParameter withFitted(double value) {
        return new FitParameter(path, start, lower, upper, value);
    }

    /** The value at a point of the unit interval that the search works in. */
    double at(double unit) {
        return lower + unit * (upper - lower);
    }

    /** The point of the unit interval of a value. */
    double unit(double value) {
        return (value - lower) / (upper - lower);
    }
}
