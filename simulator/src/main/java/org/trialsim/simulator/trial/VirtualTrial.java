package org.trialsim.simulator.trial;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.Patients;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.SimulationException;
import org.trialsim.simulator.trial.accrual.AccrualProcess;

/**
 * Builds one virtual trial at a time: the arrivals, the allocation of each patient in the order they
 * reach it, and each patient's way through the pathway, handing every patient's outcome to the
 * design's analyses as it is simulated. Then holds the replicate's patients (arrival, arm, allocation
 * day) for the analyses to conclude on. Reuses its buffers; one per worker thread.
 *
 * <p>The presenting patients of replicate r are the engine's patients {@code r * STRIDE + j}, j = 0, 1, …:
 * the same virtual patients in every scenario (common random numbers); replicate 0 holds the cohort's
 * first patients.
 */
final class VirtualTrial {
    /** Patients per replicate at most; replicate r's patients are r·STRIDE … r·STRIDE + n − 1. */
    static final long STRIDE = 1L << 24;

    private static final long ARRIVALS = RandomStreams.purpose("trial:arrivals");
    private static final long RANDOMIZATION = RandomStreams.purpose("trial:randomization");

    private final TrialDesign design;
    private final RandomStreams streams;
    private final Patients simulator;
    private final Randomizer randomizer;
    /**
     * An array, not a list: a loop over a list allocates an iterator for every patient wherever the
     * compiler does not remove it (a quarter of what a 100,000-replicate process allocated, by Flight Recorder).
     */
    private final Analysis.Data[] analyses;
    /** The arm of a single-arm design, given to every patient wherever the pathway allocates; -1 if the design randomizes. */
    private final ArmPolicy singleArm;
    /** The looks the analyses make of the replicate, kept for per-replicate output. */
    private final LookLog looks = new LookLog();
    /** For tests: allocate again in order of allocation day even when arrival order was right. */
    boolean alwaysReallocate;

    private long replicate;
    private int n;
    private double[] arrival = new double[0];
    private double[] dropout = new double[0];
    private double[] allocationDay = new double[0];
    private int[] allocationNode = new int[0];
    private int[] stratum = new int[0];
    private int[] arm = new int[0];
    private int[][] levels = new int[0][];
    private boolean[] allocated = new boolean[0];
    private int[] order = new int[0];
    private int[] orderBuffer = new int[0];
    private long[] presenting = new long[0];
    /** The last allocation day of the replicate, NaN until asked for. */
    private double lastAllocationDay;
    /**
     * The accrual whose regular arrival days {@link #arrival} holds for {@link #regularPatients} patients
     * (null: none): they draw nothing and are the same in every replicate, so they are written once.
     */
    private AccrualProcess regularAccrual;
    private int regularPatients;
    /**
     * Per arm, the patients allocated to it in the replicate, counted with {@link #lastAllocationDay}: as
     * they are allocated when allocation follows arrival order, else when first asked for.
     */
    private final int[] allocatedByArm;

    /**
     * A builder of the design's replicates.
     *
     * @param analyses the per-thread data of the design's analyses, which receive every patient
     * @param nullScenario simulate the null hypothesis: the experimental arm of each comparison follows its control's pathway
     * @param simulator    the patients' simulator (of this protocol and these streams)
     */
    VirtualTrial(TrialDesign design, CompiledProtocol protocol, RandomStreams streams, List<Analysis.Data> analyses, boolean nullScenario,
                 int nodes, Patients simulator) {
        this.design = design;
        this.streams = streams;
        this.simulator = simulator;
        this.analyses = analyses.toArray(new Analysis.Data[0]);
        int[] simulatedArm = new int[protocol.arms().size()];
        for (int a = 0; a < simulatedArm.length; a++) {
            simulatedArm[a] = a;
        }
        double[] hazardFactor = new double[simulatedArm.length];
        Arrays.fill(hazardFactor, 1);
        if (nullScenario) {
            for (Analysis analysis : design.analyses) {
                if (analysis.comparesArms()) {
                    simulatedArm[analysis.experimental()] = analysis.control();
                    // at a hazard-ratio margin the null hypothesis is the control's hazards times the margin
                    if (analysis.margin() != null && analysis.margin().onHazardRatio()) {
                        hazardFactor[analysis.experimental()] = analysis.margin().value();
                    }
                }
            }
        }
        this.randomizer = new Randomizer(design, protocol, nodes, simulatedArm, hazardFactor);
        Analysis first = design.analyses.get(0);
        this.singleArm = first.comparesArms() ? null : ArmPolicy.forced(first.experimental());
        this.allocatedByArm = new int[protocol.arms().size()];
    }

