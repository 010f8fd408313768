package org.trialsim.simulator.design.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsim.simulator.analysis.GroupSequentialDesign;
import org.trialsim.simulator.analysis.SpendingFunction;

/**
 * Events, patients, timing and power against rpact 3.3.4 (R 4.2). Each case carries the R call that
 * produced its values (printed with {@code formatC(x, digits = 10, format = "g")}); the computations
 * are analytic on both sides, so the values agree to the digits stated: 1e-7 relative (the group-sequential
 * integration of GroupSequentialDesign is accurate to about 2e-7 on z, rpact's to 1e-9), except where rpact
 * solves a time by root finding to its own tolerance (case S6, 1e-5).
 */
class SurvivalSizingTest {
    private static final double LN2 = Math.log(2);
    private static final GroupSequentialDesign FIXED = GroupSequentialDesign.of(SpendingFunction.obrienFleming(0.025), 1.0);
    /** getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF", informationRates = c(1/3, 2/3, 1), futilityBounds = c(0, 0), bindingFutility = FALSE). */
    private static final GroupSequentialDesign OF_FUTILITY = GroupSequentialDesign.of(SpendingFunction.obrienFleming(0.025),
            1.0 / 3, 2.0 / 3, 1).withFutilityBounds(0, 0);
    /** getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.1, sided = 1, typeOfDesign = "asP", informationRates = c(0.4, 0.7, 1), futilityBounds = c(-0.5, 0.5), bindingFutility = FALSE). */
    private static final GroupSequentialDesign POCOCK_FUTILITY = GroupSequentialDesign.of(SpendingFunction.pocock(0.025),
            0.4, 0.7, 1).withFutilityBounds(-0.5, 0.5);

    /**
     * A case: the R call, our computation, and rpact's maximum events, patients, accrual and follow-up months,
     * analysis months, and expected events under H1 (NaN where rpact gives none).
     */
    record Case(String r, Supplier<SurvivalResult> ours, double events, double patients, double accrual, double followUp,
                double[] months, double expectedEvents, double tolerance) {
        @Override
        public String toString() {
            return r;
        }
    }

