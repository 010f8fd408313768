package org.trialsim.simulator.design;

import java.util.ArrayList;
import java.util.List;
import org.trialsim.protocol.Design;
import org.trialsim.simulator.design.escalation.Arrivals;
import org.trialsim.simulator.design.escalation.DoseFinding;
import org.trialsim.simulator.design.escalation.EscalationDesign;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.design.escalation.EscalationSimulation;
import org.trialsim.simulator.design.simon.SimonDesign;
import org.trialsim.simulator.design.simon.SimonSearch;
import org.trialsim.simulator.design.simon.SimonSearchResult;

/**
 * Runs both parts of a protocol's phase I/II design ({@link Design.EarlyPhase}), as for AALL1121: the
 * phase I dose escalation, simulated with the protocol's design and, on the same patients for comparison,
 * the 3+3 for the rolling six and the rolling six for any other, and the phase II two-stage design, searched (when alpha and beta are given) and
 * evaluated exactly (when the protocol fixes r1/n1, r/n).
 *
 * <pre>{@code
 * EarlyPhaseResult r = EarlyPhaseAnalysis.run((Design.EarlyPhase) protocol.design(), EarlyPhaseAnalysis.Settings.defaults());
 * }</pre>
 */
public final class EarlyPhaseAnalysis {
    private EarlyPhaseAnalysis() {
    }

    /**
     * How to run the escalation part (what the escalation is, including what becomes of patients arriving
     * while accrual is suspended and the target DLT rate, is the protocol's).
     *
     * @param replicates trials simulated per design
     * @param seed       the seed
     * @param threads    threads to use (the result does not depend on it)
     */
    public record Settings(int replicates, long seed, int threads) {
        /** {@value EscalationSimulation#DEFAULT_REPLICATES} replicates, seed {@value EscalationSimulation#DEFAULT_SEED}, one thread. */
        public static Settings defaults() {
            return new Settings(EscalationSimulation.DEFAULT_REPLICATES, EscalationSimulation.DEFAULT_SEED, 1);
        }
    }

    /**
     * Runs the parts the design has.
     *
     * @throws IllegalArgumentException if a part is incomplete or impossible (a DLT probability missing,
     *                                  decreasing or out of range; p1 not above p0; neither a fixed
     *                                  two-stage design nor alpha and beta), naming what is wrong
     */
    public static EarlyPhaseResult run(Design.EarlyPhase design, Settings settings) {
        if (design == null) {
            throw new IllegalArgumentException("design must be given");
        }
        if (settings == null) {
            throw new IllegalArgumentException("settings must be given");
        }
        if (design.escalation() == null && design.twoStage() == null) {
            throw new IllegalArgumentException("the design has neither an escalation part nor a two-stage part");
        }
        EarlyPhaseResult.EscalationPart escalation = design.escalation() == null ? null : escalation(design.escalation(), settings);
        EarlyPhaseResult.TwoStagePart twoStage = design.twoStage() == null ? null : twoStage(design.twoStage());
        return new EarlyPhaseResult(escalation, twoStage);
    }

    /** The scenario a protocol's escalation part describes; fields it leaves out take the defaults. */
    public static EscalationScenario scenario(Design.Escalation e) {
        if (e.levels() == null || e.levels().isEmpty()) {
            throw new IllegalArgumentException("escalation.levels: a dose escalation needs at least one dose level");
        }
        List<Double> p = new ArrayList<>(e.levels().size());
        for (int i = 0; i < e.levels().size(); i++) {
            Design.DoseLevel level = e.levels().get(i);
            if (level == null || level.dltProbability() == null) {
                throw new IllegalArgumentException("escalation.levels[" + i + "].dltProbability: every dose level needs"
                        + " a probability of a dose-limiting toxicity");
            }
            p.add(level.dltProbability());
        }
        double window = e.dltWindowDays() == null ? EscalationScenario.DEFAULT_DLT_WINDOW_DAYS : e.dltWindowDays();
        double gap = e.interarrivalDays() == null ? EscalationScenario.DEFAULT_INTERARRIVAL_DAYS : e.interarrivalDays();
        return new EscalationScenario(p, e.startLevel(), gap, Arrivals.EXPONENTIAL, window, e.whenFull(), e.targetDltRate(),
                e.dltOnset() == null ? Design.Escalation.DltOnset.WINDOW_END : e.dltOnset(),
                e.trueMtd() == null ? Design.Escalation.TrueMtd.AT_OR_BELOW : e.trueMtd());
    }

