package org.trialsim.simulator.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trialsim.simulator.analysis.CoxModel;
import org.trialsim.simulator.analysis.CoxResult;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.stats.Interval;
import org.trialsim.simulator.stats.SurvivalAccumulator;

/**
 * The hazard ratio of an arm against a control arm, per endpoint: Cox regression on the arm (Efron ties,
 * R's {@code coxph(Surv(day, event) ~ arm)}) of the endpoint's first event of any kind, fitted to the two
 * arms' virtual patients through their per-day counts.
 *
 * <p>With one binary covariate the partial likelihood depends on the data only through the numbers at
 * risk and the events in each arm at each distinct event time ({@link CoxModel}); a cohort keeps exactly
 * these, per day bin, in its {@link SurvivalAccumulator}s. So the fit costs one pass over the days of
 * follow-up whatever the number of patients, and needs no memory per patient: it is the fit of the same
 * patients with every time rounded up to its day bin, and (as the curves) a patient censored earlier in
 * the day of an event counts as at risk for it.
 *
 * <p>Both arms are the same virtual patients (common random numbers); the interval is the one a trial
 * of these two groups of patients, taken as independent, would report.
 */
final class HazardRatios {
    private HazardRatios() {
    }

    /** The arm's hazard ratio against the control on every endpoint both count patients for. */
    static List<CohortResult.HazardRatio> of(ProtocolIndex index, String versus, CohortAccumulator control, CohortAccumulator arm) {
        List<CohortResult.HazardRatio> ratios = new ArrayList<>();
        for (int e = 0; e < index.endpoints(); e++) {
            if (control.endpoints[e].count() > 0 && arm.endpoints[e].count() > 0) {
                ratios.add(of(index.endpointId(e), versus, control.endpoints[e], arm.endpoints[e]));
            }
        }
        return ratios;
    }

    /**
     * The hazard ratio of the experimental arm's endpoint against the control's.
     *
     * @throws IllegalArgumentException if an arm counts more patients than an int holds (the Cox fit's
     *     counts); {@link CohortOptions} refuses such a run first
     */
    static CohortResult.HazardRatio of(String endpoint, String versus, SurvivalAccumulator control, SurvivalAccumulator arm) {
        int days = control.horizonDays();
        long n0 = control.count();
        long n1 = arm.count();
        if (n0 > Integer.MAX_VALUE || n1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a hazard ratio is fitted for at most " + Integer.MAX_VALUE + " patients per arm");
        }
        double[] time = new double[days + 1];
        int[] risk0 = new int[days + 1];
        int[] risk1 = new int[days + 1];
        int[] dead0 = new int[days + 1];
        int[] dead1 = new int[days + 1];
        int rows = 0;
        long atRisk0 = n0;
        long atRisk1 = n1;
        long events0 = 0;
        long events1 = 0;
        for (int day = 0; day <= days; day++) {
            long d0 = events(control, day);
            long d1 = events(arm, day);
            if (d0 + d1 > 0) {
                time[rows] = day;
                risk0[rows] = (int) atRisk0;
                risk1[rows] = (int) atRisk1;
                dead0[rows] = (int) d0;
                dead1[rows] = (int) d1;
                rows++;
            }
            events0 += d0;
            events1 += d1;
            // the day's censored leave after its events, as in R
            atRisk0 -= d0 + control.observations(day, SurvivalAccumulator.CENSORED);
            atRisk1 -= d1 + arm.observations(day, SurvivalAccumulator.CENSORED);
        }
        CoxResult fit = CoxModel.fitTiedTimes(Arrays.copyOf(time, rows), Arrays.copyOf(risk0, rows),
                Arrays.copyOf(risk1, rows), Arrays.copyOf(dead0, rows), Arrays.copyOf(dead1, rows));
        Interval ci = fit.hazardRatioInterval(0.95);
        return new CohortResult.HazardRatio(endpoint, versus, n1, events1, n0, events0, fit.hazardRatio(), ci.lower(), ci.upper(),
                fit.logHazardRatio(), fit.standardError());
    }

    /** Events of every kind in a day bin. */
    private static long events(SurvivalAccumulator acc, int day) {
        long n = 0;
        for (int cause = 1; cause <= acc.causes(); cause++) {
            n += acc.observations(day, cause);
        }
        return n;
    }
}
