package org.trialsim.simulator.trial;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.InvalidProtocolException;
import org.trialsim.simulator.trial.allocation.Allocator;
import org.trialsim.simulator.trial.allocation.ResponseLearning;

/**
 * The design's allocation of one replicate, as the engine asks for it: the first allocation node a
 * patient reaches allocates them with its stratum's allocator (one per node and stratum, made when
 * first needed, restarted for each replicate), drawing from the replicate's randomization stream; a
 * later node offers the same arm or lets the patient leave. Under the null hypothesis the patient then
 * follows the pathway of the arm the analysis compares with.
 *
 * <p>The decision for the current patient is kept for the replicate to read after the patient is
 * simulated ({@link #decided()}, {@link #arm()}, …). Not thread-safe: one per worker.
 */
final class Randomizer implements ArmPolicy {
    private final TrialDesign design;
    private final CompiledProtocol protocol;
    /** The arm whose pathway a patient given each arm follows: itself, or the control arm under the null hypothesis. */
    private final int[] simulatedArm;
    /** The factor on the hazards in remission of a patient given each arm: 1, or the margin for an experimental arm under the null. */
    private final double[] hazardFactor;
    private final Allocator[][] allocators;
    private UniformRandomProvider rng;

    private boolean decided;
    private int node;
    private int stratum;
    private int arm;
    private final int[] levels;
    /** The early response a response-adaptive allocation learns from, or null if the allocation does not learn. */
    private final EarlyResponse early;
    /** The node and stratum whose allocator stopped the trial in the replicate (-1: none), why and on which day. */
    private int stopNode = -1;
    private int stopStratum;
    private int stopReason;
    private double stopDay = Double.NaN;

    Randomizer(TrialDesign design, CompiledProtocol protocol, int nodes, int[] simulatedArm, double[] hazardFactor) {
        this.design = design;
        this.protocol = protocol;
        this.simulatedArm = simulatedArm;
        this.hazardFactor = hazardFactor;
        this.allocators = new Allocator[nodes][];
        this.levels = new int[design.factorSlots.length];
        this.early = EarlyResponse.of(protocol, design.allocation);
    }

    /**
     * Whether the allocation learns from the patients' early results, and so must allocate in order of
     * allocation day, each patient knowing the results of those before: the first pass through the
     * patients only finds the allocation days (giving the stratum's first arm without a draw).
     */
    boolean learns() {
        return early != null;
    }

    /**
     * Makes each randomizing stratum's allocator once, before any trial runs, so that a method that
     * cannot allocate a stratum (an extension's that takes only some ratios, say) is reported as a
     * problem of the protocol rather than failing in the middle of a simulation. The allocators draw
     * nothing here.
     *
     * @throws InvalidProtocolException naming the stratum, at {@code design.randomization}
     */
    static void checkStrata(TrialDesign design, CompiledProtocol protocol, List<RandomizedStratum> strata) {
        UniformRandomProvider unused = new RandomStreams(0).stream(0, 0);
        for (RandomizedStratum rs : strata) {
            try {
                introduce(Allocator.of(design.allocation, protocol.strataWeights(rs.node(), rs.stratum()), design.factorLevels, unused),
                        protocol, design, rs.node(), rs.stratum());
            } catch (IllegalArgumentException e) {
                throw new InvalidProtocolException(protocol.loaded(), "design.randomization", design.allocation + " cannot randomize"
                        + " stratum '" + rs.stratumId() + "' of allocation '" + rs.nodeId() + "' (arms " + String.join(", ", rs.arms())
                        + "): " + e.getMessage());
            }
        }
    }

    /** Starts a replicate: every allocator made so far forgets its patients and draws from the stream. */
    void start(UniformRandomProvider stream) {
        rng = stream;
        stopNode = -1;
        stopReason = 0;
        stopDay = Double.NaN;
        for (Allocator[] byStratum : allocators) {
            if (byStratum != null) {
                for (Allocator a : byStratum) {
                    if (a != null) {
                        a.restart(stream);
                    }
                }
            }
        }
    }

    /** The next patient has not been allocated yet. */
    void nextPatient() {
        decided = false;
    }

    @Override
    public int choose(int allocationNode, int s, int[] arms, int[] weights, double[] state, UniformRandomProvider ignored) {
        if (!decided) {
            decided = true;
            node = allocationNode;
            stratum = s;
            factorLevels(state, levels);
            arm = early != null ? arms[0] : arms[allocator(allocationNode, s).allocate(levels)];
            return simulatedArm[arm];
        }
        for (int a : arms) {
            if (a == simulatedArm[arm]) {
                return a;
            }
        }
        return NOT_OFFERED;
    }

    /** The allocators draw from the replicate's randomization stream, never from the patient's draws. */
    @Override
    public boolean readsPatientDraws() {
        return false;
    }

    @Override
    public double hazardFactor() {
        return hazardFactor[arm];
    }

    /** The factor on the hazards in remission of a patient given the arm. */
    double hazardFactor(int givenArm) {
        return hazardFactor[givenArm];
    }

    /** Whether the current patient reached an allocation node and was allocated. */
    boolean decided() {
        return decided;
    }

