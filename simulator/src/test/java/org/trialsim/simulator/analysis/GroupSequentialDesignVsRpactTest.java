package org.trialsim.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group-sequential bounds and operating characteristics against rpact 3.3.4 (R 4.2.2). rpact solves
 * its bounds to about 1e-9 on z; ours use Jennison–Turnbull's grid with r = 32 (errors about 2e-7),
 * so z bounds are compared to 1e-6 (the brief asks 1e-4) and probabilities to 1e-7. rpact's
 * designs without futility use a lower bound of −6 rather than −∞, which moves its probabilities by
 * about 1e-9.
 */
class GroupSequentialDesignVsRpactTest {
    private static final double ALPHA = 0.025;

    static Stream<Arguments> rpactDesigns() {
        return Stream.of(
            // d <- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "asOF")
            // d$criticalValues; d$alphaSpent
            Arguments.of("asOF", new double[] {1 / 3.0, 2 / 3.0, 1},
                new double[] {3.7103028733, 2.5114274845, 1.9930474833},
                new double[] {0.000103505718147, 0.00604838907728, 0.02499999}),
            // typeOfDesign = "asP"
            Arguments.of("asP", new double[] {1 / 3.0, 2 / 3.0, 1},
                new double[] {2.2794282389, 2.2949111387, 2.2959395871},
                new double[] {0.0113208106316, 0.0190845628098, 0.02499999}),
            // typeOfDesign = "asOF", informationRates = c(0.25, 0.6, 1)
            Arguments.of("asOF", new double[] {0.25, 0.6, 1},
                new double[] {4.3326336460, 2.6688687578, 1.9809763357},
                new double[] {7.36680843594e-06, 0.00380806324894, 0.02499999}),
            // typeOfDesign = "asP", informationRates = c(0.25, 0.6, 1)
            Arguments.of("asP", new double[] {0.25, 0.6, 1},
                new double[] {2.3683277035, 2.2920871302, 2.2670424059},
                new double[] {0.00893435048772, 0.0177128265625, 0.025}),
            // kMax = 5, typeOfDesign = "asOF", informationRates = c(0.1, 0.3, 0.45, 0.8, 1)
            Arguments.of("asOF", new double[] {0.1, 0.3, 0.45, 0.8, 1},
                new double[] {6.9913517071, 3.9285725430, 3.1489758864, 2.2592737153, 2.0266645029},
                new double[] {1.36124445049e-12, 4.2725788056e-05, 0.000833913015021, 0.012211790183, 0.02499999}));
    }

