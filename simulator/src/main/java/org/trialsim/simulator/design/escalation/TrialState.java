package org.trialsim.simulator.design.escalation;

import java.util.Arrays;

/**
 * What a design may see of the trial in progress: for each level, the patients treated there, how many are
 * evaluable (their answer is known: a DLT occurred, or the window ended without one) and how many of those
 * had a DLT; for each patient, in order of enrolment, the level, the enrolment time and whether the answer
 * is known yet. Patients still in their window without a DLT are pending. The engine owns and updates it;
 * designs only read it. Primitive arrays reused from trial to trial.
 */
final class TrialState {
    /** The number of dose levels. */
    final int levels;
    /** The DLT window, days. */
    final double window;
    /** Patients treated at each level (index 1..levels). */
    final int[] enrolled;
    /** Patients at each level whose answer is known. */
    final int[] evaluable;
    /** Patients at each level known to have had a DLT. */
    final int[] dlts;
    /** Each patient's level, in order of enrolment. */
    final int[] levelOf;
    /** Each patient's enrolment time, days. */
    final double[] enrolTime;
    /** Whether each patient's answer is known. */
    final boolean[] known;
    /** Whether each known patient had a DLT (false while pending). */
    final boolean[] knownDlt;
    /** Patients treated so far. */
    int patients;

    TrialState(int levels, double window, int capacity) {
        this.levels = levels;
        this.window = window;
        this.enrolled = new int[levels + 1];
        this.evaluable = new int[levels + 1];
        this.dlts = new int[levels + 1];
        this.levelOf = new int[capacity];
        this.enrolTime = new double[capacity];
        this.known = new boolean[capacity];
        this.knownDlt = new boolean[capacity];
    }

    void reset() {
        Arrays.fill(enrolled, 0);
        Arrays.fill(evaluable, 0);
        Arrays.fill(dlts, 0);
        patients = 0;
    }

    /** Patients at the level whose answer is not known yet. */
    int pending(int level) {
        return enrolled[level] - evaluable[level];
    }

    /** Whether every patient treated so far has a known answer. */
    boolean complete() {
        for (int d = 1; d <= levels; d++) {
            if (evaluable[d] != enrolled[d]) {
                return false;
            }
        }
        return true;
    }

    /** The level of the last patient treated; 0 if none. */
    int lastLevel() {
        return patients == 0 ? 0 : levelOf[patients - 1];
    }

    void enrol(int level, double time) {
        int k = patients++;
        levelOf[k] = level;
        enrolTime[k] = time;
        known[k] = false;
        knownDlt[k] = false;
        enrolled[level]++;
    }

    void evaluate(int k, boolean dlt) {
        known[k] = true;
        knownDlt[k] = dlt;
        evaluable[levelOf[k]]++;
        if (dlt) {
            dlts[levelOf[k]]++;
        }
    }
}
