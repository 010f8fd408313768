package org.trialsim.simulator.design.escalation;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The patients of one replicate, in order of arrival: each one's arrival time and tolerance, drawn when
 * first asked for and kept, so that every design run on the replicate meets the same patients (common
 * random numbers), whichever design asks first and however far it gets.
 *
 * <p>Patient i's tolerance is a uniform U_i on [0, 1); the patient has a DLT at level d if U_i &lt; p_d.
 * Arrival gaps are standard exponential draws (by inversion) scaled by the mean, so that changing the
 * mean stretches the same arrival pattern rather than drawing a new one. The two come from separate
 * streams, so changing the arrival process does not change who has a DLT.
 */
final class PatientStream {
    private final double meanGap;
    private final boolean regular;
    private double[] arrival = new double[64];
    private double[] tolerance = new double[64];
    private int generated;
    private UniformRandomProvider arrivals;
    private UniformRandomProvider toxicity;

    PatientStream(EscalationScenario scenario) {
        this.meanGap = scenario.interarrivalDays();
        this.regular = scenario.arrivals() == Arrivals.REGULAR;
    }

    /** Starts a new replicate with its own streams. */
    void reset(UniformRandomProvider arrivalStream, UniformRandomProvider toxicityStream) {
        this.arrivals = arrivalStream;
        this.toxicity = toxicityStream;
        this.generated = 0;
    }

    /** The arrival time of patient i (from 0), in days since the trial opened. */
    double arrivalTime(int i) {
        ensure(i);
        return arrival[i];
    }

    /** The tolerance U_i of patient i: a DLT at level d if U_i &lt; p_d. */
    double tolerance(int i) {
        ensure(i);
        return tolerance[i];
    }

    private void ensure(int i) {
        while (generated <= i) {
            if (generated == arrival.length) {
                arrival = Arrays.copyOf(arrival, 2 * generated);
                tolerance = Arrays.copyOf(tolerance, 2 * generated);
            }
            double gap = regular ? meanGap : -meanGap * Math.log1p(-arrivals.nextDouble());
            arrival[generated] = (generated == 0 ? 0 : arrival[generated - 1]) + gap;
            tolerance[generated] = toxicity.nextDouble();
            generated++;
        }
    }
}
