package org.trialsim.simulator.engine;

import org.trialsim.protocol.Node;
import org.trialsim.protocol.condition.Check;
import org.trialsim.simulator.random.RandomStreams;

/**
 * Simulates virtual patients through a compiled protocol, one at a time, in continuous time (days
 * since enrolment).
 *
 * <p>Randomness: each part of a patient (each covariate, MRD at enrolment, each pathway node, relapse,
 * death in remission, death after an event) draws from its own stream, addressed by (purpose,
 * patient). Changing one block's parameters therefore changes no random number used elsewhere, and
 * the same patient index is the same virtual patient in every scenario and every arm.
 *
 * <p>Relapse and death in remission are competing hazards that accrue only while the patient is in
 * remission. Each patient draws one Exp(1) budget per process, and the cumulative hazard of the rule
 * in force is spent against it (a {@link HazardClock}); the rule is chosen again whenever a slot of
 * the state it reads changes, so the hazard follows the patient's state. A cured fraction is applied
 * with one uniform per process (cured under a rule if the uniform is below its cured fraction), which
 * couples the cure of successive rules monotonically.
 *
 * <p>Not thread-safe: use one per thread. Allocates nothing per patient: the streams are one re-seeded
 * {@link org.trialsim.simulator.random.SplitMix64Stream}, bit-identical to Commons RNG's SplitMix64.
 */
public final class PatientSimulator implements Patients {
    private final CompiledProtocol p;
    private final RandomStreams streams;
    private final PatientOutcome out;
    private final boolean singleArmWithoutAllocation;
    /** Whether blocks' toxicities are drawn and recorded; without, their uniforms are skipped. */
    private final boolean toxicities;
    /**
     * Every patient's state before the covariates are drawn: unknown (NaN) but for the flags that start
     * known (no block received or under way, no assessment made, eligible for every treatment), copied
     * in one step rather than filled slot by slot.
     */
    private final double[] initialState;
    /** For each criterion, the bit of its treatment in {@link PatientOutcome#ineligibleTreatments}, or 0. */
    private final long[] criterionTreatmentBits;
    private final Draws draws = new Draws();

    private long patient;
    /** The current patient's day of enrolment from the start of accrual, which assessments' drifts read. */
    private double enrolmentDay;
    private long mixedPatient;
    private final Keys keys;
    private double initialMrd;
    /** log10 of the true MRD, or NaN while it is still {@link #initialMrd} and its log was not needed. */
    private double trueLog10Mrd;
    private final HazardClock relapse;
    private final HazardClock deathInRemission;
    /** Whether a slot the rules of events in remission read has changed since they were last followed. */
    private boolean remissionRulesStale;
    private double eventTime;
    private boolean eventIsRelapse;

    /** A simulator for the protocol with the given streams. */
    public PatientSimulator(CompiledProtocol protocol, RandomStreams streams) {
        this(protocol, streams, true);
    }

    /**
     * A simulator for the protocol with the given streams that, unless {@code toxicities}, records no
     * toxicity ({@link PatientOutcome#pathToxicities} 0): the uniforms that decide them are skipped in
     * the block's stream, not drawn, so every other draw and every other part of the outcome is the same.
     * A trial reads no toxicity.
     */
    PatientSimulator(CompiledProtocol protocol, RandomStreams streams, boolean toxicities) {
        this.p = protocol;
        this.toxicities = toxicities;
        this.streams = streams;
        this.out = new PatientOutcome(protocol.slots, protocol.assessmentIds.length);
        boolean hasAllocation = false;
        for (CompiledNode n : protocol.nodes) {
            hasAllocation |= n instanceof CompiledNode.Allocation;
        }
        this.singleArmWithoutAllocation = !hasAllocation && protocol.arms.length == 1;
        this.initialState = new double[protocol.slots];
        java.util.Arrays.fill(initialState, Double.NaN);
        for (CompiledNode n : protocol.nodes) {
            if (n instanceof CompiledNode.Block b) {
                initialState[b.receivedSlot()] = 0;
                initialState[b.duringSlot()] = 0;
            }
        }
        for (int slot : protocol.assessedSlots) {
            initialState[slot] = 0;
        }
        for (int slot : protocol.treatmentSlots) {
            initialState[slot] = 1;
        }
        this.criterionTreatmentBits = new long[protocol.criterionTreatmentSlot.length];
        for (int i = 0; i < criterionTreatmentBits.length; i++) {
            for (int t = 0; t < protocol.treatmentSlots.length; t++) {
                if (protocol.treatmentSlots[t] == protocol.criterionTreatmentSlot[i]) {
                    criterionTreatmentBits[i] |= 1L << t;
                }
            }
        }
        this.keys = new Keys(protocol, streams);
        this.relapse = new HazardClock(protocol.relapseRules, protocol.relapseArmRatios, protocol.armSlot);
        this.deathInRemission = new HazardClock(protocol.deathInRemissionRules, protocol.deathInRemissionArmRatios, protocol.armSlot);
    }

