package org.trialsim.simulator.engine;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.condition.Check;
import org.trialsim.simulator.hazard.PiecewiseConstantHazard;
import org.trialsim.simulator.random.RandomStreams;

/**
 * The patients of a protocol in which every patient is the same until allocated: no covariates, a
 * constant MRD at enrolment, and a pathway that allocates at its start and ends at once (a plain
 * survival trial such as {@code examples/two-arm-exponential.yaml}). Everything about such a patient
 * but the event times follows from the arm, so each arm's outcome is simulated once by the general
 * {@link PatientSimulator} and kept; a patient then costs the allocation and one draw per process with a
 * hazard that is not zero everywhere, whose event day is the hazard's inverse at the drawn budget (under
 * a hazard of zero both engines say the process never happens, whatever the budget, so leaving its draw
 * out changes nothing: the process has its own stream).
 *
 * <p>The outcomes are those of the general engine to the bit (a test compares them on every example
 * and built-in protocol): the same streams, the same draws from them (a draw whose result cannot matter,
 * such as the cure uniform of a rule that cures nobody, is left out, which changes no other draw since
 * every part has its own stream), and the same arithmetic: the hazard clocks of the general engine spend
 * nothing before the allocation on day 0, so the event day is {@code inverse(Λ(0) + budget / (factor ·
 * ratio))} whatever the rules in force before it.
 *
 * <p>Not thread-safe: one per thread. The outcome returned is reused by the next call.
 */
public final class ClosedFormPatients implements Patients {
    private final Draws draws = new Draws();
    private final int allocation;
    private final int stratum;
    private final int[] arms;
    private final int[] weights;
    /** The state every patient has when allocated (the policy reads it). */
    private final double[] stateAtAllocation;
    private final long allocationKey;
    private final long relapseKey;
    private final long deathInRemissionKey;
    private final long deathAfterEventKey;
    private final double horizonDays;
    /** The outcome of a patient the policy does not allocate. */
    private final PatientOutcome notOffered;
    /** By arm, the outcome of a patient given it (null for an arm the stratum does not offer); its event times are set per patient. */
    private final PatientOutcome[] byArm;
    private final Clock[] relapse;
    private final Clock[] deathInRemission;
    private final Clock[] deathAfterEvent;
    private long mixedPatient;

    private ClosedFormPatients(CompiledProtocol p, RandomStreams streams, CompiledNode.Allocation a, Capture first,
                               PatientOutcome notOffered) {
        allocation = a.index();
        stratum = first.stratum;
        arms = a.strataArms()[stratum];
        weights = a.weights()[stratum];
        stateAtAllocation = first.state;
        allocationKey = streams.key(a.purpose());
        relapseKey = streams.key(p.relapsePurpose);
        deathInRemissionKey = streams.key(p.deathInRemissionPurpose);
        deathAfterEventKey = streams.key(p.deathAfterEventPurpose);
        horizonDays = p.horizonDays;
        this.notOffered = notOffered;
        int armCount = p.arms.length;
        byArm = new PatientOutcome[armCount];
        relapse = new Clock[armCount];
        deathInRemission = new Clock[armCount];
        deathAfterEvent = new Clock[armCount];
        for (int arm : arms) {
            // a simulator of its own for each arm, whose outcome is never overwritten
            PatientOutcome o = new PatientSimulator(p, streams).simulate(0, new Capture(arm));
            byArm[arm] = o;
            double[] s = o.state;
            boolean remission = s[p.mrdSlot] < p.remissionBelow;
            relapse[arm] = Clock.of(remission ? select(p.relapseRules, s) : null, p.relapseArmRatios, s, p.armSlot);
            deathInRemission[arm] = Clock.of(remission ? select(p.deathInRemissionRules, s) : null, p.deathInRemissionArmRatios, s,
                    p.armSlot);
            deathAfterEvent[arm] = Clock.of(select(p.deathAfterEventRules, s), p.deathAfterEventArmRatios, s, p.armSlot);
        }
    }

    /**
     * The closed form of the protocol's patients, or empty when a patient's outcome depends on more than
     * the arm and the event times: covariates, a random MRD at enrolment, a block or decision on the way, a
     * failure end, or nobody enrolled.
     */
    public static Optional<ClosedFormPatients> of(CompiledProtocol p, RandomStreams streams) {
        if (p.covariateSlots.length > 0 || !(p.initialMrd instanceof ValueSampler.Constant)
                || !(p.nodes[p.start] instanceof CompiledNode.Allocation a)) {
            return Optional.empty();
        }
        for (int to : a.to()) {
            if (to >= 0 && !(p.nodes[to] instanceof CompiledNode.End end && end.status() != Node.EndStatus.FAILURE)) {
                return Optional.empty();
            }
        }
        Capture first = new Capture(ArmPolicy.NOT_OFFERED);
        PatientOutcome notOffered = new PatientSimulator(p, streams).simulate(0, first);
        if (first.state == null) {
            return Optional.empty(); // not enrolled: the general engine says why no trial can run
        }
        return Optional.of(new ClosedFormPatients(p, streams, a, first, notOffered));
    }