    private static SpendingFunction spending(String type) {
        return type.equals("asOF") ? SpendingFunction.obrienFleming(ALPHA) : SpendingFunction.pocock(ALPHA);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("rpactDesigns")
    void boundsAndAlphaSpentMatchGetDesignGroupSequential(String type, double[] fractions, double[] critical,
                                                          double[] alphaSpent) {
        GroupSequentialDesign design = GroupSequentialDesign.of(spending(type), fractions);
        GroupSequentialProbabilities underNull = design.probabilities(0);
        for (int k = 0; k < fractions.length; k++) {
            assertThat(design.efficacyBound(k)).as("bound %d", k).isCloseTo(critical[k], within(1e-6));
            assertThat(design.cumulativeAlphaSpent(k)).as("target %d", k).isCloseTo(alphaSpent[k], within(2e-8));
            // The bounds really spend what they should: integrate them again under H0.
            assertThat(underNull.cumulativeEfficacy(k)).as("spent %d", k)
                .isCloseTo(alphaSpent[k], within(Math.max(2e-8, 1e-6 * alphaSpent[k])));
            assertThat(design.stageLevel(k)).isCloseTo(Normal.sf(critical[k]), within(1e-6 * Normal.pdf(critical[k]) + 1e-15));
        }
    }

    @Test
    void gridIsConvergedWellBeyondRpactsPrecision() {
        // Doubling and quadrupling r moves no bound by more than 3e-7 (Simpson's error falls as r^-4).
        double[] fractions = {0.1, 0.3, 0.45, 0.8, 1};
        SpendingFunction of = SpendingFunction.obrienFleming(ALPHA);
        double[] r32 = GroupSequentialDesign.of(of, fractions, true, 32).efficacyBounds();
        double[] r128 = GroupSequentialDesign.of(of, fractions, true, 128).efficacyBounds();
        for (int k = 0; k < fractions.length; k++) {
            assertThat(r32[k]).isCloseTo(r128[k], within(3e-7));
        }
    }

    /*
     * d <- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "asOF")
     * c1 <- getDesignCharacteristics(d)     # beta = 0.2
     * c1$shift 7.94930468023, c1$nFixed 7.84887973435, c1$inflationFactor 1.01279481267,
     * c1$rejectionProbabilities 0.0186487762585, 0.398800168185, 0.382551055556,
     * c1$averageSampleNumber1, 01, 0: 0.865568975227, 0.982765599997, 1.01071794263
     * asP: getDesignCharacteristics(getDesignGroupSequential(..., typeOfDesign = "asP"))$shift 9.18648089054,
     *      $averageSampleNumber1 0.819415262751
     */
    @Test
    void driftForPowerMatchesGetDesignCharacteristics() {
        GroupSequentialDesign design = GroupSequentialDesign.of(SpendingFunction.obrienFleming(ALPHA), 1 / 3.0, 2 / 3.0, 1);
        double drift = design.driftForPower(0.8);
        double nFixed = Math.pow(Normal.upperQuantile(0.025) + Normal.upperQuantile(0.2), 2);
        assertThat(nFixed).isCloseTo(7.84887973435, within(1e-9));
        assertThat(drift * drift).isCloseTo(7.94930468023, within(1e-6));
        assertThat(drift * drift / nFixed).isCloseTo(1.01279481267, within(1e-7));
        GroupSequentialProbabilities h1 = design.probabilities(drift);
        assertThat(h1.efficacy(0)).isCloseTo(0.0186487762585, within(1e-7));
        assertThat(h1.efficacy(1)).isCloseTo(0.398800168185, within(1e-7));
        assertThat(h1.efficacy(2)).isCloseTo(0.382551055556, within(1e-7));
        assertThat(h1.power()).isCloseTo(0.8, within(1e-9));
        double scale = drift * drift / nFixed;
        assertThat(h1.expectedInformationFraction() * scale).isCloseTo(0.865568975227, within(1e-7));
        assertThat(design.probabilities(drift / 2).expectedInformationFraction() * scale).isCloseTo(0.982765599997, within(1e-7));
        assertThat(design.probabilities(0).expectedInformationFraction() * scale).isCloseTo(1.01071794263, within(1e-7));

        GroupSequentialDesign pocock = GroupSequentialDesign.of(SpendingFunction.pocock(ALPHA), 1 / 3.0, 2 / 3.0, 1);
        double pocockDrift = pocock.driftForPower(0.8);
        assertThat(pocockDrift * pocockDrift).isCloseTo(9.18648089054, within(1e-6));
        assertThat(pocock.probabilities(pocockDrift).expectedInformationFraction() * pocockDrift * pocockDrift / nFixed)
            .isCloseTo(0.819415262751, within(1e-7));
    }

    /*
     * p <- getPowerAndAverageSampleNumber(d, theta = 2.5, nMax = 1)   # drift 2.5, d as above
     * p$overallReject 0.699598407865, p$rejectPerStage 0.0116973366458, 0.307770981024, 0.380130090196,
     * p$averageSampleNumber 0.889611447579
     * d4 <- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "asP", informationRates = c(0.25, 0.6, 1))
     * p4 <- getPowerAndAverageSampleNumber(d4, theta = 3, nMax = 1)
     * p4$overallReject 0.794360279844, p4$rejectPerStage 0.192607480155, 0.343644431235, 0.258108368454,
     * p4$averageSampleNumber 0.718086616257
     */
    @Test
    void exitProbabilitiesAtAGivenDriftMatchGetPowerAndAverageSampleNumber() {
        GroupSequentialProbabilities of = GroupSequentialDesign.of(SpendingFunction.obrienFleming(ALPHA), 1 / 3.0, 2 / 3.0, 1)
            .probabilities(2.5);
        assertThat(of.drift()).isEqualTo(2.5);
        assertThat(of.looks()).isEqualTo(3);
        assertThat(of.efficacy(0)).isCloseTo(0.0116973366458, within(1e-7));
        assertThat(of.efficacy(1)).isCloseTo(0.307770981024, within(1e-7));
        assertThat(of.efficacy(2)).isCloseTo(0.380130090196, within(1e-7));
        assertThat(of.power()).isCloseTo(0.699598407865, within(1e-7));
        assertThat(of.expectedInformationFraction()).isCloseTo(0.889611447579, within(1e-7));
        assertThat(of.futility(0)).isZero();
        // The exit probabilities add up to 1 within the grid's integration error (about 2e-8 at r = 32).
        assertThat(of.futility(2)).isCloseTo(1 - of.power(), within(1e-7));

        GroupSequentialProbabilities pocock = GroupSequentialDesign.of(SpendingFunction.pocock(ALPHA), 0.25, 0.6, 1)
            .probabilities(3);
        assertThat(pocock.efficacy(0)).isCloseTo(0.192607480155, within(1e-7));
        assertThat(pocock.efficacy(1)).isCloseTo(0.343644431235, within(1e-7));
        assertThat(pocock.efficacy(2)).isCloseTo(0.258108368454, within(1e-7));
        assertThat(pocock.power()).isCloseTo(0.794360279844, within(1e-7));
        assertThat(pocock.expectedInformationFraction()).isCloseTo(0.718086616257, within(1e-7));
    }

    /*
     * dF <- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "asOF",
     *                                futilityBounds = c(0, 0.5), bindingFutility = FALSE)
     * dF$criticalValues 3.71030287326, 2.51142748445, 1.99304748327    (unchanged: non-binding)
     * cF <- getDesignCharacteristics(dF)
     * cF$shift 8.33842630971, cF$rejectionProbabilities 0.0205199345362, 0.418089965883, 0.361390099581,
     * cF$futilityProbabilities 0.0477397180314, 0.017219298882, cF$averageSampleNumber1 0.859873392658,
     * cF$averageSampleNumber01 0.844477768171, cF$averageSampleNumber0 0.621418670856
     * pF <- getPowerAndAverageSampleNumber(dF, theta = c(0, 2.5), nMax = 1)
     * theta 0:   overallReject 0.0236596459724, rejectPerStage 0.000103505718147, 0.00592681008704, 0.0176293301672,
     *            futilityPerStage 0.5, 0.239060092386, averageSampleNumber 0.58493536203
     * theta 2.5: overallReject 0.679709239522, rejectPerStage 0.0116973366458, 0.307200611766, 0.36081129111,
     *            futilityPerStage 0.0744573365894, 0.0326253525781, averageSampleNumber 0.829288229728
     */
    @Test
    void nonBindingFutilityMatchesRpact() {
        GroupSequentialDesign plain = GroupSequentialDesign.of(SpendingFunction.obrienFleming(ALPHA), 1 / 3.0, 2 / 3.0, 1);
        GroupSequentialDesign design = plain.withFutilityBounds(0, 0.5);
        assertThat(design.efficacyBounds()).containsExactly(plain.efficacyBounds());
        assertThat(design.futilityBound(0)).isEqualTo(0);
        assertThat(design.futilityBound(1)).isEqualTo(0.5);
        assertThat(design.futilityBound(2)).isEqualTo(Double.NEGATIVE_INFINITY);

        GroupSequentialProbabilities h0 = design.probabilities(0);
        assertThat(h0.efficacy(0)).isCloseTo(0.000103505718147, within(1e-9));
        assertThat(h0.efficacy(1)).isCloseTo(0.00592681008704, within(1e-7));
        assertThat(h0.efficacy(2)).isCloseTo(0.0176293301672, within(1e-7));
        assertThat(h0.futility(0)).isCloseTo(0.5, within(1e-12));
        assertThat(h0.futility(1)).isCloseTo(0.239060092386, within(1e-7));
        assertThat(h0.power()).isCloseTo(0.0236596459724, within(1e-7));
        assertThat(h0.expectedInformationFraction()).isCloseTo(0.58493536203, within(1e-7));

        GroupSequentialProbabilities h1 = design.probabilities(2.5);
        assertThat(h1.efficacy(1)).isCloseTo(0.307200611766, within(1e-7));
        assertThat(h1.efficacy(2)).isCloseTo(0.36081129111, within(1e-7));
        assertThat(h1.futility(0)).isCloseTo(0.0744573365894, within(1e-7));
        assertThat(h1.futility(1)).isCloseTo(0.0326253525781, within(1e-7));
        assertThat(h1.power()).isCloseTo(0.679709239522, within(1e-7));
        assertThat(h1.expectedInformationFraction()).isCloseTo(0.829288229728, within(1e-7));

        double drift = design.driftForPower(0.8);
        assertThat(drift * drift).isCloseTo(8.33842630971, within(1e-6));
        GroupSequentialProbabilities atPower = design.probabilities(drift);
        assertThat(atPower.efficacy(0)).isCloseTo(0.0205199345362, within(1e-7));
        assertThat(atPower.efficacy(1)).isCloseTo(0.418089965883, within(1e-7));
        assertThat(atPower.efficacy(2)).isCloseTo(0.361390099581, within(1e-7));
        assertThat(atPower.futility(0)).isCloseTo(0.0477397180314, within(1e-7));
        assertThat(atPower.futility(1)).isCloseTo(0.017219298882, within(1e-7));
        double scale = drift * drift / Math.pow(Normal.upperQuantile(0.025) + Normal.upperQuantile(0.2), 2);
        assertThat(atPower.expectedInformationFraction() * scale).isCloseTo(0.859873392658, within(1e-7));
        assertThat(design.probabilities(drift / 2).expectedInformationFraction() * scale).isCloseTo(0.844477768171, within(1e-7));
        assertThat(h0.expectedInformationFraction() * scale).isCloseTo(0.621418670856, within(1e-7));
    }

    /*
     * Monitoring at observed information: rpact's user-defined spending reproduces a final look at
     * t = 0.9 (spending all of alpha), an interim at 0.9 (spending alpha(0.9)) and an overrun to 1.15:
     * a <- function(t) 2 - 2 * pnorm(qnorm(1 - 0.025 / 2) / sqrt(t))
     * getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "asUser",
     *     informationRates = c(0.3, 0.6, 0.9) / 0.9, userAlphaSpending = c(a(0.3), a(0.6), 0.025))$criticalValues
     *   # 3.9285725426, 2.6699720100, 1.9754539654
     * ... alpha = a(0.9), userAlphaSpending = c(a(0.3), a(0.6), a(0.9)))$criticalValues
     *   # 3.9285725426, 2.6699720100, 2.1211942211
     * ... informationRates = c(0.4, 0.8, 1.15) / 1.15, userAlphaSpending = c(a(0.4), a(0.8), 0.025))$criticalValues
     *   # 3.3568693561, 2.2546425983, 2.0618880466
     */
    @Test
    void boundsAtObservedInformationMatchRpactUserSpending() {
        SpendingFunction of = SpendingFunction.obrienFleming(ALPHA);
        double[] observed = {0.3, 0.6, 0.9};
        assertThat(GroupSequentialDesign.of(of, observed, true).efficacyBounds())
            .containsExactly(new double[] {3.9285725426, 2.6699720100, 1.9754539654}, within(1e-6));
        GroupSequentialDesign interim = GroupSequentialDesign.of(of, observed, false);
        assertThat(interim.efficacyBounds())
            .containsExactly(new double[] {3.9285725426, 2.6699720100, 2.1211942211}, within(1e-6));
        assertThat(interim.cumulativeAlphaSpent(2)).isCloseTo(0.0181449963798, within(1e-12));
        assertThat(GroupSequentialDesign.of(of, new double[] {0.4, 0.8, 1.15}, true).efficacyBounds())
            .containsExactly(new double[] {3.3568693561, 2.2546425983, 2.0618880466}, within(1e-6));
    }

    @Test
    void aBoundDependsOnlyOnTheLooksSoFar() {
        SpendingFunction pocock = SpendingFunction.pocock(ALPHA);
        double[] full = GroupSequentialDesign.of(pocock, 0.31, 0.64, 1.0).efficacyBounds();
        double[] twoLooks = GroupSequentialDesign.of(pocock, new double[] {0.31, 0.64}, false).efficacyBounds();
        assertThat(twoLooks).containsExactly(Arrays.copyOf(full, 2));
    }

    @Test
    void lookAfterAlphaIsSpentCannotReject() {
        // An interim beyond the planned information spends alpha(1); a later look has nothing left.
        GroupSequentialDesign design = GroupSequentialDesign.of(SpendingFunction.obrienFleming(ALPHA),
            new double[] {0.5, 1.1, 1.3}, false);
        assertThat(design.efficacyBound(2)).isEqualTo(Double.POSITIVE_INFINITY);
        GroupSequentialProbabilities h0 = design.probabilities(0);
        assertThat(h0.efficacy(2)).isZero();
        assertThat(h0.power()).isCloseTo(ALPHA, within(1e-8));
        assertThat(h0.stop(0) + h0.stop(1) + h0.stop(2)).isCloseTo(1, within(1e-7));
    }

    @Test
    void singleLookIsTheFixedDesign() {
        GroupSequentialDesign design = GroupSequentialDesign.of(SpendingFunction.pocock(ALPHA), 1.0);
        assertThat(design.efficacyBound(0)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(design.probabilities(2.8).power()).isCloseTo(Normal.sf(1.959963984540054 - 2.8), within(1e-12));
        assertThat(design.driftForPower(0.9)).isCloseTo(1.959963984540054 + 1.2815515655446004, within(1e-9));
    }

    @Test
    void spendingFunctionsHaveTheLanDeMetsForms() {
        SpendingFunction of = SpendingFunction.obrienFleming(ALPHA);
        SpendingFunction pocock = SpendingFunction.pocock(ALPHA);
        assertThat(of.spent(0)).isZero();
        assertThat(of.spent(1)).isEqualTo(ALPHA);
        assertThat(of.spent(2)).isEqualTo(ALPHA);
        // R: 2 - 2 * pnorm(qnorm(1 - 0.025 / 2) / sqrt(0.5))  # 0.00152532275799
        //    0.025 * log(1 + (exp(1) - 1) * 0.5)              # 0.015502862674
        assertThat(of.spent(0.5)).isCloseTo(0.00152532275799, within(1e-13));
        assertThat(pocock.spent(0.5)).isCloseTo(0.015502862674, within(1e-13));
        assertThat(pocock.spent(1)).isEqualTo(ALPHA);
        assertThat(of.alpha()).isEqualTo(ALPHA);
    }

    @Test
    void rejectsInvalidDesigns() {
        SpendingFunction of = SpendingFunction.obrienFleming(ALPHA);
        assertThatThrownBy(() -> SpendingFunction.pocock(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> of.spent(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupSequentialDesign.of(of)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("empty");
        assertThatThrownBy(() -> GroupSequentialDesign.of(of, 0.5, 0.5, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("increasing");
        assertThatThrownBy(() -> GroupSequentialDesign.of(of, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        GroupSequentialDesign design = GroupSequentialDesign.of(of, 0.5, 1);
        assertThatThrownBy(() -> design.withFutilityBounds(0, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1 futility bounds");
        assertThatThrownBy(() -> design.withFutilityBounds(3)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("below the efficacy bound");
        assertThatThrownBy(() -> design.withFutilityBounds(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> design.driftForPower(0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> design.probabilities(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
