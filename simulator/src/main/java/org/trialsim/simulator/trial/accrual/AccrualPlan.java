package org.trialsim.simulator.trial.accrual;

import java.util.ArrayList;
import java.util.List;
import org.trialsim.protocol.Design;

/**
 * How patients arrive: a Poisson process whose rate rises linearly from 0 to {@code patientsPerMonth}
 * over {@code rampUpMonths} while sites open, is constant afterwards, and may change to other constant
 * rates from given months on; and how fast enrolled patients are lost to follow-up.
 *
 * @param patientsPerMonth the rate once all sites are open, patients per month (&gt; 0)
 * @param rampUpMonths     months until the full rate is reached (&ge; 0; 0 for no ramp-up)
 * @param changes          later rates, by increasing start month, each starting at or after the end of
 *                         the ramp-up; a rate of 0 suspends accrual, but the last rate must be positive
 *                         so that every sample size is reached; may be empty
 * @param dropoutPerYear   the hazard of loss to follow-up per person-year from enrolment (&ge; 0; 0 for none)
 */
public record AccrualPlan(double patientsPerMonth, double rampUpMonths, List<RateChange> changes, double dropoutPerYear) {

    /**
     * A change to a new constant accrual rate.
     *
     * @param fromMonth        when the rate starts, in months from the start of accrual
     * @param patientsPerMonth the new rate (&ge; 0)
     */
    public record RateChange(double fromMonth, double patientsPerMonth) {
        /** @throws IllegalArgumentException if a value is negative, infinite or NaN */
        public RateChange {
            if (!(fromMonth >= 0 && fromMonth < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("fromMonth must be finite and non-negative: " + fromMonth);
            }
            if (!(patientsPerMonth >= 0 && patientsPerMonth < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("patientsPerMonth of the change at month " + fromMonth
                        + " must be finite and non-negative: " + patientsPerMonth);
            }
        }
    }

    /**
     * Checks the plan.
     *
     * @throws IllegalArgumentException naming the value that is out of range, NaN or out of order
     */
    public AccrualPlan {
        if (!(patientsPerMonth > 0 && patientsPerMonth < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("patientsPerMonth must be finite and positive: " + patientsPerMonth);
        }
        if (!(rampUpMonths >= 0 && rampUpMonths < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rampUpMonths must be finite and non-negative: " + rampUpMonths);
        }
        if (!(dropoutPerYear >= 0 && dropoutPerYear < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("dropoutPerYear must be finite and non-negative: " + dropoutPerYear);
        }
        if (changes != null) {
            for (RateChange c : changes) {
                if (c == null) {
                    throw new IllegalArgumentException("changes must not contain null");
                }
            }
        }
        changes = changes == null ? List.of() : List.copyOf(changes);
        double previous = rampUpMonths;
        for (int i = 0; i < changes.size(); i++) {
            RateChange c = changes.get(i);
            if (i == 0 ? c.fromMonth() < rampUpMonths : c.fromMonth() <= previous) {
                throw new IllegalArgumentException("changes: the change at month " + c.fromMonth() + " must come "
                        + (i == 0 ? "at or after the end of the ramp-up (month " + rampUpMonths + ")"
                        : "after the previous change (month " + previous + ")"));
            }
            previous = c.fromMonth();
        }
        if (!changes.isEmpty() && changes.get(changes.size() - 1).patientsPerMonth() == 0) {
            throw new IllegalArgumentException("changes: the last rate must be positive, or accrual would stop for good"
                    + " before every sample size is reached");
        }
    }

    /** A plan without later rate changes. */
    public static AccrualPlan of(double patientsPerMonth, double rampUpMonths, double dropoutPerYear) {
        return new AccrualPlan(patientsPerMonth, rampUpMonths, List.of(), dropoutPerYear);
    }

    /** The plan of a protocol's {@code design.accrual}, with its rate changes. */
    public static AccrualPlan of(Design.Accrual accrual) {
        if (accrual == null || accrual.patientsPerMonth() == null) {
            throw new IllegalArgumentException("the accrual needs patientsPerMonth");
        }
        List<RateChange> changes = accrual.changes().stream()
                .map(c -> new RateChange(c.fromMonth(), c.patientsPerMonth())).toList();
        return new AccrualPlan(accrual.patientsPerMonth(), accrual.rampUpMonths(), changes, accrual.dropoutPerYear());
    }

    /**
     * This plan with every accrual rate multiplied by a factor: the same months, ramp-up and rate changes,
     * {@code factor} times as many patients in each (for a large trial with the calendar shape of this one).
     */
    public AccrualPlan withRatesTimes(double factor) {
        if (!(factor > 0 && factor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("factor must be finite and positive: " + factor);
        }
        List<RateChange> scaled = changes.stream().map(c -> new RateChange(c.fromMonth(), c.patientsPerMonth() * factor)).toList();
        return new AccrualPlan(patientsPerMonth * factor, rampUpMonths, scaled, dropoutPerYear);
    }

    /** This plan with the rate changing from the given month on (added after the existing changes). */
    public AccrualPlan withChange(double fromMonth, double patientsPerMonth) {
        List<RateChange> more = new ArrayList<>(changes);
        more.add(new RateChange(fromMonth, patientsPerMonth));
        return new AccrualPlan(this.patientsPerMonth, rampUpMonths, more, dropoutPerYear);
    }
}
