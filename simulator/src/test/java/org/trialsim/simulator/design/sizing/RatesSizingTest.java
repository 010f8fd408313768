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
 * Sample sizes for rates against rpact 3.3.4's getSampleSizeRates (normal approximation, risk difference), each
 * case with its R call and rpact's maxNumberOfSubjects, nFixed and expected sizes under H1 and H0 (NaN where a
 * fixed design has none), to 1e-7 relative: both sides are closed forms but for the group-sequential inflation,
 * whose integration is accurate to about 2e-7 on z (GroupSequentialDesignVsRpactTest).
 */
class RatesSizingTest {
    private static final GroupSequentialDesign FIXED = GroupSequentialDesign.of(SpendingFunction.obrienFleming(0.025), 1.0);
    /** getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF", informationRates = c(1/3, 2/3, 1), futilityBounds = c(0, 0), bindingFutility = FALSE). */
    private static final GroupSequentialDesign OF_FUTILITY = GroupSequentialDesign.of(SpendingFunction.obrienFleming(0.025),
            1.0 / 3, 2.0 / 3, 1).withFutilityBounds(0, 0);

    record Case(String r, Supplier<RatesResult> ours, double patients, double fixed, double expectedH1, double expectedH0) {
        @Override
        public String toString() {
            return r;
        }
    }

    static Stream<Arguments> againstRpact() {
        return Stream.of(
                new Case("getSampleSizeRates(fixed, pi1 = 0.5, pi2 = 0.3)",
                        () -> RatesSizing.twoSample(0.5, 0.3, 0, 1, FIXED).sampleSize(0.8), 185.9976897, 185.9976897, Double.NaN, Double.NaN),
                new Case("getSampleSizeRates(fixed, pi1 = 0.6, pi2 = 0.6, thetaH0 = -0.1, allocationRatioPlanned = 2)",
                        () -> RatesSizing.twoSample(0.6, 0.6, -0.1, 2, FIXED).sampleSize(0.8), 824.3412258, 824.3412258, Double.NaN, Double.NaN),
                new Case("getSampleSizeRates(OF_FUTILITY, pi1 = 0.45, pi2 = 0.4, thetaH0 = -0.1)",
                        () -> RatesSizing.twoSample(0.45, 0.4, -0.1, 1, OF_FUTILITY).sampleSize(0.8), 358.5619109, 338.6119612,
                        291.9892983, 223.3680767),
                new Case("getSampleSizeRates(fixed, groups = 1, pi1 = 0.4, thetaH0 = 0.2)",
                        () -> RatesSizing.oneSample(0.4, 0.2, FIXED).sampleSize(0.8), 35.77798992, 35.77798992, Double.NaN, Double.NaN)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void againstRpact(Case c) {
        RatesResult r = c.ours().get();
        assertThat(r.patients()).isCloseTo(c.patients(), within(1e-7 * c.patients()));
        assertThat(r.fixedPatients()).isCloseTo(c.fixed(), within(1e-7 * c.fixed()));
        if (!Double.isNaN(c.expectedH1())) {
            assertThat(r.expectedPatients()).isCloseTo(c.expectedH1(), within(1e-7 * c.expectedH1()));
            assertThat(r.expectedPatientsNull()).isCloseTo(c.expectedH0(), within(1e-7 * c.expectedH0()));
        }
    }

    /**
     * The restricted rates solve the score equation's cubic: q1 − q2 = θ, and the likelihood's derivative vanishes,
     * checked by comparing with a brute-force maximisation of the binomial log likelihood on the line.
     */
    @Test
    void farringtonManningRatesMaximiseTheRestrictedLikelihood() {
        double p1 = 0.55;
        double p2 = 0.6;
        double theta = -0.15;
        double r = 2;
        double[] q = RatesSizing.restricted(p1, p2, theta, r);
        assertThat(q[0] - q[1]).isCloseTo(theta, within(1e-12));
        double best = Double.NEGATIVE_INFINITY;
        double argBest = Double.NaN;
        for (int i = 1; i < 1_000_000; i++) {
            double x = theta + (1 - theta) * i / 1_000_000.0;
            double y = x - theta;
            double ll = r * (p1 * Math.log(x) + (1 - p1) * Math.log(1 - x)) + p2 * Math.log(y) + (1 - p2) * Math.log(1 - y);
            if (ll > best) {
                best = ll;
                argBest = x;
            }
        }
        assertThat(q[0]).isCloseTo(argBest, within(2e-6));
    }

    @Test
    void aDifferenceNotAboveTheMarginIsRefused() {
        assertThatThrownBy(() -> RatesSizing.twoSample(0.5, 0.65, -0.1, 1, FIXED)).hasMessageContaining("above the margin");
        assertThatThrownBy(() -> RatesSizing.oneSample(0.2, 0.3, FIXED)).hasMessageContaining("above the null rate");
    }
}
