package org.trialsim.simulator.design.sizing;

import java.util.List;

/**
 * The sample size of a comparison of rates: what {@link RatesSizing} computes. Counts are not rounded.
 *
 * @param twoSample          whether two arms are compared (else one arm against a fixed rate)
 * @param experimentalRate   the assumed rate of the experimental arm (the one arm, for one sample)
 * @param controlRate        the assumed control rate, or the null rate p₀ of one sample
 * @param margin             θ₀ of H₀: p₁ − p₂ ≤ θ₀ (two samples; 0 for superiority), or p₀ (one sample)
 * @param allocationRatio    experimental patients per control patient (1 for one sample)
 * @param alpha              one-sided type I error
 * @param power              the target power
 * @param nullExperimental   the experimental rate under H₀ the variance is taken at: Farrington and Manning's
 *                           restricted maximum-likelihood estimate (p₀ for one sample)
 * @param nullControl        the control rate under H₀ likewise (NaN for one sample)
 * @param fixedPatients      the patients a single-look design needs
 * @param inflation          maximum patients over the single-look design's
 * @param patients           the maximum number of patients
 * @param expectedPatients   expected patients at stopping under the assumed rates
 * @param expectedPatientsNull expected patients at stopping under H₀
 * @param looks              the looks, the final one last
 */
public record RatesResult(boolean twoSample, double experimentalRate, double controlRate, double margin, double allocationRatio,
                          double alpha, double power, double nullExperimental, double nullControl, double fixedPatients,
                          double inflation, double patients, double expectedPatients, double expectedPatientsNull,
                          List<Look> looks) {

    public RatesResult {
        looks = List.copyOf(looks);
    }

    /** Patients on the experimental arm (all of them, for one sample). */
    public double experimentalPatients() {
        return twoSample ? patients * allocationRatio / (1 + allocationRatio) : patients;
    }

    /** Patients on the control arm (0 for one sample). */
    public double controlPatients() {
        return twoSample ? patients / (1 + allocationRatio) : 0;
    }

    /**
     * One look.
     *
     * @param fraction            its information fraction
     * @param patients            cumulative patients evaluated at it
     * @param efficacyZ           reject H₀ if Z is at least this
     * @param futilityZ           stop for futility if Z is at most this (−∞ for none)
     * @param cumulativeAlpha     α spent by this look
     * @param efficacyProbability P(reject at this look, not before) under the assumed rates
     * @param futilityProbability P(stop for futility at this look, not before); at the final look, of not rejecting
     */
    public record Look(double fraction, double patients, double efficacyZ, double futilityZ, double cumulativeAlpha,
                       double efficacyProbability, double futilityProbability) {
    }
}
