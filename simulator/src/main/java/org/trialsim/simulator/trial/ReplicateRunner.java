package org.trialsim.simulator.trial;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.trialsim.protocol.Endpoint;
import org.trialsim.simulator.analysis.CoxModel;
import org.trialsim.simulator.analysis.CoxResult;
import org.trialsim.simulator.analysis.ExactBinomialTest;
import org.trialsim.simulator.analysis.FisherExactTest;
import org.trialsim.simulator.analysis.KaplanMeier;
import org.trialsim.simulator.analysis.LogRankTest;
import org.trialsim.simulator.analysis.OneSampleLogRank;
import org.trialsim.simulator.analysis.OneSampleLogRankResult;
import org.trialsim.simulator.analysis.SurvivalData;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.PatientSimulator;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.stats.Interval;
import org.trialsim.simulator.trial.accrual.AccrualProcess;
import org.trialsim.simulator.trial.allocation.Allocator;

/**
 * Simulates one virtual trial at a time: arrivals, the pathway of every patient, allocation in the
 * order patients reach it, and each analysis at its data cuts. Reuses its buffers; one per thread.
 *
 * <p>The presenting patients of replicate r are the engine's patients {@code r * STRIDE + j}, j = 0, 1, …:
 * the same virtual patients in every scenario (common random numbers); replicate 0 holds the cohort's
 * first patients.
 */
final class ReplicateRunner {
    /** Patients per replicate at most; replicate r's patients are r·STRIDE … r·STRIDE + n − 1. */
    static final long STRIDE = 1L << 24;

    private static final long ARRIVALS = RandomStreams.purpose("trial:arrivals");
    private static final long RANDOMIZATION = RandomStreams.purpose("trial:randomization");
    private static final long NULL_OUTCOME = RandomStreams.purpose("trial:null-outcome");

    private final TrialSpec spec;
    private final CompiledProtocol protocol;
    private final ProtocolIndex index;
    private final RandomStreams streams;
    private final PatientSimulator simulator;
    private final AccrualProcess accrual;
    /** One allocator per allocation node and stratum, made when first needed and restarted for each replicate. */
    private final Allocator[][] allocators;
    private final boolean nullScenario;
    private final List<RandomizedStratum> randomizedStrata;
    private final InlineAllocation inline = new InlineAllocation();
    /** For tests: allocate again in order of allocation day even when arrival order was right. */
    boolean alwaysReallocate;
    // per analysis: what its endpoint counts (unused for response analyses)
    private final boolean[] countsFailure;
    private final boolean[] countsRelapse;
    private final boolean[] countsDeath;
    private final boolean[] remissionOnly;
    private final boolean[] fromAllocation;
    private final int singleArm;
    private final int[] simulatedArm;

    private int n;
    private double[] arrival;
    private double[] dropout;
    private double[] allocationCalendar;
    private int[] allocationNode;
    private int[] stratum;
    private int[] label;
    private int[][] levels;
    private boolean[] allocated;
    private int[] order;
    private int[] orderBuffer;
    private double[] eventDays;
    private long[] presenting;
    private double[][] entry;       // per analysis: calendar day time starts
    private double[][] eventAfter;  // per analysis: days from entry to the event (+∞: none), NaN: not in the analysis
    private double[][] followUpMax; // per analysis: days from entry to the end of follow-up (horizon or dropout)
    private boolean[][] response;   // per analysis: responded
    private int[][] strata;         // per analysis: stratum of the stratified analysis

