package org.trialsim.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Schoenfeld events and power against rpact 3.3.4 (R 4.2.2); event numbers do not depend on accrual. */
class SurvivalPowerVsRpactTest {
    /*
     * getSampleSizeSurvival(alpha = 0.025, sided = 1, beta = 0.2, hazardRatio = 0.7, lambda2 = log(2) / 24,
     *     accrualTime = c(0, 24), followUpTime = 12)$maxNumberOfEvents                       # 246.787104547
     * getSampleSizeSurvival(alpha = 0.025, sided = 1, beta = 0.1, hazardRatio = 0.6, allocationRatioPlanned = 2,
     *     lambda2 = log(2) / 24, accrualTime = c(0, 24), followUpTime = 12)$maxNumberOfEvents # 181.202165891
     * getPowerSurvival(alpha = 0.025, sided = 1, hazardRatio = 0.7, maxNumberOfEvents = 200, maxNumberOfSubjects = 400,
     *     lambda2 = log(2) / 24, accrualTime = c(0, 24), directionUpper = FALSE)$overallReject # 0.712979029927
     */
    @Test
    void fixedDesignMatchesRpact() {
        assertThat(SurvivalPower.fixedDesignEvents(0.025, 0.8, 0.7, 0.5)).isCloseTo(246.787104547, within(1e-7));
        assertThat(SurvivalPower.fixedDesignEvents(0.025, 0.9, 0.6, 2 / 3.0)).isCloseTo(181.202165891, within(1e-7));
        assertThat(SurvivalPower.fixedDesignPower(200, 0.025, 0.7, 0.5)).isCloseTo(0.712979029927, within(1e-10));
        // The relations invert each other.
        double events = SurvivalPower.fixedDesignEvents(0.025, 0.85, 0.75, 0.5);
        assertThat(SurvivalPower.fixedDesignPower(events, 0.025, 0.75, 0.5)).isCloseTo(0.85, within(1e-12));
        assertThat(SurvivalPower.events(SurvivalPower.drift(123, 0.8, 0.4), 0.8, 0.4)).isCloseTo(123, within(1e-10));
    }

    /*
     * d <- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "asOF", beta = 0.2)
     * gs <- getSampleSizeSurvival(d, hazardRatio = 0.7, lambda2 = log(2) / 24, accrualTime = c(0, 24), followUpTime = 12)
     * gs$maxNumberOfEvents 249.94469932; gs$eventsPerStage 83.3148997732, 166.629799546, 249.94469932
     * gs$expectedEventsH0 249.432154576; gs$expectedEventsH01 242.533876872; gs$expectedEventsH1 213.611261182
     * pg <- getPowerSurvival(d, hazardRatio = 0.7, maxNumberOfEvents = 250, maxNumberOfSubjects = 500,
     *     lambda2 = log(2) / 24, accrualTime = c(0, 24), directionUpper = FALSE)
     * pg$overallReject 0.800087028753; pg$rejectPerStage 0.0186569931904, 0.398891338991, 0.382538696572;
     * pg$expectedNumberOfEvents 213.649555973
     */
    @Test
    void threeLookOBrienFlemingMatchesRpact() {
        GroupSequentialDesign design = GroupSequentialDesign.of(SpendingFunction.obrienFleming(0.025), 1 / 3.0, 2 / 3.0, 1);
        double maxEvents = SurvivalPower.maxEvents(design, 0.8, 0.7, 0.5);
        assertThat(maxEvents).isCloseTo(249.94469932, within(1e-4));
        assertThat(maxEvents * design.informationFraction(0)).isCloseTo(83.3148997732, within(1e-4));
        assertThat(SurvivalPower.expectedEvents(design, maxEvents, 1, 0.5)).isCloseTo(249.432154576, within(1e-4));
        assertThat(SurvivalPower.expectedEvents(design, maxEvents, 0.7, 0.5)).isCloseTo(213.611261182, within(1e-4));
        // rpact's H01 is the expectation at half the H1 drift.
        double halfDrift = SurvivalPower.drift(maxEvents, 0.7, 0.5) / 2;
        assertThat(maxEvents * design.probabilities(halfDrift).expectedInformationFraction()).isCloseTo(242.533876872, within(1e-4));

        GroupSequentialProbabilities at250 = design.probabilities(SurvivalPower.drift(250, 0.7, 0.5));
        assertThat(at250.power()).isCloseTo(0.800087028753, within(1e-7));
        assertThat(at250.efficacy(0)).isCloseTo(0.0186569931904, within(1e-7));
        assertThat(at250.efficacy(1)).isCloseTo(0.398891338991, within(1e-7));
        assertThat(at250.efficacy(2)).isCloseTo(0.382538696572, within(1e-7));
        assertThat(SurvivalPower.expectedEvents(design, 250, 0.7, 0.5)).isCloseTo(213.649555973, within(1e-4));
    }

    @Test
    void driftIsPositiveWhenTheExperimentalArmIsBetter() {
        assertThat(SurvivalPower.drift(100, 0.7, 0.5)).isPositive();
        assertThat(SurvivalPower.drift(100, 1.3, 0.5)).isNegative();
        assertThat(SurvivalPower.fixedDesignPower(100, 0.025, 1.3, 0.5)).isLessThan(0.025);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> SurvivalPower.drift(100, 0, 0.5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("hazardRatio");
        assertThatThrownBy(() -> SurvivalPower.drift(100, 0.7, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("allocation");
        assertThatThrownBy(() -> SurvivalPower.drift(Double.NaN, 0.7, 0.5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("events");
        assertThatThrownBy(() -> SurvivalPower.events(2, 1, 0.5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("differ from 1");
        assertThatThrownBy(() -> SurvivalPower.fixedDesignEvents(0.025, 0.01, 0.7, 0.5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("power");
    }
}
