package org.trialsim.simulator.design.escalation;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.trialsim.protocol.Design.Escalation.DltOnset;

/**
 * The patients of one replicate, in order of arrival: each one's arrival time, tolerance and DLT onset,
 * drawn when first asked for and kept, so that every design run on the replicate meets the same patients
 * (common random numbers), whichever design asks first and however far it gets.
 *
 * <p>Patient i's tolerance is a uniform U_i on [0, 1); the patient has a DLT at level d if U_i &lt; p_d.
 * Arrival gaps are standard exponential draws (by inversion) scaled by the mean, so that changing the
 * mean stretches the same arrival pattern rather than drawing a new one. When DLTs occur within the window
 * rather than at its end, patient i's onset is a fraction of the window drawn by inversion from a third
 * uniform V_i: V_i (uniform), 1 − sqrt(1 − V_i) (early: density 2(1 − t)) or sqrt(V_i) (late: density 2t).
 * The three come from separate streams, so changing the arrival process does not change who has a DLT,
 * and neither changes when.
 */
final class PatientStream {
    private final double meanGap;
    private final boolean regular;
    private final DltOnset onset;
    private double[] arrival = new double[64];
    private double[] tolerance = new double[64];
    private double[] onsetFraction = new double[64];
    private int generated;
    private UniformRandomProvider arrivals;
    private UniformRandomProvider toxicity;
    private UniformRandomProvider onsets;

    PatientStream(EscalationScenario scenario) {
        this.meanGap = scenario.interarrivalDays();
        this.regular = scenario.arrivals() == Arrivals.REGULAR;
        this.onset = scenario.dltOnset();
    }

    /** Starts a new replicate with its own streams; the onset stream is used only when DLTs occur within the window. */
    void reset(UniformRandomProvider arrivalStream, UniformRandomProvider toxicityStream, UniformRandomProvider onsetStream) {
        this.arrivals = arrivalStream;
        this.toxicity = toxicityStream;
        this.onsets = onsetStream;
        this.generated = 0;
    }

    /** Whether DLT onsets are drawn (otherwise every DLT becomes known at the end of the window). */
    boolean drawsOnsets() {
        return onset != DltOnset.WINDOW_END;
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

    /** When patient i's DLT, if any, occurs: a fraction of the window, 1 when DLTs are known at its end. */
    double onsetFraction(int i) {
        ensure(i);
        return onsetFraction[i];
    }

    private void ensure(int i) {
        while (generated <= i) {
            if (generated == arrival.length) {
                arrival = Arrays.copyOf(arrival, 2 * generated);
                tolerance = Arrays.copyOf(tolerance, 2 * generated);
                onsetFraction = Arrays.copyOf(onsetFraction, 2 * generated);
            }
            double gap = regular ? meanGap : -meanGap * Math.log1p(-arrivals.nextDouble());
            arrival[generated] = (generated == 0 ? 0 : arrival[generated - 1]) + gap;
            tolerance[generated] = toxicity.nextDouble();
            onsetFraction[generated] = fraction(onset, onset == DltOnset.WINDOW_END ? 1 : onsets.nextDouble());
            generated++;
        }
    }

    /** The onset, as a fraction of the window, of a DLT whose onset uniform is v (inversion of the onset's distribution). */
    static double fraction(DltOnset onset, double v) {
        return switch (onset) {
            case WINDOW_END -> 1;
            case UNIFORM -> v;
            case EARLY -> 1 - Math.sqrt(1 - v);
            case LATE -> Math.sqrt(v);
        };
    }
}
