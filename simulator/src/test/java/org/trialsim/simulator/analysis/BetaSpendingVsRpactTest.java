package org.trialsim.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Non-binding futility bounds from β spending against rpact 3.3.4 (R 4.2). The integration is accurate to
 * about 2e-7 on z (rpact's to 1e-9), so bounds and the shift agree to 1e-6.
 */
class BetaSpendingVsRpactTest {
    /**
     * d &lt;- getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF",
     * typeBetaSpending = "bsOF", bindingFutility = FALSE, informationRates = c(1/3, 2/3, 1)):
     * criticalValues 3.71030287326 2.51142748445 1.99304748327, futilityBounds -0.23614460988 1.17037203116;
     * getDesignCharacteristics(d): shift 8.66778493209, inflationFactor 1.10433402287.
     */
    @Test
    void obrienFlemingBetaSpendingMatchesRpact() {
        GroupSequentialDesign d = GroupSequentialDesign.of(SpendingFunction.obrienFleming(0.025), 1.0 / 3, 2.0 / 3, 1)
                .withBetaSpending(SpendingFunction.obrienFleming(0.2));

        assertThat(d.futilityBound(0)).isCloseTo(-0.23614460988, within(1e-6));
        assertThat(d.futilityBound(1)).isCloseTo(1.17037203116, within(1e-6));
        assertThat(d.futilityBound(2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.efficacyBound(2)).isCloseTo(1.99304748327, within(1e-6));
        double shift = d.driftForPower(0.8);
        assertThat(shift * shift).isCloseTo(8.66778493209, within(1e-6 * 8.7));
        // the futility stops spend beta(t) at the planned drift: rpact's futilityPerStage from getSampleSizeSurvival
        GroupSequentialProbabilities p = d.probabilities(shift);
        assertThat(p.futility(0)).isCloseTo(0.0264382946891, within(1e-8));
        assertThat(p.futility(1)).isCloseTo(0.0900760239300, within(1e-8));
    }

    /**
     * d2 &lt;- getDesignGroupSequential(kMax = 4, alpha = 0.025, beta = 0.1, sided = 1, typeOfDesign = "asP",
     * typeBetaSpending = "bsP", bindingFutility = FALSE, informationRates = c(0.25, 0.5, 0.75, 1)):
     * criticalValues 2.36832770352 2.36752428859 2.35816831142 2.35003597289, futilityBounds 0.122062810696
     * 0.978348084260 1.660068560857; getDesignCharacteristics(d2): shift 14.814981635, inflationFactor 1.40995385342.
     */
    @Test
    void pocockBetaSpendingMatchesRpact() {
        GroupSequentialDesign d = GroupSequentialDesign.of(SpendingFunction.pocock(0.025), 0.25, 0.5, 0.75, 1)
                .withBetaSpending(SpendingFunction.pocock(0.1));

        double[] futility = {0.122062810696, 0.978348084260, 1.660068560857};
        for (int k = 0; k < 3; k++) {
            assertThat(d.futilityBound(k)).as("look %d", k + 1).isCloseTo(futility[k], within(1e-6));
        }
        double shift = d.driftForPower(0.9);
        assertThat(shift * shift).isCloseTo(14.814981635, within(1e-6 * 14.8));
    }

    @Test
    void oneLookHasNoFutilityBoundAndBetaMustLeaveRoomForAlpha() {
        GroupSequentialDesign fixed = GroupSequentialDesign.of(SpendingFunction.obrienFleming(0.025), 1.0);
        assertThat(fixed.withBetaSpending(SpendingFunction.obrienFleming(0.2))).isSameAs(fixed);
        GroupSequentialDesign two = GroupSequentialDesign.of(SpendingFunction.obrienFleming(0.025), 0.5, 1);
        assertThatThrownBy(() -> two.withBetaSpending(SpendingFunction.pocock(0.98)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
    }
}
