package org.trialsim.simulator.trial;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Patients arriving at a rate that rises linearly from 0 to R per month over the ramp-up (sites
 * opening) and stays at R: either as a Poisson process, generated exactly by transforming a unit-rate
 * process (with cumulative rate Λ(t) = R t²/(2T) during the ramp-up T and R(t − T/2) after it, the k-th
 * arrival is Λ⁻¹(E₁ + … + E_k) for independent Exp(1) draws E), or regularly, the k-th at Λ⁻¹(k) (as
 * rpact's simulation places them). Each patient is lost to follow-up after an exponential time with
 * the given yearly rate (never, if 0).
 */
final class PoissonAccrual implements ArrivalProcess {
    private final double ratePerDay;
    private final double rampDays;
    private final double dropoutPerDay;
    private final boolean regular;

    PoissonAccrual(double patientsPerMonth, double rampUpMonths, double dropoutPerYear, boolean regular) {
        if (!(patientsPerMonth > 0)) {
            throw new IllegalArgumentException("patientsPerMonth must be positive, not " + patientsPerMonth);
        }
        this.ratePerDay = patientsPerMonth / TrialSpec.DAYS_PER_MONTH;
        this.rampDays = rampUpMonths * TrialSpec.DAYS_PER_MONTH;
        this.dropoutPerDay = dropoutPerYear / 365.25;
        this.regular = regular;
    }

    @Override
    public void generate(int patients, double[] arrivals, double[] dropouts, UniformRandomProvider rng) {
        double cumulative = 0;
        for (int k = 0; k < patients; k++) {
            cumulative += regular ? 1 : -Math.log1p(-rng.nextDouble());
            arrivals[k] = inverse(cumulative);
            dropouts[k] = dropoutPerDay > 0 ? -Math.log1p(-rng.nextDouble()) / dropoutPerDay : Double.POSITIVE_INFINITY;
        }
    }

    /** Λ⁻¹(h): the day by which h patients are expected. */
    double inverse(double h) {
        double rampArrivals = ratePerDay * rampDays / 2;
        if (h <= rampArrivals && rampDays > 0) {
            return Math.sqrt(2 * h * rampDays / ratePerDay);
        }
        return rampDays + (h - rampArrivals) / ratePerDay;
    }
}