    /**
     * The settings of BOIN, the CRM and their time-to-event versions that a protocol's escalation part gives
     * (cohort size, sample size, skeleton, prior variance); the rest take their defaults. The sample size, when
     * the protocol gives none, is six per level rounded down to whole cohorts of its cohort size.
     *
     * @throws IllegalArgumentException if the target is outside (0.05, 0.6), or a value is out of range
     */
    public static DoseFinding doseFinding(Design.Escalation e, EscalationScenario scenario) {
        DoseFinding settings = DoseFinding.defaults(scenario);
        if (e.cohortSize() != null) {
            settings = settings.withCohortSize(e.cohortSize());
        }
        settings = settings.withMaxPatients(e.maxPatients() != null ? e.maxPatients()
                : DoseFinding.defaultMaxPatients(scenario.levels(), settings.cohortSize()));
        if (!e.skeleton().isEmpty()) {
            settings = settings.withSkeleton(e.skeleton());
        }
        if (e.priorVariance() != null) {
            settings = settings.withPriorVariance(e.priorVariance());
        }
        return settings;
    }

    /** The design a protocol's escalation method names: the one mapping from the protocol's methods to the designs. */
    public static EscalationDesign design(Design.Escalation.Method method) {
        if (method == null) {
            throw new IllegalArgumentException("escalation.method: say rolling-six, three-plus-three, boin, tite-boin, crm or tite-crm");
        }
        return switch (method) {
            case ROLLING_SIX -> EscalationDesign.ROLLING_SIX;
            case THREE_PLUS_THREE -> EscalationDesign.THREE_PLUS_THREE;
            case BOIN -> EscalationDesign.BOIN;
            case TITE_BOIN -> EscalationDesign.TITE_BOIN;
            case CRM -> EscalationDesign.CRM;
            case TITE_CRM -> EscalationDesign.TITE_CRM;
        };
    }

    private static EarlyPhaseResult.EscalationPart escalation(Design.Escalation e, Settings s) {
        EscalationDesign planned = design(e.method());
        EscalationScenario scenario = scenario(e);
        EscalationSimulation simulation = EscalationSimulation.of(scenario).designs(planned, planned.other());
        if (planned.targetBased()) {
            simulation = simulation.doseFinding(doseFinding(e, scenario));
        }
        EscalationResult result = simulation.replicates(s.replicates()).seed(s.seed()).threads(s.threads()).run();
        return new EarlyPhaseResult.EscalationPart(planned, e.levels(), result);
    }

    private static EarlyPhaseResult.TwoStagePart twoStage(Design.TwoStage t) {
        if (t.p0() == null || t.p1() == null) {
            throw new IllegalArgumentException("twoStage: give p0 and p1");
        }
        boolean fixed = t.n1() != null && t.r1() != null && t.n() != null && t.r() != null;
        boolean searchable = t.alpha() != null && t.beta() != null;
        if (!fixed && !searchable) {
            throw new IllegalArgumentException("twoStage: give n1, r1, n and r for a fixed design, or alpha and beta to search for one");
        }
        SimonSearchResult search = searchable ? SimonSearch.of(t.p0(), t.p1(), t.alpha(), t.beta()).run() : null;
        SimonDesign given = fixed ? SimonDesign.of(t.r1(), t.n1(), t.r(), t.n()) : null;
        return new EarlyPhaseResult.TwoStagePart(t, given, given == null ? List.of() : given.evaluate(t.p0(), t.p1()), search);
    }
}