    /** The stream key of each purpose under this run's seed, computed once. */
    private static final class Keys {
        final long[] covariates;
        final long initialMrd;
        final long[] nodes;
        final long relapse;
        final long deathInRemission;
        final long deathAfterEvent;

        Keys(CompiledProtocol p, RandomStreams streams) {
            covariates = java.util.Arrays.stream(p.covariatePurposes).map(streams::key).toArray();
            initialMrd = streams.key(p.initialMrdPurpose);
            nodes = new long[p.nodes.length];
            for (CompiledNode n : p.nodes) {
                if (n instanceof CompiledNode.Block b) {
                    nodes[b.index()] = streams.key(b.purpose());
                } else if (n instanceof CompiledNode.Decision d) {
                    nodes[d.index()] = streams.key(d.purpose());
                } else if (n instanceof CompiledNode.Allocation a) {
                    nodes[a.index()] = streams.key(a.purpose());
                }
            }
            relapse = streams.key(p.relapsePurpose);
            deathInRemission = streams.key(p.deathInRemissionPurpose);
            deathAfterEvent = streams.key(p.deathAfterEventPurpose);
        }
    }

    /** The draws of one part of the current patient (purpose as a key of this run's seed). */
    private Draws draws(long key) {
        return draws.reset(RandomStreams.shortSeed(key, mixedPatient));
    }

    /** The compiled protocol. */
    public CompiledProtocol protocol() {
        return p;
    }

    /**
     * Simulates one patient. The returned outcome is reused by the next call.
     *
     * @param patientIndex the patient's index: the same index is the same virtual patient
     * @param policy       how arms are chosen at allocation nodes
     */
    @Override
    public PatientOutcome simulate(long patientIndex, ArmPolicy policy) {
        return simulate(patientIndex, policy, 0);
    }

    /**
     * Simulates one patient enrolled on a calendar day (a cohort's patients are all enrolled on day 0).
     * The returned outcome is reused by the next call.
     *
     * @param patientIndex the patient's index: the same index is the same virtual patient
     * @param policy       how arms are chosen at allocation nodes
     * @param enrolmentDay the day of enrolment from the start of accrual, which an assessment's drift reads
     */
    @Override
    public PatientOutcome simulate(long patientIndex, ArmPolicy policy, double enrolmentDay) {
        patient = patientIndex;
        this.enrolmentDay = enrolmentDay;
        mixedPatient = RandomStreams.mix(patientIndex);
        out.reset(patientIndex, initialState);
        double[] s = out.state;
        drawCovariates(s);
        checkEligibility(s);
        if (!out.enrolled) {
            return out;
        }
        for (int i = 0; i < p.riskRuleChecks.length; i++) {
            if (Check.holds(p.riskRuleChecks[i], s)) {
                s[p.riskSlot] = p.riskRuleGroups[i];
                out.initialRisk = p.riskRuleGroups[i];
                break;
            }
        }
        if (singleArmWithoutAllocation) {
            s[p.armSlot] = 0;
            out.arm = 0;
            out.allocationTime = 0;
        }
        Draws d = draws(keys.relapse);
        relapse.start(d.exponential(), d.uniform());
        d = draws(keys.deathInRemission);
        deathInRemission.start(d.exponential(), d.uniform());
        remissionRulesStale = true;
        if (inRemission(s)) {
            out.reachedRemission = true;
            out.remissionTime = 0;
        }
        walk(s, policy);
        return out;
    }

