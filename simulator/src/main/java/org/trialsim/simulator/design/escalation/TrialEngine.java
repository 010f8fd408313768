package org.trialsim.simulator.design.escalation;

import org.trialsim.protocol.Design.Escalation.WhenFull;

/**
 * Runs one dose-finding trial in calendar time, as a discrete-event simulation with two kinds of event: a
 * patient arrives, or a patient's answer becomes known (a DLT occurs, or the window ends without one).
 * After every event the design ({@link DoseFinder}) says what the trial does: enrol (accrual open), hold
 * (accrual suspended), wait for the pending answers (accrual over) or stop; a waiting patient is enrolled as
 * soon as accrual is open. When an answer becomes known at the moment a patient arrives, the answer is
 * counted first.
 *
 * <p>The trial opens at day 0 and ends when the design stops it: the rule designs when they declare the MTD
 * or find the lowest level too toxic, the model-based designs when the answers of the last cohort are in
 * (or a safety rule stops them). Patients still in their window then are counted as treated, with
 * whatever DLT they will have. Accrual is suspended while the design holds; that time is added up. Once
 * accrual is over, arrivals are no longer the trial's: neither lost nor waiting.
 *
 * <p>Answers become known in order of time; a small binary heap of the pending patients is the event queue.
 * When every DLT is known at the end of the window, that order is the order of enrolment. All state is
 * primitive arrays reused from trial to trial; nothing is allocated per patient.
 */
final class TrialEngine {
    private final DoseFinder finder;
    private final double[] p;
    private final int levels;
    private final int startLevel;
    private final double window;
    private final boolean wait;
    private final int trueMtd;

    private final TrialState state;
    private final boolean[] toxic;
    private final double[] knownAt;
    /** Pending patients, a binary heap ordered by the time their answer becomes known, then by enrolment. */
    private final int[] heap;
    private int heapSize;

    // the outcome of the last trial run
    /** The level declared the MTD; 0 if none. */
    int selected;
    /** Patients treated. */
    int patients;
    /** Patients treated at each level (index 1..levels). */
    final int[] patientsAtLevel;
    /** Patients treated at each level who had (or will have) a DLT (index 1..levels). */
    final int[] dltsAtLevel;
    /** Treated patients who had (or will have) a DLT. */
    int dltCount;
    /** Patients treated at a level above the true MTD. */
    int aboveTrueMtd;
    /** Days from opening to the end of the trial. */
    double duration;
    /** Days during which accrual was suspended. */
    double suspended;
    /** Patients who arrived while accrual was suspended and were lost. */
    int lost;
    /** Patients still waiting for a slot when the trial ended. */
    int leftWaiting;
    /** The mean wait of the enrolled patients, in days (0 if none waited or none were enrolled). */
    double meanWait;

    TrialEngine(DoseFinder finder, EscalationScenario scenario) {
        this.finder = finder;
        this.levels = scenario.levels();
        this.p = new double[levels + 1];
        for (int d = 1; d <= levels; d++) {
            p[d] = scenario.dltProbabilities().get(d - 1);
        }
        this.startLevel = scenario.startLevel();
        this.window = scenario.dltWindowDays();
        this.wait = scenario.whenFull() == WhenFull.WAIT;
        this.trueMtd = scenario.trueMtd();
        int capacity = finder.capacity();
        this.state = new TrialState(levels, window, capacity);
        this.patientsAtLevel = state.enrolled;
        this.dltsAtLevel = new int[levels + 1];
        this.toxic = new boolean[capacity];
        this.knownAt = new double[capacity];
        this.heap = new int[capacity];
    }

    /** Runs one trial on the given patients; the outcome is left in the fields. */
    void run(PatientStream stream) {
        state.reset();
        finder.reset(startLevel);
        java.util.Arrays.fill(dltsAtLevel, 0);
        heapSize = 0;
        dltCount = 0;
        aboveTrueMtd = 0;
        suspended = 0;
        lost = 0;
        double waited = 0;

        // patients [nextToEnrol, arrived) have arrived and are waiting (always empty when they are lost)
        int nextToEnrol = 0;
        int arrived = 0;
        double nextArrival = stream.arrivalTime(0);
        double time = 0;

        while (true) {
            DoseFinder.Status status;
            while (true) {
                status = finder.status(state, time);
                if (status == DoseFinder.Status.STOP) {
                    finish(finder.selected(), time, waited, arrived - nextToEnrol);
                    return;
                }
                if (status != DoseFinder.Status.OPEN || nextToEnrol == arrived) {
                    break;
                }
                int level = finder.levelForNext(state, time);
                if (level != DoseFinder.NONE) {
                    waited += time - stream.arrivalTime(nextToEnrol);
                    enrol(nextToEnrol++, level, time, stream);
                }
            }
            double nextAnswer = heapSize > 0 ? knownAt[heap[0]] : Double.POSITIVE_INFINITY;
            if (status != DoseFinder.Status.OPEN && heapSize == 0) {
                throw new IllegalStateException("the " + finder + " design waits with no patient pending");
            }
            if (status == DoseFinder.Status.CLOSED || nextAnswer <= nextArrival) {
                if (status == DoseFinder.Status.HOLD) {
                    suspended += nextAnswer - time;
                }
                time = nextAnswer;
                int k = pop();
                state.evaluate(k, toxic[k]);
            } else {
                if (status == DoseFinder.Status.HOLD) {
                    suspended += nextArrival - time;
                }
                time = nextArrival;
                arrived++;
                if (status == DoseFinder.Status.OPEN) {
                    int level = finder.levelForNext(state, time);
                    if (level != DoseFinder.NONE) {
                        enrol(nextToEnrol++, level, time, stream);
                    } else if (!wait) {
                        nextToEnrol++;
                    }
                } else if (!wait) {
                    lost++;
                    nextToEnrol++;
                }
                nextArrival = stream.arrivalTime(arrived);
            }
        }
    }

    private void enrol(int patient, int level, double time, PatientStream stream) {
        int k = state.patients;
        state.enrol(level, time);
        toxic[k] = stream.tolerance(patient) < p[level];
        knownAt[k] = time + (toxic[k] ? stream.onsetFraction(patient) * window : window);
        push(k);
        if (toxic[k]) {
            dltCount++;
            dltsAtLevel[level]++;
        }
        if (level > trueMtd) {
            aboveTrueMtd++;
        }
    }

    private void finish(int mtd, double time, double waited, int stillWaiting) {
        selected = mtd;
        patients = state.patients;
        duration = time;
        leftWaiting = stillWaiting;
        meanWait = patients == 0 ? 0 : waited / patients;
    }

    private boolean before(int a, int b) {
        return knownAt[a] < knownAt[b] || (knownAt[a] == knownAt[b] && a < b);
    }

    private void push(int k) {
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(k, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = k;
    }

    private int pop() {
        int top = heap[0];
        int last = heap[--heapSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], last)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        if (heapSize > 0) {
            heap[i] = last;
        }
        return top;
    }
}
