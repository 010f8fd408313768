package org.trialsim.simulator.design.escalation;

import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.stats.MonteCarloError;

/**
 * Count, mean and central moments up to the fourth of a stream of values, updated one value at a time
 * and mergeable (Pébay, "Formulas for robust, one-pass parallel computation of covariances and
 * arbitrary-order statistical moments", Sandia report SAND2008-6212; the single-value update is the
 * merge with a sample of one). The fourth moment gives the standard error of the standard deviation.
 * Merging in a fixed order gives the same bits whatever thread accumulated each part.
 */
final class Moments {
    private long n;
    private double mean;
    private double m2;
    private double m3;
    private double m4;

    void add(double x) {
        long n1 = n;
        n++;
        double delta = x - mean;
        double deltaN = delta / n;
        double deltaN2 = deltaN * deltaN;
        double term1 = delta * deltaN * n1;
        mean += deltaN;
        m4 += term1 * deltaN2 * ((double) n * n - 3.0 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
        m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2;
        m2 += term1;
    }

    void merge(Moments b) {
        if (b.n == 0) {
            return;
        }
        if (n == 0) {
            n = b.n;
            mean = b.mean;
            m2 = b.m2;
            m3 = b.m3;
            m4 = b.m4;
            return;
        }
        double na = n;
        double nb = b.n;
        double nn = na + nb;
        double delta = b.mean - mean;
        double d2 = delta * delta;
        double newM4 = m4 + b.m4 + d2 * d2 * na * nb * (na * na - na * nb + nb * nb) / (nn * nn * nn)
                + 6 * d2 * (na * na * b.m2 + nb * nb * m2) / (nn * nn) + 4 * delta * (na * b.m3 - nb * m3) / nn;
        double newM3 = m3 + b.m3 + d2 * delta * na * nb * (na - nb) / (nn * nn) + 3 * delta * (na * b.m2 - nb * m2) / nn;
        m2 = m2 + b.m2 + d2 * na * nb / nn;
        m3 = newM3;
        m4 = newM4;
        mean += delta * nb / nn;
        n += b.n;
    }

    long count() {
        return n;
    }

    double mean() {
        return mean;
    }

    /** The sample variance (n − 1 in the denominator); 0 for fewer than two values. */
    double variance() {
        return n < 2 ? 0 : Math.max(0, m2 / (n - 1));
    }

    /** The mean and its standard error, sqrt(s² / n). */
    Estimate meanEstimate() {
        return new Estimate(mean, n == 0 ? 0 : MonteCarloError.ofMean(variance(), n));
    }

    /**
     * The standard deviation and its standard error by the delta method:
     * Var(s²) ≈ (μ4 − σ⁴ (n − 3)/(n − 1)) / n, and SE(s) ≈ SE(s²) / (2 s).
     */
    Estimate sdEstimate() {
        double var = variance();
        double sd = Math.sqrt(var);
        if (n < 4 || sd == 0) {
            return new Estimate(sd, 0);
        }
        double mu4 = m4 / n;
        double varOfVar = Math.max(0, (mu4 - var * var * (n - 3) / (n - 1)) / n);
        return new Estimate(sd, Math.sqrt(varOfVar) / (2 * sd));
    }
}