    /**
     * Simulates a trial of the given size and accrual: the design's replicate r, or (r = -1) the large
     * trial that estimates the true effect.
     */
    void simulate(long r, int patients, AccrualProcess accrual) {
        replicate = r;
        resize(patients);
        UniformRandomProvider rng = streams.stream(ARRIVALS, r);
        if (design.regularArrivals) {
            if (accrual != regularAccrual || n != regularPatients) {
                accrual.regularArrivalDays(arrival, n);
                regularAccrual = accrual;
                regularPatients = n;
            }
        } else {
            regularAccrual = null;
            accrual.arrivalDays(rng, arrival, n);
        }
        accrual.dropoutDays(rng, dropout, n);
        simulatePatients();
    }

    private void resize(int patients) {
        n = patients;
        for (Analysis.Data data : analyses) {
            data.resize(patients);
        }
        if (arrival.length >= patients) {
            return;
        }
        arrival = new double[n];
        regularAccrual = null;
        dropout = new double[n];
        allocationDay = new double[n];
        allocationNode = new int[n];
        stratum = new int[n];
        arm = new int[n];
        allocated = new boolean[n];
        order = new int[n];
        orderBuffer = new int[n];
        presenting = new long[n];
        levels = new int[n][design.factorSlots.length];
    }

    /**
     * Simulates the replicate's patients. Presenting patients who fail screening are not enrolled and
     * take no place in the accrual (its rate and the sample size count enrolled patients); the i-th
     * enrolled patient is the engine patient {@code base + presenting[i]}.
     *
     * <p>Patients must be allocated in the order they reach allocation. Each patient is first
     * simulated with allocation made on the spot, in arrival order; when allocation days turn out to
     * follow arrival order (always when allocation is the pathway's start), that was the right order and
     * one simulation per patient suffices. Otherwise the allocators start again from the replicate's
     * stream, allocate in order of allocation day (ties by arrival) and the allocated patients are
     * simulated again on their arms: the result is the same either way.
     */
    private void simulatePatients() {
        long base = replicate * STRIDE;
        lastAllocationDay = Double.NaN;
        Arrays.fill(allocatedByArm, 0);
        randomizer.start(streams.stream(RANDOMIZATION, replicate));
        int toAllocate = 0;
        boolean inArrivalOrder = true;
        double lastAllocation = Double.NEGATIVE_INFINITY;
        long next = 0;
        for (int i = 0; i < n; i++) {
            randomizer.nextPatient();
            PatientOutcome o;
            do {
                if (next >= STRIDE) {
                    throw new SimulationException(String.format(Locale.ROOT, "fewer than %,d of the %,d virtual patients that"
                            + " present for one simulated trial are eligible, so the trial cannot enrol %,d; the eligibility criteria"
                            + " exclude almost everyone ('trialsim simulate' shows the screening)", n, STRIDE, n));
                }
                presenting[i] = next;
                o = simulator.simulate(base + next++, singleArm != null ? singleArm : randomizer, arrival[i]);
            } while (!o.enrolled());
            allocated[i] = randomizer.decided();
            if (allocated[i]) {
                allocationNode[i] = randomizer.node();
                stratum[i] = randomizer.stratum();
                randomizer.copyLevels(levels[i]);
                arm[i] = randomizer.arm();
                allocationDay[i] = arrival[i] + o.allocationTime();
                inArrivalOrder &= allocationDay[i] >= lastAllocation;
                lastAllocation = allocationDay[i];
                order[toAllocate++] = i;
                allocatedByArm[arm[i]]++; // for allocatedBy, if this pass turns out to be the allocation
            } else {
                arm[i] = o.arm();
            }
            record(i, o);
        }
        if (inArrivalOrder && !alwaysReallocate && !randomizer.learns()) {
            // the allocation days never decreased: the last is the largest (-inf if nobody was allocated)
            lastAllocationDay = lastAllocation;
            return;
        }
        Arrays.fill(allocatedByArm, 0);
        randomizer.start(streams.stream(RANDOMIZATION, replicate));
        Ordering.sortByKey(order, toAllocate, allocationDay, orderBuffer);
        // each patient is allocated and then simulated, so that an allocation that learns knows the results
        // of the patients before (the allocators draw only from their own stream, so for the others the
        // order of allocating and simulating changes nothing)
        PatientOutcome last = null;
        // the large trial that estimates the true effect (r = -1) runs its whole size
        boolean mayStop = replicate >= 0;
        for (int k = 0; k < toAllocate; k++) {
            int i = order[k];
            if (mayStop && arrival[i] > randomizer.stopDay()) {
                continue; // accrual ended when an update stopped the trial: never enrolled (false while none has: NaN)
            }
            arm[i] = randomizer.allocate(allocationNode[i], stratum[i], levels[i], allocationDay[i]);
            PatientOutcome o = simulator.simulate(base + presenting[i], ArmPolicy.forced(randomizer.simulatedArm(arm[i]),
                    randomizer.hazardFactor(arm[i])), arrival[i]);
            record(i, o);
            randomizer.learn(allocationNode[i], stratum[i], arm[i], arrival[i], dropout[i], o);
            last = o;
        }
        double stop = randomizer.stopDay();
        if (mayStop && stop == stop) {
            endAccrual(stop, last);
        }
    }

