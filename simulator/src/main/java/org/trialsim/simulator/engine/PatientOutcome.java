package org.trialsim.simulator.engine;

import java.util.Arrays;

/**
 * What happened to one virtual patient. Reused from patient to patient by its {@link PatientSimulator}
 * (so nothing is allocated per patient): read it before simulating the next one. Times are days
 * since enrolment; an event that did not happen has time +∞.
 */
public final class PatientOutcome {
    /** The block was given. */
    public static final int GIVEN = 0;
    /** The block was replaced by its substitute (recorded next in the path). */
    public static final int SUBSTITUTED = 1;
    /** The block was skipped: the patient was not eligible for a treatment it requires. */
    public static final int SKIPPED = 2;

    /** No death. */
    public static final int ALIVE = 0;
    /** Died during a block (toxic death, transplant-related mortality). */
    public static final int DIED_IN_BLOCK = 1;
    /** Died in remission after the pathway, or during it from the death-in-remission hazard. */
    public static final int DIED_IN_REMISSION = 2;
    /** Died after relapse or treatment failure. */
    public static final int DIED_AFTER_EVENT = 3;

    long index;
    final double[] state;
    boolean enrolled;
    long failedCriteria;
    int firstFailedCriterion;
    long ineligibleTreatments;
    int initialRisk;
    int arm;
    int stratum;
    int allocationNode;
    boolean notOffered;
    double allocationTime;
    int pathLength;
    int[] pathNodes = new int[16];
    int[] pathChoices = new int[16];
    long[] pathToxicities = new long[16];
    int endNode;
    int interruptedAt;
    boolean reachedRemission;
    double remissionTime;
    double initialMrd;
    boolean transplanted;
    double timeOnTherapy;
    double cost;
    double failureTime;
    double relapseTime;
    double deathTime;
    int deathCause;
    /** Per MRD assessment (in the protocol's order), the day from enrolment it was made, or NaN. */
    final double[] assessmentDays;

    PatientOutcome(int slots, int assessments) {
        this.state = new double[slots];
        this.assessmentDays = new double[assessments];
    }

    /** Starts the next patient, whose state starts as a copy of {@code initialState}. */
    void reset(long patient, double[] initialState) {
        index = patient;
        System.arraycopy(initialState, 0, state, 0, state.length);
        enrolled = false;
        failedCriteria = 0;
        firstFailedCriterion = -1;
        ineligibleTreatments = 0;
        initialRisk = -1;
        arm = -1;
        stratum = -1;
        allocationNode = -1;
        notOffered = false;
        allocationTime = Double.NaN;
        pathLength = 0;
        endNode = -1;
        interruptedAt = -1;
        reachedRemission = false;
        remissionTime = Double.POSITIVE_INFINITY;
        initialMrd = Double.NaN;
        transplanted = false;
        timeOnTherapy = 0;
        cost = 0;
        failureTime = Double.POSITIVE_INFINITY;
        relapseTime = Double.POSITIVE_INFINITY;
        deathTime = Double.POSITIVE_INFINITY;
        deathCause = ALIVE;
        Arrays.fill(assessmentDays, Double.NaN);
    }

    void visit(int node, int choice, long toxicities) {
        if (pathLength == pathNodes.length) {
            pathNodes = Arrays.copyOf(pathNodes, pathLength * 2);
            pathChoices = Arrays.copyOf(pathChoices, pathLength * 2);
            pathToxicities = Arrays.copyOf(pathToxicities, pathLength * 2);
        }
        pathNodes[pathLength] = node;
        pathChoices[pathLength] = choice;
        pathToxicities[pathLength] = toxicities;
        pathLength++;
    }

    /** The patient's index. */
    public long index() {
        return index;
    }

    /** The state vector: covariates, MRD, risk group, arm, blocks received (see ProtocolVariables). */
    public double[] state() {
        return state;
    }

    /** Whether the patient met every trial-wide criterion. */
    public boolean enrolled() {
        return enrolled;
    }

    /** A bit per trial-wide criterion the patient failed, by criterion index. */
    public long failedCriteria() {
        return failedCriteria;
    }

    /** The first criterion failed, in protocol order, or -1. */
    public int firstFailedCriterion() {
        return firstFailedCriterion;
    }

    /** A bit per treatment the patient is not eligible for, by treatment index. */
    public long ineligibleTreatments() {
        return ineligibleTreatments;
    }

    /** The risk group assigned at enrolment. */
    public int initialRisk() {
        return initialRisk;
    }

    /** The arm, or -1 if the patient was never allocated. */
    public int arm() {
        return arm;
    }

    /** The stratum within the allocation node, or -1. */
    public int stratum() {
        return stratum;
    }

    /** The allocation node reached, or -1. */
    public int allocationNode() {
        return allocationNode;
    }

    /** Whether the patient reached an allocation node whose stratum did not offer the wanted arm. */
    public boolean notOffered() {
        return notOffered;
    }

    /** The day of allocation, or NaN. */
    public double allocationTime() {
        return allocationTime;
    }

    /** The number of nodes visited. */
    public int pathLength() {
        return pathLength;
    }

    /** The i-th node visited. */
    public int pathNode(int i) {
        return pathNodes[i];
    }

    /**
     * What happened at the i-th node: for a decision the route taken, for an allocation the arm, for a
     * block {@link #GIVEN}, {@link #SUBSTITUTED} or {@link #SKIPPED}.
     */
    public int pathChoice(int i) {
        return pathChoices[i];
    }

    /** For a block, a bit per toxicity (by index) the patient had there. */
    public long pathToxicities(int i) {
        return pathToxicities[i];
    }

    /** The end node reached, or -1 if death or relapse interrupted the pathway. */
    public int endNode() {
        return endNode;
    }

    /** The block during which death or relapse interrupted the pathway, or -1. */
    public int interruptedAt() {
        return interruptedAt;
    }

    /** Whether the patient was in complete remission at some point. */
    public boolean reachedRemission() {
        return reachedRemission;
    }

    /**
     * The day the patient was first in complete remission: 0 if the MRD at enrolment was below the
     * remission level, else the end of the block whose MRD assessment first was; +∞ if never.
     */
    public double remissionTime() {
        return remissionTime;
    }

    /** The MRD drawn at enrolment (before eligibility, which may read it). */
    public double initialMrd() {
        return initialMrd;
    }

    /** Whether the patient started a transplant block. */
    public boolean transplanted() {
        return transplanted;
    }

    /** Days from enrolment to the end of the pathway (or to death or relapse during it). */
    public double timeOnTherapy() {
        return timeOnTherapy;
    }

    /** The cost of the blocks started. */
    public double cost() {
        return cost;
    }

    /** The day of treatment failure (a failure end), or +∞. */
    public double failureTime() {
        return failureTime;
    }

    /** The day of relapse, or +∞. */
    public double relapseTime() {
        return relapseTime;
    }

    /** The day of death, or +∞. */
    public double deathTime() {
        return deathTime;
    }

    /** How the patient died: {@link #ALIVE}, {@link #DIED_IN_BLOCK}, {@link #DIED_IN_REMISSION}, {@link #DIED_AFTER_EVENT}. */
    public int deathCause() {
        return deathCause;
    }

    /**
     * The day from enrolment of the patient's MRD assessment, or NaN if it was not made.
     *
     * @param assessment the assessment's index, in the protocol's order of {@code assessments}
     */
    public double assessmentDay(int assessment) {
        return assessmentDays[assessment];
    }
}
