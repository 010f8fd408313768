package org.trialsim.simulator.hazard;

import org.trialsim.protocol.HazardCurve;
import org.trialsim.protocol.TimeUnits;

/** Turns a protocol's hazard curve into a piecewise-constant hazard per day. */
public final class Hazards {
    private Hazards() {
    }

    /**
     * The curve's hazard per day. A survival-form curve has a constant hazard between landmarks that
     * gives the stated survival at each, and its tail rate after the last (a plateau when it is zero);
     * a piecewise curve its rates from each start day, the last for ever.
     */
    public static PiecewiseConstantHazard of(HazardCurve curve) {
        if (curve instanceof HazardCurve.Survival s) {
            int k = s.atDays().size();
            double[] breaks = new double[k];
            double[] rates = new double[k + 1];
            double previousDay = 0;
            double previousSurvival = 1;
            for (int i = 0; i < k; i++) {
                double day = s.atDays().get(i);
                double survival = s.survival().get(i);
                breaks[i] = day;
                rates[i] = Math.log(previousSurvival / survival) / (day - previousDay);
                previousDay = day;
                previousSurvival = survival;
            }
            rates[k] = s.tailRatePerYear() / TimeUnits.DAYS_PER_YEAR;
            return PiecewiseConstantHazard.of(breaks, rates);
        }
        HazardCurve.Piecewise p = (HazardCurve.Piecewise) curve;
        double[] breaks = p.fromDays().stream().skip(1).mapToDouble(Double::doubleValue).toArray();
        double[] rates = p.ratesPerYear().stream().mapToDouble(r -> r / TimeUnits.DAYS_PER_YEAR).toArray();
        return PiecewiseConstantHazard.of(breaks, rates);
    }
}