    private void drawCovariates(double[] s) {
        for (int i = 0; i < p.covariateSlots.length; i++) {
            s[p.covariateSlots[i]] = ValueSampler.draw(p.covariateSamplers[i], draws(keys.covariates[i]), s);
        }
        double mrd = Math.min(1, Math.max(0, ValueSampler.draw(p.initialMrd, draws(keys.initialMrd), s)));
        s[p.mrdSlot] = mrd;
        initialMrd = mrd;
        out.initialMrd = mrd;
        trueLog10Mrd = Double.NaN;
    }

    private void checkEligibility(double[] s) {
        for (int i = 0; i < p.criterionChecks.length; i++) {
            boolean holds = Check.holds(p.criterionChecks[i], s);
            if (holds != p.criterionExcludes[i]) {
                continue;
            }
            int treatmentSlot = p.criterionTreatmentSlot[i];
            if (treatmentSlot < 0) {
                out.failedCriteria |= 1L << i;
                if (out.firstFailedCriterion < 0) {
                    out.firstFailedCriterion = i;
                }
            } else {
                s[treatmentSlot] = 0;
                out.ineligibleTreatments |= criterionTreatmentBits[i];
            }
        }
        out.enrolled = out.failedCriteria == 0;
    }

    private void walk(double[] s, ArmPolicy policy) {
        double t = 0;
        int node = p.start;
        while (true) {
            CompiledNode n = p.nodes[node];
            if (n instanceof CompiledNode.Block b) {
                if (!eligibleFor(b, s)) {
                    out.visit(node, b.substitute() >= 0 ? PatientOutcome.SUBSTITUTED : PatientOutcome.SKIPPED, 0);
                    node = b.substitute() >= 0 ? b.substitute() : b.next();
                    continue;
                }
                if (!runBlock(b, t, s)) {
                    out.interruptedAt = node;
                    out.timeOnTherapy = eventTime;
                    return;
                }
                t += b.durationDays();
                node = b.next();
            } else if (n instanceof CompiledNode.Decision d) {
                int route = chooseRoute(d, s);
                out.visit(node, route, 0);
                if (d.setRisk()[route] >= 0) {
                    change(s, p.riskSlot, d.setRisk()[route]);
                }
                node = d.to()[route];
            } else if (n instanceof CompiledNode.Allocation a) {
                int stratum = 0;
                while (stratum < a.strataChecks().length - 1 && !Check.holds(a.strataChecks()[stratum], s)) {
                    stratum++;
                }
                out.allocationNode = node;
                out.stratum = stratum;
                int arm = policy.choose(node, stratum, a.strataArms()[stratum], a.weights()[stratum], s,
                        policy.readsPatientDraws() ? draws(keys.nodes[a.index()]).provider() : null);
                if (arm == ArmPolicy.NOT_OFFERED) {
                    out.notOffered = true;
                    out.timeOnTherapy = t;
                    return;
                }
                double factor = policy.hazardFactor();
                if (factor != 1) {
                    // settle the rules in force until today under the factor so far, then scale from today
                    if (remissionRulesStale) {
                        boolean remission = inRemission(s);
                        relapse.follow(t, s, remission);
                        deathInRemission.follow(t, s, remission);
                        remissionRulesStale = false;
                    }
                    relapse.scaleFrom(t, factor);
                    deathInRemission.scaleFrom(t, factor);
                }
                change(s, p.armSlot, arm);
                out.arm = arm;
                out.allocationTime = t;
                out.visit(node, arm, 0);
                node = a.to()[arm];
            } else {
                CompiledNode.End e = (CompiledNode.End) n;
                out.visit(node, 0, 0);
                out.endNode = node;
                out.timeOnTherapy = t;
                if (e.status() == Node.EndStatus.FAILURE) {
                    out.failureTime = t;
                    deathAfterEvent(t, s);
                } else if (t < p.horizonDays && eventInRemission(t, p.horizonDays, s)) {
                    recordHazardEvent(s);
                }
                return;
            }
        }
    }

