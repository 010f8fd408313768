package org.trialsim.simulator.design.sizing;

import java.util.Arrays;

/**
 * The shape of enrolment over calendar months, as a protocol's {@code design.accrual} gives it: a rate
 * that rises linearly from 0 over a ramp-up while sites open, then is constant, and may change to other
 * constant rates from given months on. Rates are patients a month when the accrual duration is solved from
 * them; when the duration is given, only their proportions matter. Immutable.
 */
public final class Accrual {
    private final double rate;
    private final double ramp;
    private final double[] changeMonths;
    private final double[] changeRates;

    private Accrual(double rate, double ramp, double[] changeMonths, double[] changeRates) {
        this.rate = rate;
        this.ramp = ramp;
        this.changeMonths = changeMonths;
        this.changeRates = changeRates;
    }

    /** Uniform enrolment at one patient a month. */
    public static Accrual uniform() {
        return of(1, 0, new double[0], new double[0]);
    }

    /**
     * An accrual shape.
     *
     * @param patientsPerMonth the rate after the ramp-up, &gt; 0 and finite
     * @param rampUpMonths     months of the linear ramp-up, &ge; 0 (0 for none)
     * @param changeMonths     months at which the rate changes, increasing, the first at or after the ramp-up
     * @param changeRates      the rate from each of those months on, each &ge; 0, the last &gt; 0
     * @return the shape
     */
    public static Accrual of(double patientsPerMonth, double rampUpMonths, double[] changeMonths, double[] changeRates) {
        if (!(patientsPerMonth > 0) || patientsPerMonth == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the accrual rate must be finite and > 0; got " + patientsPerMonth);
        }
        if (!(rampUpMonths >= 0) || rampUpMonths == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the ramp-up must be finite and >= 0 months; got " + rampUpMonths);
        }
        if (changeMonths.length != changeRates.length) {
            throw new IllegalArgumentException("each change of the accrual rate needs a month and a rate");
        }
        double previous = rampUpMonths;
        for (int i = 0; i < changeMonths.length; i++) {
            double m = changeMonths[i];
            if (!(i == 0 ? m >= previous : m > previous) || m == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("the changes of the accrual rate must be finite and increasing, the first at or"
                        + " after the end of the ramp-up (month " + rampUpMonths + "); got " + Arrays.toString(changeMonths));
            }
            previous = m;
            if (!(changeRates[i] >= 0) || changeRates[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("accrual rates must be finite and >= 0; got " + Arrays.toString(changeRates));
            }
        }
        if (changeRates.length > 0 && changeRates[changeRates.length - 1] == 0) {
            throw new IllegalArgumentException("the last accrual rate must be above 0, or accrual would stop for good");
        }
        return new Accrual(patientsPerMonth, rampUpMonths, changeMonths.clone(), changeRates.clone());
    }

    /** Months where the intensity has a kink or a jump. */
    double[] kinks() {
        double[] all = Arrays.copyOf(changeMonths, changeMonths.length + 1);
        all[changeMonths.length] = ramp;
        return all;
    }

    /** Patients a month at month t. */
    double intensity(double t) {
        if (t < ramp) {
            return rate * t / ramp;
        }
        double r = rate;
        for (int i = 0; i < changeMonths.length && t >= changeMonths[i]; i++) {
            r = changeRates[i];
        }
        return r;
    }

    /** Patients enrolled by month t. */
    double patientsBy(double t) {
        if (!(t > 0)) {
            return 0;
        }
        if (t <= ramp) {
            return rate * t * t / (2 * ramp);
        }
        double total = rate * ramp / 2;
        double from = ramp;
        double r = rate;
        for (int i = 0; i < changeMonths.length && changeMonths[i] < t; i++) {
            total += r * (changeMonths[i] - from);
            from = changeMonths[i];
            r = changeRates[i];
        }
        return total + r * (t - from);
    }
}