    ReplicateRunner(TrialSpec spec, CompiledProtocol protocol, RandomStreams streams, boolean nullScenario) {
        this.spec = spec;
        this.protocol = protocol;
        this.index = new ProtocolIndex(protocol);
        this.streams = streams;
        this.simulator = new PatientSimulator(protocol, streams);
        this.accrual = AccrualProcess.of(spec.accrual);
        this.allocators = new Allocator[index.nodes()][];
        this.randomizedStrata = RandomizedStratum.of(protocol, spec);
        this.nullScenario = nullScenario;
        TrialSpec.Analysis first = spec.analyses.get(0);
        boolean singleArmDesign = first.kind() == TrialSpec.Kind.SURVIVAL_VS_HISTORY || first.kind() == TrialSpec.Kind.RESPONSE_VS_HISTORY;
        this.singleArm = singleArmDesign ? first.experimental() : -1;
        // under the null hypothesis the experimental arm of each comparison gets the control arm's pathway
        this.simulatedArm = new int[index.arms().size()];
        for (int a = 0; a < simulatedArm.length; a++) {
            simulatedArm[a] = a;
        }
        if (nullScenario) {
            for (TrialSpec.Analysis analysis : spec.analyses) {
                if (analysis.kind() == TrialSpec.Kind.SURVIVAL_TWO_ARMS || analysis.kind() == TrialSpec.Kind.RESPONSE_TWO_ARMS) {
                    simulatedArm[analysis.experimental()] = analysis.control();
                }
            }
        }
        int analyses = spec.analyses.size();
        countsFailure = new boolean[analyses];
        countsRelapse = new boolean[analyses];
        countsDeath = new boolean[analyses];
        remissionOnly = new boolean[analyses];
        fromAllocation = new boolean[analyses];
        for (int a = 0; a < analyses; a++) {
            TrialSpec.Analysis analysis = spec.analyses.get(a);
            if (analysis.endpoint() < 0) {
                continue;
            }
            Endpoint endpoint = index.endpoint(analysis.endpoint());
            countsFailure[a] = endpoint.events().contains(Endpoint.EventKind.FAILURE);
            countsRelapse[a] = endpoint.events().contains(Endpoint.EventKind.RELAPSE);
            countsDeath[a] = endpoint.events().contains(Endpoint.EventKind.DEATH);
            remissionOnly[a] = endpoint.remissionOnly();
            fromAllocation[a] = endpoint.origin() == Endpoint.Origin.ALLOCATION;
        }
        resize(spec.sampleSize);
    }

    private void resize(int patients) {
        n = patients;
        arrival = new double[n];
        dropout = new double[n];
        allocationCalendar = new double[n];
        allocationNode = new int[n];
        stratum = new int[n];
        label = new int[n];
        allocated = new boolean[n];
        order = new int[n];
        orderBuffer = new int[n];
        eventDays = new double[n];
        presenting = new long[n];
        levels = new int[n][spec.randomizationFactorSlots.length];
        int a = spec.analyses.size();
        entry = new double[a][n];
        eventAfter = new double[a][n];
        followUpMax = new double[a][n];
        response = new boolean[a][n];
        strata = new int[a][n];
    }

    /** Simulates replicate r and analyses it. */
    ReplicateOutcome run(long replicate) {
        return run(replicate, spec.sampleSize, accrual, false);
    }

    /**
     * Simulates one trial of the given size and accrual; with {@code finalOnly}, only its final
     * analysis (used to estimate the true effect with a very large trial).
     */
    ReplicateOutcome run(long replicate, int patients, AccrualProcess accrual, boolean finalOnly) {
        if (patients != n) {
            resize(patients);
        }
        generateArrivals(replicate, accrual);
        simulatePatients(replicate);
        ReplicateOutcome outcome = new ReplicateOutcome(spec.analyses.size(), randomizedStrata);
        for (int a = 0; a < spec.analyses.size(); a++) {
            analyse(a, outcome, finalOnly, patients / (double) spec.sampleSize);
        }
        recordAllocation(outcome);
        return outcome;
    }

