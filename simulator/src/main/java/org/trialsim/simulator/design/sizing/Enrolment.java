package org.trialsim.simulator.design.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * Patients enrolled over calendar time: the accrual's intensity (a linear ramp-up, then constant
 * rates that may change) on [0, months), and the expected number of events by each calendar month.
 * As rpact computes it, every patient is followed from enrolment to the analysis, losses to follow-up
 * competing with events, and the arms are mixed in the allocation ratio. The integral over enrolment
 * times is Gauss–Legendre on pieces where the integrand is smooth (split where the accrual rate or the
 * hazard changes, and finer where the hazard is high), accurate to about 1e-13 relative.
 */
final class Enrolment {
    private static final int NODES = 20;
    private static final double[] X = new double[NODES];
    private static final double[] W = new double[NODES];

    static {
        // Gauss-Legendre nodes and weights on [-1, 1] by Newton's method on P_n (Numerical Recipes' gauleg)
        for (int i = 0; i < (NODES + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (NODES + 0.5));
            double derivative;
            while (true) {
                double p1 = 1;
                double p2 = 0;
                for (int j = 1; j <= NODES; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
                }
                derivative = NODES * (z * p1 - p2) / (z * z - 1);
                double previous = z;
                z = previous - p1 / derivative;
                if (Math.abs(z - previous) < 1e-15) {
                    break;
                }
            }
            X[i] = -z;
            X[NODES - 1 - i] = z;
            W[i] = 2 / ((1 - z * z) * derivative * derivative);
            W[NODES - 1 - i] = W[i];
        }
    }

    private final Accrual plan;
    private final double months;
    /** Months where the intensity has a kink or a jump, within (0, months). */
    private final double[] kinks;

    Enrolment(Accrual plan, double months) {
        this.plan = plan;
        this.months = months;
        this.kinks = DoubleStream.of(plan.kinks()).filter(t -> t > 0 && t < months).sorted().distinct().toArray();
    }

    /** The accrual duration. */
    double months() {
        return months;
    }

    /** The month by which the plan has enrolled n patients. */
    static double monthOf(Accrual plan, double n) {
        double lo = 0;
        double hi = 1;
        while (plan.patientsBy(hi) < n) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (plan.patientsBy(mid) < n) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Patients the plan enrols over the accrual duration. */
    double patients() {
        return plan.patientsBy(months);
    }

    /** The fraction of the patients enrolled by calendar month t. */
    double enrolledFraction(double t) {
        return t >= months ? 1 : plan.patientsBy(t) / patients();
    }

    /**
     * The expected number of events by calendar month t per patient enrolled in all, for patients
     * allocated in the ratio r : 1 (experimental : control).
     */
    double eventsPerPatient(double t, ArmSurvival experimental, ArmSurvival control, double ratio) {
        double e = eventsBy(t, experimental);
        double c = eventsBy(t, control);
        return (ratio * e + c) / (1 + ratio) / patients();
    }

    /** ∫ w(s) P(event within t − s) ds over enrolment months s in [0, min(t, months)]. */
    private double eventsBy(double t, ArmSurvival arm) {
        double end = Math.min(t, months);
        if (!(end > 0)) {
            return 0;
        }
        double[] cuts = cuts(t, end, arm);
        double total = 0;
        double step = 2 / Math.max(arm.maxTotalHazard(), 1e-300);
        for (int i = 0; i + 1 < cuts.length; i++) {
            double a = cuts[i];
            double b = cuts[i + 1];
            int panels = (int) Math.min(1000, Math.max(1, Math.ceil((b - a) / step)));
            double width = (b - a) / panels;
            for (int p = 0; p < panels; p++) {
                double lo = a + p * width;
                double hi = p == panels - 1 ? b : lo + width;
                double mid = 0.5 * (lo + hi);
                double half = 0.5 * (hi - lo);
                double sum = 0;
                for (int k = 0; k < NODES; k++) {
                    double s = mid + half * X[k];
                    sum += W[k] * plan.intensity(s) * arm.eventBy(t - s);
                }
                total += half * sum;
            }
        }
        return total;
    }

    private double[] cuts(double t, double end, ArmSurvival arm) {
        List<Double> points = new ArrayList<>();
        points.add(0.0);
        for (double k : kinks) {
            if (k < end) {
                points.add(k);
            }
        }
        for (double change : arm.changes()) {
            double s = t - change;
            if (s > 0 && s < end) {
                points.add(s);
            }
        }
        points.add(end);
        return points.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    }
}
