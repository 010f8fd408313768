package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Design.Escalation.WhenFull;

class EscalationScenarioTest {

    @ParameterizedTest(name = "{0} with target {1}: true MTD {2}")
    @CsvSource({
            "0.05 0.10 0.25 0.40, 0.25, 3",
            "0.05 0.10 0.25 0.40, 0.20, 2",
            "0.30 0.40, 0.25, 0",
            "0 0 0, 0.25, 3",
            "0.25, 0.25, 1",
    })
    void theTrueMtdIsTheHighestLevelAtOrBelowTheTarget(String dlt, double target, int mtd) {
        double[] p = Arrays.stream(dlt.split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertThat(EscalationScenario.of(p).withTargetDltRate(target).trueMtd()).isEqualTo(mtd);
    }

    @Test
    void hasTheDocumentedDefaults() {
        EscalationScenario s = EscalationScenario.of(0.1, 0.2);
        assertThat(s.startLevel()).isEqualTo(1);
        assertThat(s.interarrivalDays()).isEqualTo(10.0);
        assertThat(s.dltWindowDays()).isEqualTo(28.0);
        assertThat(s.arrivals()).isEqualTo(Arrivals.EXPONENTIAL);
        assertThat(s.whenFull()).isEqualTo(WhenFull.LOST);
        assertThat(s.targetDltRate()).isEqualTo(0.25);
        assertThat(s.levels()).isEqualTo(2);
    }

    @Test
    void allowsEqualNeighboursButNotADecrease() {
        assertThat(EscalationScenario.of(0.1, 0.1, 0.3).levels()).isEqualTo(3);
        assertThatThrownBy(() -> EscalationScenario.of(0.1, 0.3, 0.2))
                .hasMessageStartingWith("dltProbabilities must not decrease with dose, but level 3 (0.2) is below level 2 (0.3)");
    }

    @Test
    void namesTheArgumentThatIsWrong() {
        assertThatThrownBy(() -> EscalationScenario.of()).hasMessageStartingWith("dltProbabilities must give 1 to 30");
        assertThatThrownBy(() -> EscalationScenario.of(0.1, Double.NaN))
                .hasMessageStartingWith("dltProbabilities: the DLT probability of level 2 must be within [0, 1], not NaN");
        assertThatThrownBy(() -> EscalationScenario.of(-0.1)).hasMessageContaining("level 1 must be within [0, 1]");
        assertThatThrownBy(() -> EscalationScenario.of(1.5)).hasMessageContaining("level 1 must be within [0, 1]");
        assertThatThrownBy(() -> new EscalationScenario(Arrays.asList(0.1, null), 1, 10, Arrivals.REGULAR, 28, WhenFull.LOST, 0.25))
                .hasMessageContaining("level 2");
        EscalationScenario s = EscalationScenario.of(0.1, 0.2);
        assertThatThrownBy(() -> s.withStartLevel(3)).hasMessageStartingWith("startLevel must be between 1 and the number of levels (2)");
        assertThatThrownBy(() -> s.withStartLevel(0)).hasMessageStartingWith("startLevel");
        assertThatThrownBy(() -> s.withInterarrivalDays(Double.NaN)).hasMessageStartingWith("interarrivalDays");
        assertThatThrownBy(() -> s.withInterarrivalDays(0)).hasMessageStartingWith("interarrivalDays");
        assertThatThrownBy(() -> s.withDltWindowDays(Double.POSITIVE_INFINITY)).hasMessageStartingWith("dltWindowDays");
        assertThatThrownBy(() -> s.withTargetDltRate(1)).hasMessageStartingWith("targetDltRate");
        assertThatThrownBy(() -> s.withArrivals(null)).hasMessageStartingWith("arrivals");
        assertThatThrownBy(() -> s.withWhenFull(null)).hasMessageStartingWith("whenFull");
    }

    @Test
    void keepsAnImmutableCopyOfTheProbabilities() {
        java.util.ArrayList<Double> p = new java.util.ArrayList<>(List.of(0.1, 0.2));
        EscalationScenario s = new EscalationScenario(p, 1, 10, Arrivals.REGULAR, 28, WhenFull.LOST, 0.25);
        p.set(0, 0.9);
        assertThat(s.dltProbabilities()).containsExactly(0.1, 0.2);
        assertThatThrownBy(() -> s.dltProbabilities().set(0, 0.5)).isInstanceOf(UnsupportedOperationException.class);
    }
}