    @Override
    public PatientOutcome simulate(long patientIndex, ArmPolicy policy) {
        mixedPatient = RandomStreams.mix(patientIndex);
        int arm = policy.choose(allocation, stratum, arms, weights, stateAtAllocation,
                policy.readsPatientDraws() ? draws(allocationKey).provider() : null);
        if (arm == ArmPolicy.NOT_OFFERED) {
            notOffered.index = patientIndex;
            return notOffered;
        }
        PatientOutcome o = arm >= 0 && arm < byArm.length ? byArm[arm] : null;
        if (o == null) {
            throw new IllegalStateException("the allocation policy chose arm " + arm + ", which the stratum does not offer");
        }
        double factor = policy.hazardFactor();
        o.index = patientIndex;
        o.relapseTime = Double.POSITIVE_INFINITY;
        o.deathTime = Double.POSITIVE_INFINITY;
        o.deathCause = PatientOutcome.ALIVE;
        double relapseAt = relapse[arm].eventDay(draws, relapseKey, mixedPatient, factor);
        double deathAt = deathInRemission[arm].eventDay(draws, deathInRemissionKey, mixedPatient, factor);
        // as the general engine at an end node on day 0: the first event in remission up to the horizon
        if (0 < horizonDays && !(relapseAt > horizonDays && deathAt > horizonDays)) {
            double eventTime = Math.min(Math.max(Math.min(relapseAt, deathAt), 0), horizonDays);
            if (relapseAt <= deathAt) {
                o.relapseTime = eventTime;
                deathAfterEvent(o, arm, eventTime);
            } else {
                o.deathTime = eventTime;
                o.deathCause = PatientOutcome.DIED_IN_REMISSION;
            }
        }
        return o;
    }

    private void deathAfterEvent(PatientOutcome o, int arm, double at) {
        Draws rng = draws(deathAfterEventKey);
        double budget = rng.exponential();
        double cure = rng.uniform();
        Clock c = deathAfterEvent[arm];
        if (c.rule != null && cure >= c.rule.curedFraction()) {
            double after = c.rule.hazard().inverse(budget / c.ratio);
            if (after < Double.POSITIVE_INFINITY) {
                o.deathTime = at + after;
                o.deathCause = PatientOutcome.DIED_AFTER_EVENT;
            }
        }
    }

    private Draws draws(long key) {
        return draws.reset(RandomStreams.shortSeed(key, mixedPatient));
    }

    private static CompiledProtocol.Rule select(CompiledProtocol.Rule[] rules, double[] s) {
        for (CompiledProtocol.Rule r : rules) {
            if (Check.holds(r.when(), s)) {
                return r;
            }
        }
        return null;
    }

    /**
     * A process of one arm: the rule in force (null: no hazard) and its hazard ratio times the arm's,
     * as a {@link HazardClock} would compute them; whether a patient's event day needs a draw at all, the
     * hazard and the cured fraction are read off the rule once here rather than per patient.
     */
    private record Clock(CompiledProtocol.Rule rule, double ratio, double cumulativeAtStart, boolean draws,
                         PiecewiseConstantHazard hazard, double curedFraction) {

        static Clock of(CompiledProtocol.Rule rule, double[] armRatios, double[] state, int armSlot) {
            if (rule == null) {
                return new Clock(null, 0, 0, false, null, 0);
            }
            double ratio = rule.hazardRatio() * CompiledProtocol.armRatio(armRatios, state, armSlot);
            // as HazardClock decides it: under a hazard of 0 at all times nothing happens, without a draw
            boolean draws = ratio != 0 && !rule.hazard().isZero();
            return new Clock(rule, ratio, rule.hazard().cumulativeHazard(0), draws, rule.hazard(), rule.curedFraction());
        }

        /**
         * The day the patient's budget runs out, from their stream of the process; +∞ without a rule, under
         * a hazard that is 0 at all times (as {@link HazardClock} decides it, so without drawing: the stream
         * is the process's alone) or when cured.
         */
        double eventDay(Draws draws, long key, long mixedPatient, double factor) {
            if (!this.draws) {
                return Double.POSITIVE_INFINITY;
            }
            Draws d = draws.reset(RandomStreams.shortSeed(key, mixedPatient));
            double budget = d.exponential();
            // the cure uniform comes after the budget in the stream, and cannot cure under a rule that cures nobody
            if (curedFraction > 0 && d.uniform() < curedFraction) {
                return Double.POSITIVE_INFINITY;
            }
            return hazard.inverse(cumulativeAtStart + budget / (factor * ratio));
        }
    }

    /** A policy that gives one arm and notes the allocation it was asked for. */
    private static final class Capture implements ArmPolicy {
        private final int arm;
        private double[] state;
        private int stratum;

        Capture(int arm) {
            this.arm = arm;
        }

        @Override
        public int choose(int node, int s, int[] offered, int[] w, double[] at, UniformRandomProvider rng) {
            state = at.clone();
            stratum = s;
            return arm;
        }
    }
}