    static Stream<Arguments> againstRpact() {
        return Stream.of(
                new Case("S1 getSampleSizeSurvival(fixed, lambda2 = log(2)/12, hazardRatio = 0.7, accrualTime = c(0, 24), followUpTime = 12)",
                        () -> SurvivalSizing.of(Hazards.exponential(LN2 / 12, 0.7), FIXED).withAccrual(Accrual.uniform(), 24.0)
                                .withFollowUp(12.0).sampleSize(0.8),
                        246.7871045, 369.5741396, 24, 12, new double[] {36}, 246.7871045, 1e-7),
                new Case("S2 getSampleSizeSurvival(fixed, typeOfComputation = \"Freedman\", lambda2 = 0.05, hazardRatio = 0.6,"
                        + " allocationRatioPlanned = 2, accrualTime = c(0, 18), followUpTime = 12)",
                        () -> SurvivalSizing.of(Hazards.exponential(0.05, 0.6), FIXED).withFormula(EventsFormula.FREEDMAN)
                                .withAllocationRatio(2).withAccrual(Accrual.uniform(), 18.0).withFollowUp(12.0).sampleSize(0.8),
                        118.714306, 228.3027637, 18, 12, new double[] {30}, 118.714306, 1e-7),
                new Case("S3 getSampleSizeSurvival(fixed, lambda2 = log(2)/12, hazardRatio = 0.7, allocationRatioPlanned = 2,"
                        + " dropoutRate1 = 0.05, dropoutRate2 = 0.1, dropoutTime = 12, accrualTime = c(0, 12), followUpTime = 6)",
                        () -> SurvivalSizing.of(Hazards.exponential(LN2 / 12, 0.7).withDropout(0.05, 0.1, 12), FIXED)
                                .withAllocationRatio(2).withAccrual(Accrual.uniform(), 12.0).withFollowUp(6.0).sampleSize(0.8),
                        277.6354926, 691.0619569, 12, 6, new double[] {18}, 277.6354926, 1e-7),
                new Case("S4 getSampleSizeSurvival(fixed, piecewiseSurvivalTime = c(0, 6, 12), lambda2 = c(0.03, 0.05, 0.02),"
                        + " hazardRatio = 0.65, accrualTime = c(0, 24), followUpTime = 12)",
                        () -> SurvivalSizing.of(Hazards.piecewise(new double[] {6, 12}, new double[] {0.03, 0.05, 0.02}, 0.65), FIXED)
                                .withAccrual(Accrual.uniform(), 24.0).withFollowUp(12.0).sampleSize(0.8),
                        169.1806629, 384.6043246, 24, 12, new double[] {36}, 169.1806629, 1e-7),
                new Case("S5 getSampleSizeSurvival(OF_FUTILITY, lambda2 = log(2)/12, hazardRatio = 0.7, accrualTime = c(0, 24),"
                        + " followUpTime = 12, dropoutRate1 = 0.05, dropoutRate2 = 0.05, dropoutTime = 12)",
                        () -> SurvivalSizing.of(Hazards.exponential(LN2 / 12, 0.7).withDropout(0.05, 0.05, 12), OF_FUTILITY)
                                .withAccrual(Accrual.uniform(), 24.0).withFollowUp(12.0).sampleSize(0.8),
                        261.327023, 407.9654616, 24, 12, new double[] {16.6256693, 25.07915669, 36}, 212.8075843, 1e-7),
                new Case("S6 getSampleSizeSurvival(POCOCK_FUTILITY, lambda2 = log(2)/18, hazardRatio = 0.75, accrualTime = c(0, 6),"
                        + " accrualIntensity = c(10, 20), followUpTime = 12)  # beta = 0.1; accrual duration solved",
                        () -> SurvivalSizing.of(Hazards.exponential(LN2 / 18, 0.75), POCOCK_FUTILITY)
                                .withAccrual(Accrual.of(10, 0, new double[] {6}, new double[] {20}), null)
                                .withFollowUp(12.0).sampleSize(0.9),
                        588.8649423, 901.3907601, 48.069538, 12, new double[] {34.02183714, 46.5151227, 60.06954394}, 365.3983996, 1e-5),
                new Case("S7 getSampleSizeSurvival(fixed, thetaH0 = 1.3, lambda2 = log(2)/24, hazardRatio = 1, accrualTime = c(0, 24),"
                        + " followUpTime = 24)  # non-inferiority",
                        () -> SurvivalSizing.of(Hazards.exponential(LN2 / 24, 1), FIXED).withMargin(1.3)
                                .withAccrual(Accrual.uniform(), 24.0).withFollowUp(24.0).sampleSize(0.8),
                        456.0981422, 713.404384, 24, 24, new double[] {48}, 456.0981422, 1e-7),
                new Case("S8 getSampleSizeSurvival(fixed, lambda2 = log(2)/12, hazardRatio = 0.7, accrualTime = c(0, 24),"
                        + " maxNumberOfSubjects = 500)  # follow-up solved",
                        () -> SurvivalSizing.of(Hazards.exponential(LN2 / 12, 0.7), FIXED).withAccrual(Accrual.uniform(), 24.0)
                                .withPatients(500.0).sampleSize(0.8),
                        246.7871045, 500, 24, 3.183426584, new double[] {27.18342658}, 246.7871045, 1e-7)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void againstRpact(Case c) {
        SurvivalResult r = c.ours().get();
        assertThat(r.events()).isCloseTo(c.events(), within(c.tolerance() * c.events()));
        assertThat(r.patients()).isCloseTo(c.patients(), within(c.tolerance() * c.patients()));
        assertThat(r.accrualMonths()).isCloseTo(c.accrual(), within(c.tolerance() * c.accrual()));
        assertThat(r.followUpMonths()).isCloseTo(c.followUp(), within(c.tolerance() * c.accrual()));
        assertThat(r.looks()).hasSize(c.months().length);
        for (int k = 0; k < c.months().length; k++) {
            assertThat(r.looks().get(k).month()).as("month of look %d", k + 1).isCloseTo(c.months()[k], within(c.tolerance() * c.months()[k]));
        }
        assertThat(r.expectedEvents()).isCloseTo(c.expectedEvents(), within(c.tolerance() * c.expectedEvents()));
    }

    /**
     * S5's bounds on the hazard-ratio scale and expectations: criticalValuesEffectScale = 0.4515475931, 0.6834899518,
     * 0.781469892; futilityBoundsEffectScale = 1, 1; expectedEventsH0 = 162.7950788; expectedNumberOfSubjectsH1 = 399.3918128;
     * rejectPerStage = 0.02038606261, 0.41671288611, 0.36290105127 and its running total
     * {@code cumsum(s$rejectPerStage)} = 0.02038606261, 0.43709894873, 0.80000000000 (with {@code s <-
     * getSampleSizeSurvival(getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, beta = 0.2, typeOfDesign = "asOF",
     * informationRates = c(1/3, 2/3, 1), futilityBounds = c(0, 0), bindingFutility = FALSE), hazardRatio = 0.7,
     * lambda2 = log(2)/12, accrualTime = c(0, 24), followUpTime = 12, dropoutRate1 = 0.05, dropoutRate2 = 0.05,
     * dropoutTime = 12)}).
     */
    @Test
    void groupSequentialBoundsAndExpectationsMatchRpact() {
        SurvivalResult r = SurvivalSizing.of(Hazards.exponential(LN2 / 12, 0.7).withDropout(0.05, 0.05, 12), OF_FUTILITY)
                .withAccrual(Accrual.uniform(), 24.0).withFollowUp(12.0).sampleSize(0.8);
        double[] hr = {0.4515475931, 0.6834899518, 0.781469892};
        for (int k = 0; k < 3; k++) {
            assertThat(r.looks().get(k).efficacyHazardRatio()).isCloseTo(hr[k], within(1e-7));
        }
        assertThat(r.looks().get(0).futilityHazardRatio()).isCloseTo(1, within(1e-12));
        assertThat(r.looks().get(2).futilityHazardRatio()).isNaN();
        double[] here = {0.02038606261, 0.41671288611, 0.36290105127};
        double[] by = {0.02038606261, 0.43709894873, 0.80000000000};
        for (int k = 0; k < 3; k++) {
            // rpact's and trialsim's numerical integration of the group-sequential densities agree to about 2e-8
            assertThat(r.looks().get(k).efficacyProbability()).isCloseTo(here[k], within(1e-7));
            assertThat(r.looks().get(k).cumulativeEfficacyProbability()).isCloseTo(by[k], within(1e-7));
        }
        assertThat(r.expectedEventsNull()).isCloseTo(162.7950788, within(1e-7 * 162.8));
        assertThat(r.expectedPatients()).isCloseTo(399.3918128, within(1e-7 * 399.4));
    }

    /**
     * getPowerSurvival(getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "asOF",
     * informationRates = c(1/3, 2/3, 1)), lambda2 = log(2)/12, hazardRatio = 0.7, accrualTime = c(0, 24),
     * maxNumberOfEvents = 200, maxNumberOfSubjects = 400, directionUpper = FALSE): overallReject = 0.7072057106,
     * analysisTime = 14.29267361, 21.24783093, 27.44877043, followUpTime = 3.448770435, expectedNumberOfEvents = 177.4649164.
     */
    @Test
    void powerOfAGroupSequentialDesignMatchesRpact() {
        GroupSequentialDesign of = GroupSequentialDesign.of(SpendingFunction.obrienFleming(0.025), 1.0 / 3, 2.0 / 3, 1);
        SurvivalResult r = SurvivalSizing.of(Hazards.exponential(LN2 / 12, 0.7), of).withAccrual(Accrual.uniform(), 24.0)
                .withPatients(400.0).power(200);
        assertThat(r.power()).isCloseTo(0.7072057106, within(1e-7));
        double[] months = {14.29267361, 21.24783093, 27.44877043};
        for (int k = 0; k < 3; k++) {
            assertThat(r.looks().get(k).month()).isCloseTo(months[k], within(1e-7));
        }
        assertThat(r.followUpMonths()).isCloseTo(3.448770435, within(1e-7));
        assertThat(r.expectedEvents()).isCloseTo(177.4649164, within(1e-7 * 177.5));
    }

    /**
     * getPowerSurvival(fixed, typeOfComputation = "Freedman", lambda2 = 0.05, hazardRatio = 0.65, allocationRatioPlanned = 2,
     * accrualTime = c(0, 12), maxNumberOfEvents = 150, maxNumberOfSubjects = 300, directionUpper = FALSE):
     * overallReject = 0.7504052306, followUpTime = 12.60236553.
     */
    @Test
    void freedmanPowerWithUnequalAllocationMatchesRpact() {
        SurvivalResult r = SurvivalSizing.of(Hazards.exponential(0.05, 0.65), FIXED).withFormula(EventsFormula.FREEDMAN)
                .withAllocationRatio(2).withAccrual(Accrual.uniform(), 12.0).withPatients(300.0).power(150);
        assertThat(r.power()).isCloseTo(0.7504052306, within(1e-9));
        assertThat(r.followUpMonths()).isCloseTo(12.60236553, within(1e-7));
    }

    /**
     * Events reached before accrual ends: getPowerSurvival(lambda2 = log(2)/36, hazardRatio = 0.6, accrualTime = c(0, 57),
     * maxNumberOfEvents = 120, maxNumberOfSubjects = 670, directionUpper = FALSE, alpha = 0.025): followUpTime =
     * -16.62358519, analysisTime = 40.37641481, overallReject = 0.7989686938, expectedNumberOfSubjects = 474.5999636.
     */
    @Test
    void eventsReachedBeforeAccrualEndsGiveANegativeFollowUpAsRpact() {
        SurvivalResult r = SurvivalSizing.of(Hazards.exponential(LN2 / 36, 0.6), FIXED).withAccrual(Accrual.uniform(), 57.0)
                .withPatients(670.0).power(120);
        assertThat(r.followUpMonths()).isCloseTo(-16.62358519, within(1e-6));
        assertThat(r.looks().get(0).month()).isCloseTo(40.37641481, within(1e-6));
        assertThat(r.looks().get(0).patients()).isCloseTo(474.5999636, within(1e-4));
        assertThat(r.power()).isCloseTo(0.7989686938, within(1e-9));
    }

    @Test
    void powerAtTheComputedEventsIsTheTargetPower() {
        SurvivalSizing q = SurvivalSizing.of(Hazards.exponential(LN2 / 12, 0.7), OF_FUTILITY);
        double events = q.sampleSize(0.85).events();
        assertThat(q.power(events).power()).isCloseTo(0.85, within(1e-9));
    }

    @Test
    void impossibleQuestionsAreRefusedWithTheReason() {
        SurvivalSizing q = SurvivalSizing.of(Hazards.exponential(LN2 / 12, 0.7), FIXED);
        assertThatThrownBy(() -> q.withMargin(0.6).sampleSize(0.8)).hasMessageContaining("below the margin");
        assertThatThrownBy(() -> q.withMargin(1.2).withFormula(EventsFormula.FREEDMAN).sampleSize(0.8))
                .hasMessageContaining("Freedman");
        assertThatThrownBy(() -> q.withPatients(100.0).sampleSize(0.8)).hasMessageContaining("however long they are followed");
        assertThatThrownBy(() -> q.withPatients(500.0).withFollowUp(6.0).sampleSize(0.8)).hasMessageContaining("not both");
    }
}
