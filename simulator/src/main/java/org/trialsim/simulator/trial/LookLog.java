package org.trialsim.simulator.trial;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The looks the analyses of one replicate made, in the order they made them: what per-replicate output
 * ({@link ReplicateLook}) reports of the looks before the one that concluded. The analyses add to it
 * as they test; it keeps nothing unless switched on, so a run without per-replicate output pays only
 * a test of a flag per look. Not thread-safe: one per virtual trial.
 */
final class LookLog {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private boolean on;
    private int size;
    private int[] look = new int[4];
    private int[] patients = new int[4];
    private int[] events = new int[4];
    private double[] day = new double[4];
    private double[] statistic = new double[4];
    private double[] pValue = new double[4];

    /** Keeps the looks added from now on (true) or none (false), and forgets those kept. */
    void keep(boolean value) {
        on = value;
        size = 0;
    }

    /** Whether looks are kept. */
    boolean on() {
        return on;
    }

    /** Forgets the looks kept. */
    void clear() {
        size = 0;
    }

    /**
     * A look whose test statistic is a z value oriented so that benefit is positive; its p-value is the
     * one-sided nominal {@code P(Z ≥ z)}.
     */
    void addZ(int lookIndex, int patientsThen, int eventsThen, double dayOfCut, double z) {
        if (on) {
            add(lookIndex, patientsThen, eventsThen, dayOfCut, z, Double.isNaN(z) ? Double.NaN : STANDARD_NORMAL.survivalProbability(z));
        }
    }

    /** A look with its test statistic and one-sided p-value. */
    void add(int lookIndex, int patientsThen, int eventsThen, double dayOfCut, double value, double p) {
        if (!on) {
            return;
        }
        if (size == look.length) {
            int grown = size * 2;
            look = Arrays.copyOf(look, grown);
            patients = Arrays.copyOf(patients, grown);
            events = Arrays.copyOf(events, grown);
            day = Arrays.copyOf(day, grown);
            statistic = Arrays.copyOf(statistic, grown);
            pValue = Arrays.copyOf(pValue, grown);
        }
        look[size] = lookIndex;
        patients[size] = patientsThen;
        events[size] = eventsThen;
        day[size] = dayOfCut;
        statistic[size] = value;
        pValue[size] = p;
        size++;
    }

    int size() {
        return size;
    }

    int look(int k) {
        return look[k];
    }

    int patients(int k) {
        return patients[k];
    }

    int events(int k) {
        return events[k];
    }

    double day(int k) {
        return day[k];
    }

    double statistic(int k) {
        return statistic[k];
    }

    double pValue(int k) {
        return pValue[k];
    }
}