    /** Arrival days, then days to loss to follow-up, from the replicate's arrival stream. */
    private void generateArrivals(long replicate, AccrualProcess accrual) {
        UniformRandomProvider rng = streams.stream(ARRIVALS, replicate);
        if (spec.regularArrivals) {
            accrual.regularArrivalDays(arrival, n);
        } else {
            accrual.arrivalDays(rng, arrival, n);
        }
        accrual.dropoutDays(rng, dropout, n);
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
    private void simulatePatients(long replicate) {
        long base = replicate * STRIDE;
        ArmPolicy single = singleArm >= 0 ? ArmPolicy.forced(singleArm) : null;
        inline.start(streams.stream(RANDOMIZATION, replicate));
        int toAllocate = 0;
        boolean inArrivalOrder = true;
        double lastAllocation = Double.NEGATIVE_INFINITY;
        long next = 0;
        for (int i = 0; i < n; i++) {
            allocated[i] = false;
            inline.patient = i;
            PatientOutcome o;
            do {
                if (next >= STRIDE) {
                    throw new IllegalStateException("fewer than " + n + " of " + STRIDE + " presenting patients are eligible");
                }
                presenting[i] = next;
                o = simulator.simulate(base + next++, single != null ? single : inline);
            } while (!o.enrolled());
            if (allocated[i]) {
                allocationCalendar[i] = arrival[i] + o.allocationTime();
                inArrivalOrder &= allocationCalendar[i] >= lastAllocation;
                lastAllocation = allocationCalendar[i];
                order[toAllocate++] = i;
            } else {
                label[i] = o.arm();
            }
            record(i, o, replicate);
        }
        if (inArrivalOrder && !alwaysReallocate) {
            return;
        }
        UniformRandomProvider rng = streams.stream(RANDOMIZATION, replicate);
        restartAllocators(rng);
        Ordering.sortByKey(order, toAllocate, allocationCalendar, orderBuffer);
        for (int k = 0; k < toAllocate; k++) {
            int i = order[k];
            int node = allocationNode[i];
            int s = stratum[i];
            label[i] = protocol.strataArms(node, s)[allocator(node, s, rng).allocate(levels[i])];
        }
        for (int k = 0; k < toAllocate; k++) {
            int i = order[k];
            PatientOutcome o = simulator.simulate(base + presenting[i], ArmPolicy.forced(simulatedArm[label[i]]));
            record(i, o, replicate);
        }
    }

    /**
     * Allocation on the spot, for {@link #simulatePatients}: the first allocation node a patient reaches
     * allocates them with the stratum's allocator, from the replicate's randomization stream; a later
     * one offers the same arm or lets the patient leave. Under the null hypothesis the patient then
     * follows the pathway of the arm the analysis compares with.
     */
    private final class InlineAllocation implements ArmPolicy {
        /** The patient being simulated. */
        int patient;
        private UniformRandomProvider rng;

        /** Starts a replicate: every allocator made so far forgets its patients and draws from the stream. */
        void start(UniformRandomProvider stream) {
            rng = stream;
            restartAllocators(stream);
        }

        @Override
        public int choose(int node, int s, int[] arms, int[] weights, double[] state, UniformRandomProvider ignored) {
            int i = patient;
            if (!allocated[i]) {
                allocated[i] = true;
                allocationNode[i] = node;
                stratum[i] = s;
                factorLevels(state, levels[i]);
                label[i] = arms[allocator(node, s, rng).allocate(levels[i])];
                return simulatedArm[label[i]];
            }
            for (int a : arms) {
                if (a == simulatedArm[label[i]]) {
                    return a;
                }
            }
            return NOT_OFFERED;
        }
    }

    /** The arm (index among the protocol's arms) of each patient of the last replicate; for tests. */
    int[] arms() {
        return Arrays.copyOf(label, n);
    }

    /** The engine's patient index of each patient of the last replicate; for tests. */
    long[] enginePatients(long replicate) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = replicate * STRIDE + presenting[i];
        }
        return ids;
    }

    /** What each randomized stratum's allocator did in the replicate (nothing, if no patient reached it). */
    private void recordAllocation(ReplicateOutcome outcome) {
        for (int k = 0; k < randomizedStrata.size(); k++) {
            RandomizedStratum rs = randomizedStrata.get(k);
            Allocator a = allocators[rs.node()] == null ? null : allocators[rs.node()][rs.stratum()];
            if (a == null) {
                continue;
            }
            for (int arm = 0; arm < a.arms(); arm++) {
                outcome.strataCounts[k][arm] = a.count(arm);
            }
            outcome.strataImbalance[k] = a.imbalance();
            outcome.strataFactorImbalance[k] = a.marginalImbalance();
        }
    }

    /** Every allocator made so far starts the replicate with no patients, drawing from its stream. */
    private void restartAllocators(UniformRandomProvider rng) {
        for (Allocator[] byStratum : allocators) {
            if (byStratum != null) {
                for (Allocator a : byStratum) {
                    if (a != null) {
                        a.restart(rng);
                    }
                }
            }
        }
    }

    private Allocator allocator(int node, int stratum, UniformRandomProvider rng) {
        Allocator[] byStratum = allocators[node];
        if (byStratum == null) {
            byStratum = allocators[node] = new Allocator[protocol.strata(node)];
        }
        if (byStratum[stratum] == null) {
            byStratum[stratum] = Allocator.of(spec.allocation, protocol.strataWeights(node, stratum),
                    spec.randomizationFactorLevels, rng);
        }
        return byStratum[stratum];
    }

    /** Writes the patient's level of each randomization factor; a factor not known at allocation has the last level. */
    private void factorLevels(double[] state, int[] into) {
        int[] slots = spec.randomizationFactorSlots;
        for (int f = 0; f < slots.length; f++) {
            double v = state[slots[f]];
            into[f] = v == v ? (int) v : spec.randomizationFactorLevels[f] - 1;
        }
    }

    /** Records what the analyses need of patient i's outcome. */
    private void record(int i, PatientOutcome o, long replicate) {
        for (int a = 0; a < spec.analyses.size(); a++) {
            TrialSpec.Analysis analysis = spec.analyses.get(a);
            boolean onControl = label[i] == analysis.control();
            boolean onExperimental = label[i] == analysis.experimental();
            if (!o.enrolled() || !(onControl || onExperimental)) {
                eventAfter[a][i] = Double.NaN;
                continue;
            }
            strata[a][i] = stratumOf(analysis, o);
            if (analysis.response() != null) {
                // under the null hypothesis a single arm responds at the historical rate
                response[a][i] = nullScenario && analysis.kind() == TrialSpec.Kind.RESPONSE_VS_HISTORY
                        ? streams.shortStream(NULL_OUTCOME, replicate * STRIDE + presenting[i]).nextDouble() < analysis.historicalRate()
                        : analysis.response().test(o.state());
                eventAfter[a][i] = 0;
                entry[a][i] = arrival[i];
                followUpMax[a][i] = 0;
                continue;
            }
            if (remissionOnly[a] && !o.reachedRemission()) {
                eventAfter[a][i] = Double.NaN;
                continue;
            }
            double origin = fromAllocation[a] ? o.allocationTime() : 0;
            if (origin != origin) {
                eventAfter[a][i] = Double.NaN;
                continue;
            }
            double first = Double.POSITIVE_INFINITY;
            if (countsFailure[a]) {
                first = o.failureTime();
            }
            if (countsRelapse[a]) {
                first = Math.min(first, o.relapseTime());
            }
            if (countsDeath[a]) {
                first = Math.min(first, o.deathTime());
            }
            double after = first - origin;
            if (nullScenario && analysis.kind() == TrialSpec.Kind.SURVIVAL_VS_HISTORY) {
                // under the null hypothesis the arm's event times follow the historical curve
                double budget = -Math.log1p(-streams.shortStream(NULL_OUTCOME, replicate * STRIDE + presenting[i]).nextDouble());
                after = analysis.historical().inverse(budget);
            }
            entry[a][i] = arrival[i] + origin;
            eventAfter[a][i] = after;
            followUpMax[a][i] = Math.min(protocol.horizonDays() - origin, dropout[i] - origin);
        }
    }

    private int stratumOf(TrialSpec.Analysis analysis, PatientOutcome o) {
        int s = 0;
        for (int slot : analysis.strataSlots()) {
            s = s * 64 + (int) o.state()[slot];
        }
        return s;
    }

    private void analyse(int a, ReplicateOutcome outcome, boolean finalOnly, double scale) {
        TrialSpec.Analysis analysis = spec.analyses.get(a);
        switch (analysis.kind()) {
            case SURVIVAL_TWO_ARMS, SURVIVAL_VS_HISTORY -> survival(a, analysis, outcome, finalOnly, scale);
            case RESPONSE_TWO_ARMS -> responseTwoArms(a, analysis, outcome);
            case RESPONSE_VS_HISTORY -> responseVsHistory(a, analysis, outcome);
        }
    }

    private void survival(int a, TrialSpec.Analysis analysis, ReplicateOutcome outcome, boolean finalOnly, double scale) {
        double[] cuts = cuts(a, scale);
        int looks = finalOnly ? 1 : cuts.length;
        for (int k = finalOnly ? cuts.length - 1 : 0; k < cuts.length; k++) {
            double cut = cuts[k];
            SurvivalData data = dataAt(a, analysis, cut);
            boolean last = k == cuts.length - 1;
            if (analysis.kind() == TrialSpec.Kind.SURVIVAL_TWO_ARMS) {
                double z = data.events() == 0 ? Double.NaN : -LogRankTest.test(data).z();
                boolean efficacy = z >= spec.boundaries.efficacyBound(finalOnly ? spec.looks() - 1 : k);
                boolean futility = !last && !efficacy && spec.futilityBounds.length > 0 && !(z >= spec.futilityBounds[k]);
                if (efficacy || futility || last) {
                    CoxResult cox = data.events() == 0 ? null : CoxModel.fit(data);
                    double landmark = Double.NaN;
                    if (!Double.isNaN(analysis.landmarkDays()) && data.events() > 0) {
                        landmark = KaplanMeier.landmarkDifference(data, analysis.landmarkDays()).difference();
                    }
                    double logHr = cox == null ? Double.NaN : cox.logHazardRatio();
                    Interval ci = cox == null ? null : cox.hazardRatioInterval(0.95);
                    outcome.decide(a, finalOnly ? spec.looks() - 1 : k, efficacy, futility && !efficacy, enrolledBy(cut), data.events(),
                            cut, logHr, ci == null ? Double.NaN : Math.log(ci.lower()), ci == null ? Double.NaN : Math.log(ci.upper()),
                            landmark);
                    allocation(a, analysis, outcome, cut);
                    return;
                }
            } else {
                OneSampleLogRankResult test = oneSample(a, cut);
                boolean efficacy = test.observed() + test.expected() > 0 && test.pOneSided() <= spec.alpha;
                if (last || efficacy) {
                    double ratio = test.ratio();
                    double se = test.observed() > 0 ? 1 / Math.sqrt(test.observed()) : Double.NaN;
                    outcome.decide(a, k, efficacy, false, enrolledBy(cut), (int) Math.round(test.observed()), cut, Math.log(ratio),
                            Math.log(ratio) - 1.96 * se, Math.log(ratio) + 1.96 * se, Double.NaN);
                    return;
                }
            }
        }
        throw new IllegalStateException("no final analysis for " + looks + " looks");
    }

    /** The calendar days of the looks: by events, by follow-up after the last enrolment, or at the end of follow-up. */
    private double[] cuts(int a, double scale) {
        double lastArrival = arrival[n - 1];
        double end = 0;
        int eligible = 0;
        double[] eventDays = this.eventDays;
        int events = 0;
        for (int i = 0; i < n; i++) {
            double after = eventAfter[a][i];
            if (after != after) {
                continue;
            }
            eligible++;
            end = Math.max(end, entry[a][i] + Math.max(0, followUpMax[a][i]));
            if (after <= followUpMax[a][i]) {
                eventDays[events++] = entry[a][i] + after;
            }
        }
        if (spec.events != null) {
            double[] cuts = new double[spec.looks()];
            if (cuts.length == 1) {
                int target = (int) Math.ceil(spec.informationFractions[0] * spec.events * scale - 1e-9);
                cuts[0] = target <= events ? Ordering.kthSmallest(eventDays, events, target) : end;
                return cuts;
            }
            Arrays.sort(eventDays, 0, events);
            for (int k = 0; k < cuts.length; k++) {
                int target = (int) Math.ceil(spec.informationFractions[k] * spec.events * scale - 1e-9);
                cuts[k] = target <= events ? eventDays[target - 1] : end;
            }
            return cuts;
        }
        if (!Double.isNaN(spec.calendarDay)) {
            // the large true-effect trial keeps the calendar: its accrual is faster, not longer
            return new double[] {spec.calendarDay};
        }
        if (!Double.isNaN(spec.followUpDays)) {
            return new double[] {Math.min(lastArrival + spec.followUpDays, Math.max(end, lastArrival))};
        }
        return new double[] {Math.max(end, lastArrival)};
    }

    private SurvivalData dataAt(int a, TrialSpec.Analysis analysis, double cut) {
        int m = inData(a, cut);
        double[] time = new double[m];
        boolean[] event = new boolean[m];
        int[] arm = new int[m];
        int[] stratumOf = new int[m];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (inData(a, i, cut)) {
                event[j] = observedBy(a, i, cut);
                time[j] = timeAt(a, i, cut, event[j]);
                arm[j] = label[i] == analysis.experimental() ? 1 : 0;
                stratumOf[j] = strata[a][i];
                j++;
            }
        }
        return analysis.strataSlots().length == 0 ? SurvivalData.of(time, event, arm) : SurvivalData.of(time, event, arm, stratumOf);
    }

    /** Whether patient i counts in analysis a's data at the cut: enrolled on the arms it compares by then. */
    private boolean inData(int a, int i, double cut) {
        double after = eventAfter[a][i];
        return after == after && entry[a][i] <= cut;
    }

    /** The patients who count in analysis a's data at the cut. */
    private int inData(int a, double cut) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            m += inData(a, i, cut) ? 1 : 0;
        }
        return m;
    }

    /** Patient i's time at the cut: to the event if it is observed, else to censoring by the cut or the end of follow-up. */
    private double timeAt(int a, int i, double cut, boolean observed) {
        return observed ? eventAfter[a][i] : Math.max(0, Math.min(cut - entry[a][i], followUpMax[a][i]));
    }

    /**
     * Whether patient i's event is observed by the cut: before the end of their follow-up, and on or
     * before the cut day computed as {@link #cuts} computes event days (so that the event that sets a
     * cut is always counted in it, whatever the rounding of entry + time).
     */
    private boolean observedBy(int a, int i, double cut) {
        double after = eventAfter[a][i];
        return after <= followUpMax[a][i] && entry[a][i] + after <= cut;
    }

    private OneSampleLogRankResult oneSample(int a, double cut) {
        int m = inData(a, cut);
        double[] time = new double[m];
        boolean[] event = new boolean[m];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (inData(a, i, cut)) {
                event[j] = observedBy(a, i, cut);
                time[j] = timeAt(a, i, cut, event[j]);
                j++;
            }
        }
        return OneSampleLogRank.test(time, event, spec.analyses.get(a).historical());
    }

    private void responseTwoArms(int a, TrialSpec.Analysis analysis, ReplicateOutcome outcome) {
        int nE = 0;
        int nC = 0;
        int rE = 0;
        int rC = 0;
        for (int i = 0; i < n; i++) {
            if (eventAfter[a][i] != eventAfter[a][i]) {
                continue;
            }
            if (label[i] == analysis.experimental()) {
                nE++;
                rE += response[a][i] ? 1 : 0;
            } else {
                nC++;
                rC += response[a][i] ? 1 : 0;
            }
        }
        double p = FisherExactTest.test(rE, nE, rC, nC).pGreater();
        double pE = nE == 0 ? Double.NaN : (double) rE / nE;
        double pC = nC == 0 ? Double.NaN : (double) rC / nC;
        double d = pE - pC;
        double se = Math.sqrt(pE * (1 - pE) / nE + pC * (1 - pC) / nC);
        outcome.decide(a, spec.looks() - 1, p <= spec.alpha, false, nE + nC, rE + rC, arrival[n - 1], d, d - 1.96 * se, d + 1.96 * se,
                Double.NaN);
        allocation(a, analysis, outcome, Double.POSITIVE_INFINITY);
    }

    private void responseVsHistory(int a, TrialSpec.Analysis analysis, ReplicateOutcome outcome) {
        int m = 0;
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (eventAfter[a][i] == eventAfter[a][i]) {
                m++;
                r += response[a][i] ? 1 : 0;
            }
        }
        double p = ExactBinomialTest.test(r, m, analysis.historicalRate()).pGreater();
        Interval ci = ExactBinomialTest.clopperPearson(r, m, 0.95);
        outcome.decide(a, 0, p <= spec.alpha, false, m, r, arrival[n - 1], m == 0 ? Double.NaN : (double) r / m, ci.lower(), ci.upper(),
                Double.NaN);
    }

    private void allocation(int a, TrialSpec.Analysis analysis, ReplicateOutcome outcome, double cut) {
        int control = 0;
        int experimental = 0;
        for (int i = 0; i < n; i++) {
            if (!allocated[i] || allocationCalendar[i] > cut) {
                continue;
            }
            if (label[i] == analysis.control()) {
                control++;
            } else if (label[i] == analysis.experimental()) {
                experimental++;
            }
        }
        outcome.allocation(a, control, experimental);
    }

    private int enrolledBy(double cut) {
        int k = 0;
        while (k < n && arrival[k] <= cut) {
            k++;
        }
        return k;
    }
}