    private static boolean eligibleFor(CompiledNode.Block b, double[] s) {
        for (int slot : b.requiresSlots()) {
            if (s[slot] != 1.0) {
                return false;
            }
        }
        return true;
    }

    private int chooseRoute(CompiledNode.Decision d, double[] s) {
        Draws rng = null;
        for (int i = 0; i < d.checks().length; i++) {
            if (Check.holds(d.checks()[i], s)) {
                double probability = d.probabilities()[i];
                if (probability >= 1) {
                    return i;
                }
                if (rng == null) {
                    rng = draws(keys.nodes[d.index()]);
                }
                if (rng.uniform() < probability) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("no route of decision " + p.nodeIds[d.index()] + " applies; the protocol was not validated");
    }

    /** Runs a block from day t; false if death or relapse interrupted it (at {@link #eventTime}). */
    private boolean runBlock(CompiledNode.Block b, double t, double[] s) {
        // the block's stream: death, then each toxicity, then (with an MRD model) the normal deviate and,
        // last, the resistance draw, so that changing one parameter moves no other draw
        Draws rng = draws(keys.nodes[b.index()]);
        double uDeath = rng.uniform();
        long had = 0;
        double[] tox = b.toxicityProbabilities();
        if (toxicities) {
            for (int k = 0; k < tox.length; k++) {
                // a bit set without a jump: toxicities are random and a branch on them would mispredict
                had |= (rng.uniform() < tox[k] ? 1L : 0L) << k;
            }
        } else {
            rng.skip(tox.length);
        }
        out.visit(b.index(), PatientOutcome.GIVEN, had);
        out.cost += b.cost();
        // a block counts as received from its start: the hazards during a transplant follow the transplant rules
        change(s, b.receivedSlot(), 1);
        change(s, b.duringSlot(), 1);
        if (b.kind() == Node.BlockKind.TRANSPLANT) {
            out.transplanted = true;
        }
        double end = t + b.durationDays();
        // given u < p, u / p is uniform: one draw says whether and when the patient dies in the block
        double deathAt = uDeath < b.deathProbability() ? t + uDeath / b.deathProbability() * b.durationDays()
                : Double.POSITIVE_INFINITY;
        boolean hazardEvent = eventInRemission(t, end, s);
        if (deathAt < end && (!hazardEvent || deathAt <= eventTime)) {
            eventTime = deathAt;
            out.deathTime = deathAt;
            out.deathCause = PatientOutcome.DIED_IN_BLOCK;
            return false;
        }
        if (hazardEvent) {
            recordHazardEvent(s);
            return false;
        }
        CompiledNode.MrdModel m = b.mrd();
        // the MRD response is the last use of the block's stream, so leaving it out where no assessment
        // can follow (it could not change anything) moves no other draw
        if (m != null && p.mrdAssessedLater[b.index()]) {
            double z = rng.gaussian();
            boolean resistant = m.resistantProbability() > 0 && rng.uniform() < m.resistantProbability();
            // carryOver 0: the level before does not matter; otherwise an undetectable (zero) MRD stays zero
            double carryOver = resistant ? m.resistantCarryOver() : m.carryOver();
            double carried = carryOver == 0 ? 0 : carryOver * trueLog10Mrd();
            trueLog10Mrd = Math.min(0, carried + m.adjustment(s)
                    + (resistant ? m.resistantShift() + m.resistantSd() * z : m.shift() + m.sd() * z));
        }
        for (int a : b.assessments()) {
            double drift = p.assessmentDriftPerDay[a] * enrolmentDay;
            if (drift != 0) {
                // a time trend: the level found here is shifted by the calendar time of enrolment, and stays so
                trueLog10Mrd = Math.min(0, trueLog10Mrd() + drift);
            }
            double measured = measuredMrd(p.assessmentDetectionLimits[a], p.assessmentUndetectedBelow[a]);
            change(s, p.assessmentSlots[a], measured);
            change(s, p.assessedSlots[a], 1);
            change(s, p.mrdSlot, measured);
            out.assessmentDays[a] = end;
        }
        // the block is over (an event in it, above, leaves the flag set: the patient was in it then)
        change(s, b.duringSlot(), 0);
        if (!out.reachedRemission && inRemission(s)) {
            out.reachedRemission = true;
            out.remissionTime = end;
        }
        return true;
    }

    /** The log10 of the true MRD, computing that of the initial MRD the first time it is needed. */
    private double trueLog10Mrd() {
        if (trueLog10Mrd != trueLog10Mrd) {
            trueLog10Mrd = Math.log10(initialMrd);
        }
        return trueLog10Mrd;
    }

    /**
     * The MRD an assessment measures: the true level, or 0 below the detection limit. A level well
     * below the limit on the log scale is undetected whatever the rounding of 10^x, so Math.pow (the
     * costliest step of a block) is skipped for it.
     */
    private double measuredMrd(double detectionLimit, double undetectedBelow) {
        double log10Mrd = trueLog10Mrd();
        if (log10Mrd < undetectedBelow) {
            return 0;
        }
        double mrd = log10Mrd == Double.NEGATIVE_INFINITY ? 0 : Math.pow(10, log10Mrd);
        return mrd >= detectionLimit ? mrd : 0;
    }

    /**
     * Sets a slot of the state during the walk, noting when the rules of events in remission may choose
     * differently (most changes, such as receiving a block no rule mentions, cannot change them).
     */
    private void change(double[] s, int slot, double value) {
        if (p.readByRemissionRules[slot] && !(s[slot] == value)) {
            remissionRulesStale = true;
        }
        s[slot] = value;
    }

    private boolean inRemission(double[] s) {
        return s[p.mrdSlot] < p.remissionBelow;
    }

    /**
     * Whether relapse or death in remission happens over [from, to], the state having last changed at
     * {@code from}; if so, its day is in {@link #eventTime} and its kind in {@link #eventIsRelapse}.
     */
    private boolean eventInRemission(double from, double to, double[] s) {
        if (remissionRulesStale) {
            boolean remission = inRemission(s);
            relapse.follow(from, s, remission);
            deathInRemission.follow(from, s, remission);
            remissionRulesStale = false;
        }
        double relapseAt = relapse.eventDay();
        double deathAt = deathInRemission.eventDay();
        if (relapseAt > to && deathAt > to) {
            return false;
        }
        eventIsRelapse = relapseAt <= deathAt;
        eventTime = Math.min(Math.max(Math.min(relapseAt, deathAt), from), to);
        return true;
    }

    private void recordHazardEvent(double[] s) {
        if (eventIsRelapse) {
            out.relapseTime = eventTime;
            deathAfterEvent(eventTime, s);
        } else {
            out.deathTime = eventTime;
            out.deathCause = PatientOutcome.DIED_IN_REMISSION;
        }
    }

    private void deathAfterEvent(double at, double[] s) {
        Draws rng = draws(keys.deathAfterEvent);
        double budget = rng.exponential();
        double cure = rng.uniform();
        CompiledProtocol.Rule r = select(p.deathAfterEventRules, s);
        if (r != null && cure >= r.curedFraction()) {
            double ratio = r.hazardRatio() * CompiledProtocol.armRatio(p.deathAfterEventArmRatios, s, p.armSlot);
            double after = r.hazard().inverse(budget / ratio);
            if (after < Double.POSITIVE_INFINITY) {
                out.deathTime = at + after;
                out.deathCause = PatientOutcome.DIED_AFTER_EVENT;
            }
        }
    }

    private static CompiledProtocol.Rule select(CompiledProtocol.Rule[] rules, double[] s) {
        for (CompiledProtocol.Rule r : rules) {
            if (Check.holds(r.when(), s)) {
                return r;
            }
        }
        return null;
    }
}
