package org.trialsim.simulator.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Design;
import org.trialsim.simulator.design.escalation.EscalationDesign;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.design.escalation.EscalationSimulation;
import org.trialsim.simulator.design.simon.SimonDesign;

class EarlyPhaseAnalysisTest {
    private static final List<Design.DoseLevel> LEVELS = List.of(
            new Design.DoseLevel(5.0, "µg/m²/day", 0.05), new Design.DoseLevel(15.0, "µg/m²/day", 0.10),
            new Design.DoseLevel(30.0, "µg/m²/day", 0.30));
    private static final EarlyPhaseAnalysis.Settings FAST = new EarlyPhaseAnalysis.Settings(600, 4, 1);

    private static Design.EarlyPhase design(Design.Escalation.Method method, Design.TwoStage twoStage) {
        Design.Escalation e = method == null ? null : new Design.Escalation(method, LEVELS, 2, 35.0, 7.0, null, null);
        return new Design.EarlyPhase("phase I/II", e, twoStage, null, null);
    }

    @Test
    void runsThePlannedEscalationAgainstTheOtherDesignAndSearchesTheTwoStageDesign() {
        Design.TwoStage t = new Design.TwoStage(null, 0.2, 0.4, 0.05, 0.2, null, null, null, null);
        EarlyPhaseResult r = EarlyPhaseAnalysis.run(design(Design.Escalation.Method.ROLLING_SIX, t), FAST);

        assertThat(r.escalation().planned()).isEqualTo(EscalationDesign.ROLLING_SIX);
        assertThat(r.escalation().result().designs()).extracting(s -> s.design())
                .containsExactly(EscalationDesign.ROLLING_SIX, EscalationDesign.THREE_PLUS_THREE);
        assertThat(r.escalation().result().comparison()).isNotNull();
        EscalationScenario s = r.escalation().result().scenario();
        assertThat(s.dltProbabilities()).containsExactly(0.05, 0.10, 0.30);
        assertThat(s.startLevel()).isEqualTo(2);
        assertThat(s.dltWindowDays()).isEqualTo(35.0);
        assertThat(s.interarrivalDays()).isEqualTo(7.0);
        // the same as simulating the scenario directly with the same seed
        assertThat(r.escalation().result()).isEqualTo(EscalationSimulation.of(s).replicates(600).seed(4).run());

        assertThat(r.twoStage().search().minimax().design()).isEqualTo(SimonDesign.of(4, 18, 10, 33));
        assertThat(r.twoStage().design()).isNull();
        assertThat(r.twoStage().atP0AndP1()).isEmpty();
    }

    @Test
    void putsThePlannedThreePlusThreeFirst() {
        EarlyPhaseResult r = EarlyPhaseAnalysis.run(design(Design.Escalation.Method.THREE_PLUS_THREE, null), FAST);

        assertThat(r.escalation().result().designs().get(0).design()).isEqualTo(EscalationDesign.THREE_PLUS_THREE);
        assertThat(r.escalation().result().comparison().first()).isEqualTo(EscalationDesign.THREE_PLUS_THREE);
        assertThat(r.twoStage()).isNull();
    }

    @Test
    void evaluatesAFixedTwoStageDesignExactlyAndSearchesOnlyWhenAlphaAndBetaAreGiven() {
        Design.TwoStage t = new Design.TwoStage(null, 0.2, 0.4, null, null, 18, 4, 33, 10);
        EarlyPhaseResult r = EarlyPhaseAnalysis.run(design(null, t), FAST);

        assertThat(r.escalation()).isNull();
        assertThat(r.twoStage().search()).isNull();
        assertThat(r.twoStage().design()).isEqualTo(SimonDesign.of(4, 18, 10, 33));
        assertThat(r.twoStage().atP0AndP1().get(0).rejectProbability()).isCloseTo(0.04583013417, within(1e-10));
        assertThat(r.twoStage().atP0AndP1().get(1).rejectProbability()).isCloseTo(0.80114168242, within(1e-10));
    }

    @Test
    void explainsWhatIsMissingOrImpossible() {
        Design.TwoStage neither = new Design.TwoStage(null, 0.2, 0.4, null, null, null, null, null, null);
        assertThatThrownBy(() -> EarlyPhaseAnalysis.run(design(null, neither), FAST))
                .hasMessageContaining("give n1, r1, n and r for a fixed design, or alpha and beta");

        Design.Escalation decreasing = new Design.Escalation(Design.Escalation.Method.ROLLING_SIX,
                List.of(new Design.DoseLevel(1.0, null, 0.3), new Design.DoseLevel(2.0, null, 0.1)), null, null, null, null, null);
        assertThatThrownBy(() -> EarlyPhaseAnalysis.run(new Design.EarlyPhase(null, decreasing, null, null, null), FAST))
                .hasMessageContaining("must not decrease");

        Design.Escalation missing = new Design.Escalation(Design.Escalation.Method.ROLLING_SIX,
                List.of(new Design.DoseLevel(1.0, null, null)), null, null, null, null, null);
        assertThatThrownBy(() -> EarlyPhaseAnalysis.run(new Design.EarlyPhase(null, missing, null, null, null), FAST))
                .hasMessageStartingWith("escalation.levels[0].dltProbability");

        assertThatThrownBy(() -> EarlyPhaseAnalysis.run(new Design.EarlyPhase(null, null, null, null, null), FAST))
                .hasMessageContaining("neither an escalation part nor a two-stage part");
    }

    @Test
    void theProtocolSaysWhatBecomesOfPatientsArrivingWhileFullAndTheTargetRate() {
        Design.Escalation e = new Design.Escalation(Design.Escalation.Method.ROLLING_SIX, LEVELS, 1, null, null,
                Design.Escalation.WhenFull.WAIT, 0.3);
        EscalationScenario s = EarlyPhaseAnalysis.scenario(e);
        assertThat(s.whenFull()).isEqualTo(Design.Escalation.WhenFull.WAIT);
        assertThat(s.targetDltRate()).isEqualTo(0.3);
        EscalationScenario defaults = EarlyPhaseAnalysis.scenario(new Design.Escalation(Design.Escalation.Method.ROLLING_SIX, LEVELS,
                null, null, null, null, null));
        assertThat(defaults.whenFull()).isEqualTo(Design.Escalation.WhenFull.LOST);
        assertThat(defaults.targetDltRate()).isEqualTo(Design.Escalation.DEFAULT_TARGET_DLT_RATE);
    }
}