    /** The allocation node that allocated the current patient. */
    int node() {
        return node;
    }

    /** The current patient's stratum at that node. */
    int stratum() {
        return stratum;
    }

    /** The arm the current patient was given (before the null hypothesis maps it to the pathway followed). */
    int arm() {
        return arm;
    }

    /** Copies the current patient's level of each randomization factor. */
    void copyLevels(int[] into) {
        System.arraycopy(levels, 0, into, 0, levels.length);
    }

    /**
     * Allocates a patient of the given node, stratum and factor levels again (when allocating in order of
     * allocation day).
     *
     * @param day the calendar day of the allocation, which an allocation that learns is told first
     */
    int allocate(int allocationNode, int s, int[] patientLevels, double day) {
        Allocator a = allocator(allocationNode, s);
        if (a instanceof ResponseLearning learning) {
            learning.today(day);
        }
        int given = protocol.strataArms(allocationNode, s)[a.allocate(patientLevels)];
        if (stopNode < 0 && a instanceof ResponseLearning learning && learning.stopReason() != 0) {
            stopNode = allocationNode;
            stopStratum = s;
            stopReason = learning.stopReason();
            stopDay = learning.stopDay();
        }
        return given;
    }

    /**
     * The calendar day on which an update of a learning allocation stopped the trial (the first such
     * update of any stratum), or NaN while none has.
     */
    double stopDay() {
        return stopDay;
    }

    /**
     * Tells the allocation that learns the early result of a patient it allocated, if the patient has one.
     *
     * @param givenArm the arm the patient was given
     * @param arrival  the patient's calendar day of enrolment
     * @param dropout  days from enrolment to loss to follow-up, after which no result is known
     */
    void learn(int allocationNode, int s, int givenArm, double arrival, double dropout, PatientOutcome outcome) {
        if (early == null || !(allocator(allocationNode, s) instanceof ResponseLearning learning)) {
            return;
        }
        double day = early.knownFrom(outcome);
        if (day == day && day <= dropout) {
            int[] arms = protocol.strataArms(allocationNode, s);
            for (int j = 0; j < arms.length; j++) {
                if (arms[j] == givenArm) {
                    learning.result(j, arrival + day, early.responded(outcome));
                }
            }
        }
    }

    /** The arm whose pathway a patient given the arm follows. */
    int simulatedArm(int givenArm) {
        return simulatedArm[givenArm];
    }

    /**
     * What each randomized stratum's allocator did in the replicate (nothing, if no patient reached it);
     * leading is the arm a learning allocator ended with the highest probability for (see
     * {@link ResponseLearning#leadingArm}), left as it is for other allocators; dropped the arms it dropped, as a
     * bit mask (left as it is likewise); stopped, for the stratum whose allocator stopped the trial, why
     * ({@link ResponseLearning#stopReason()}), 0 for the others.
     */
    void report(List<RandomizedStratum> strata, int[][] counts, double[] imbalance, double[] factorImbalance, int[] leading,
                int[] dropped, int[] stopped) {
        for (int k = 0; k < strata.size(); k++) {
            RandomizedStratum rs = strata.get(k);
            Allocator a = allocators[rs.node()] == null ? null : allocators[rs.node()][rs.stratum()];
            if (a == null) {
                continue;
            }
            for (int j = 0; j < a.arms(); j++) {
                counts[k][j] = a.count(j);
            }
            imbalance[k] = a.imbalance();
            factorImbalance[k] = a.marginalImbalance();
            if (a instanceof ResponseLearning learning) {
                leading[k] = learning.leadingArm();
                dropped[k] = learning.droppedArms();
            }
            stopped[k] = rs.node() == stopNode && rs.stratum() == stopStratum ? stopReason : 0;
        }
    }

    private Allocator allocator(int allocationNode, int s) {
        Allocator[] byStratum = allocators[allocationNode];
        if (byStratum == null) {
            byStratum = allocators[allocationNode] = new Allocator[protocol.strata(allocationNode)];
        }
        if (byStratum[s] == null) {
            byStratum[s] = Allocator.of(design.allocation, protocol.strataWeights(allocationNode, s), design.factorLevels, rng);
            introduce(byStratum[s], protocol, design, allocationNode, s);
        }
        return byStratum[s];
    }

    /** Tells an allocator that learns its stratum's arms and the design's sample size. */
    private static void introduce(Allocator a, CompiledProtocol protocol, TrialDesign design, int node, int s) {
        if (a instanceof ResponseLearning learning) {
            List<String> ids = new ArrayList<>();
            for (int arm : protocol.strataArms(node, s)) {
                ids.add(protocol.arms().get(arm));
            }
            learning.arms(ids, design.sampleSize);
        }
    }

    /** Writes the patient's level of each randomization factor; a factor not known at allocation has the last level. */
    private void factorLevels(double[] state, int[] into) {
        int[] slots = design.factorSlots;
        for (int f = 0; f < slots.length; f++) {
            double v = state[slots[f]];
            into[f] = v == v ? (int) v : design.factorLevels[f] - 1;
        }
    }
}