    /**
     * Ends accrual on the day an update stopped the trial: the patients who arrived after it leave the
     * replicate (its size becomes those who arrived by then). Patients enrolled by then but allocated later
     * were allocated and simulated as usual. The analyses, which recorded the later arrivals in the first
     * pass, are told again with no arm, which excludes them from every comparison; any outcome serves.
     */
    private void endAccrual(double day, PatientOutcome any) {
        int kept = 0;
        while (kept < n && arrival[kept] <= day) {
            kept++;
        }
        for (int i = kept; i < n; i++) {
            arm[i] = -1;
            allocated[i] = false;
            record(i, any);
        }
        n = kept;
    }

    private void record(int i, PatientOutcome o) {
        for (Analysis.Data data : analyses) {
            data.record(i, o, this);
        }
    }

    /** What each randomized stratum's allocator did in the replicate. */
    void reportAllocation(List<RandomizedStratum> strata, int[][] counts, double[] imbalance, double[] factorImbalance, int[] leading,
                          int[] dropped, int[] stopped) {
        randomizer.report(strata, counts, imbalance, factorImbalance, leading, dropped, stopped);
    }

    /** Where the analyses note each look they make, for per-replicate output. */
    LookLog looks() {
        return looks;
    }

    /** The enrolled patients of the replicate. */
    int patients() {
        return n;
    }

    /** The calendar day patient i arrived (patients are in order of arrival). */
    double arrival(int i) {
        return arrival[i];
    }

    /** The calendar day of the last arrival. */
    double lastArrival() {
        return arrival[n - 1];
    }

    /** Days from patient i's enrolment to their loss to follow-up (+∞: never lost). */
    double dropout(int i) {
        return dropout[i];
    }

    /** Patient i's arm, or -1 if they never reached an allocation. */
    int arm(int i) {
        return arm[i];
    }

    /** The engine's index of patient i: who they are in every scenario. */
    long enginePatient(int i) {
        return replicate * STRIDE + presenting[i];
    }

    /** Patients enrolled on or before the calendar day. */
    int enrolledBy(double day) {
        if (day >= arrival[n - 1]) {
            return n;
        }
        int k = 0;
        while (k < n && arrival[k] <= day) {
            k++;
        }
        return k;
    }

    /** Patients allocated to the arm on or before the calendar day. */
    int allocatedBy(int givenArm, double day) {
        // most analyses conclude after the last allocation, when every allocated patient counts: one pass
        // counts them for every arm and finds that day
        if (lastAllocationDay != lastAllocationDay) {
            lastAllocationDay = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (allocated[i]) {
                    // a comparison, well predicted, rather than Math.max, which chains several instructions
                    // from patient to patient; a NaN day stays, as with Math.max (of +0 and -0 either may stay)
                    double allocatedOn = allocationDay[i];
                    if (!(allocatedOn <= lastAllocationDay) && lastAllocationDay == lastAllocationDay) {
                        lastAllocationDay = allocatedOn;
                    }
                    allocatedByArm[arm[i]]++;
                }
            }
        }
        if (day >= lastAllocationDay && givenArm >= 0 && givenArm < allocatedByArm.length) {
            return allocatedByArm[givenArm];
        }
        return count(givenArm, day);
    }

    private int count(int givenArm, double day) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (allocated[i] && allocationDay[i] <= day && arm[i] == givenArm) {
                count++;
            }
        }
        return count;
    }
}
