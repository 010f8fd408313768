package org.trialsim.simulator.design.escalation;

import java.util.Arrays;
import org.trialsim.protocol.Design.Escalation.WhenFull;

/**
 * Runs one dose-escalation trial in calendar time, as a discrete-event simulation with two kinds of
 * event: a patient arrives, or a patient's DLT window ends (the patient becomes evaluable). Every
 * window has the same length, so windows end in order of enrolment and a pointer into the enrolment
 * list is the whole event queue. After every event the design's decision table is consulted at the
 * current level until it says to enrol or to hold: escalating and de-escalating move the level, and a
 * waiting patient is enrolled as soon as accrual is open. When a window ends at the moment a patient
 * arrives, the window is counted first.
 *
 * <p>The trial opens at day 0 and ends when the MTD is declared, or when the lowest level is found too
 * toxic (no MTD). Patients still in their window then are counted as treated, with whatever DLT they
 * will have. Accrual is suspended while the table says "hold"; that time is added up.
 *
 * <p>All state is primitive arrays reused from trial to trial; nothing is allocated per patient.
 */
final class TrialEngine {
    private final DecisionRules rules;
    private final double[] p;
    private final int levels;
    private final int startLevel;
    private final double window;
    private final boolean wait;
    private final int trueMtd;

    private final int[] enrolled;
    private final int[] evaluable;
    private final int[] dlts;
    private final double[] enrolTime;
    private final int[] levelOf;
    private final boolean[] toxic;

    // the outcome of the last trial run
    /** The level declared the MTD; 0 if none. */
    int selected;
    /** Patients treated. */
    int patients;
    /** Patients treated at each level (index 1..levels). */
    final int[] patientsAtLevel;
    /** Treated patients who had (or will have) a DLT. */
    int dltCount;
    /** Patients treated at a level above the true MTD. */
    int aboveTrueMtd;
    /** Days from opening to the decision. */
    double duration;
    /** Days during which accrual was suspended. */
    double suspended;
    /** Patients who arrived while accrual was suspended and were lost. */
    int lost;
    /** Patients still waiting for a slot when the trial ended. */
    int leftWaiting;
    /** The mean wait of the enrolled patients, in days (0 if none waited or none were enrolled). */
    double meanWait;

    TrialEngine(EscalationDesign design, EscalationScenario scenario) {
        this.rules = design.rules();
        this.levels = scenario.levels();
        this.p = new double[levels + 1];
        for (int d = 1; d <= levels; d++) {
            p[d] = scenario.dltProbabilities().get(d - 1);
        }
        this.startLevel = scenario.startLevel();
        this.window = scenario.dltWindowDays();
        this.wait = scenario.whenFull() == WhenFull.WAIT;
        this.trueMtd = scenario.trueMtd();
        this.enrolled = new int[levels + 1];
        this.evaluable = new int[levels + 1];
        this.dlts = new int[levels + 1];
        this.patientsAtLevel = enrolled;
        int capacity = DecisionRules.MAX_PER_LEVEL * levels;
        this.enrolTime = new double[capacity];
        this.levelOf = new int[capacity];
        this.toxic = new boolean[capacity];
    }

    /** Runs one trial on the given patients; the outcome is left in the fields. */
    void run(PatientStream stream) {
        Arrays.fill(enrolled, 0);
        Arrays.fill(evaluable, 0);
        Arrays.fill(dlts, 0);
        patients = 0;
        dltCount = 0;
        aboveTrueMtd = 0;
        suspended = 0;
        lost = 0;
        double waited = 0;

        int level = startLevel;
        // levels at and above this one are too toxic
        int closedFrom = levels + 1;
        int nextEvaluation = 0;
        // patients [nextToEnrol, arrived) have arrived and are waiting (always empty when they are lost)
        int nextToEnrol = 0;
        int arrived = 0;
        double nextArrival = stream.arrivalTime(0);
        double time = 0;

        while (true) {
            DecisionRules.Decision decision;
            while (true) {
                decision = rules.decide(enrolled[level], evaluable[level], dlts[level], level + 1 >= closedFrom);
                if (decision == DecisionRules.Decision.ESCALATE) {
                    level++;
                } else if (decision == DecisionRules.Decision.DE_ESCALATE) {
                    closedFrom = level;
                    level--;
                    if (level == 0) {
                        finish(0, time, waited, arrived - nextToEnrol);
                        return;
                    }
                } else if (decision == DecisionRules.Decision.DECLARE_MTD) {
                    finish(level, time, waited, arrived - nextToEnrol);
                    return;
                } else if (decision == DecisionRules.Decision.ENROL && nextToEnrol < arrived) {
                    waited += time - stream.arrivalTime(nextToEnrol);
                    enrol(nextToEnrol++, level, time, stream);
                } else {
                    break;
                }
            }
            boolean open = decision == DecisionRules.Decision.ENROL;
            double nextWindowEnd = nextEvaluation < patients ? enrolTime[nextEvaluation] + window : Double.POSITIVE_INFINITY;
            if (!open && nextEvaluation == patients) {
                throw new IllegalStateException("the " + rules + " table holds with no patient pending at level " + level);
            }
            if (nextWindowEnd <= nextArrival) {
                if (!open) {
                    suspended += nextWindowEnd - time;
                }
                time = nextWindowEnd;
                int d = levelOf[nextEvaluation];
                evaluable[d]++;
                if (toxic[nextEvaluation]) {
                    dlts[d]++;
                }
                nextEvaluation++;
            } else {
                if (!open) {
                    suspended += nextArrival - time;
                }
                time = nextArrival;
                arrived++;
                if (open) {
                    enrol(nextToEnrol++, level, time, stream);
                } else if (!wait) {
                    lost++;
                    nextToEnrol++;
                }
                nextArrival = stream.arrivalTime(arrived);
            }
        }
    }

    private void enrol(int patient, int level, double time, PatientStream stream) {
        int k = patients++;
        enrolTime[k] = time;
        levelOf[k] = level;
        toxic[k] = stream.tolerance(patient) < p[level];
        enrolled[level]++;
        if (toxic[k]) {
            dltCount++;
        }
        if (level > trueMtd) {
            aboveTrueMtd++;
        }
    }

    private void finish(int mtd, double time, double waited, int stillWaiting) {
        selected = mtd;
        duration = time;
        leftWaiting = stillWaiting;
        meanWait = patients == 0 ? 0 : waited / patients;
    }
}
