package org.trialsim.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tests of a non-inferiority (or superiority-by-a-margin) analysis, against R. */
class MarginTestsVsRTest {
    /**
     * The log-rank test at a null hazard ratio θ₀ is the Cox score test at β = ln θ₀ with Breslow's ties.
     * R 4.2.2, survival 3.5.3, data sets as in {@link Datasets}; U and I from the fit that starts at ln θ₀
     * and takes no step:
     * <pre>
     * fit &lt;- coxph(Surv(time, status) ~ arm, data = aml2, ties = "breslow", init = log(th),
     *              control = coxph.control(iter.max = 0))          # + strata(celltype) / strata(stratum)
     * u &lt;- coxph.detail(fit); c(U = sum(u$score), I = sum(u$imat), chisq = fit$score)
     * </pre>
     */
    @ParameterizedTest(name = "{0} stratified={1} θ₀={2}")
    @CsvSource({
        "aml,       false, 1.3, -4.74009180867894, 3.89388434497865, 5.77019458312349",
        "veteran,   false, 1.3, -7.52802598353843, 30.4062677656053, 1.863799123447",
        "veteran,   true,  1.3, -2.47428570321203, 25.4216784779788, 0.240821617912548",
        "synthetic, false, 1.3, -24.0661053670443, 34.8706497378556, 16.6093098893114",
        "synthetic, true,  1.3, -19.9972426780767, 33.6448487829665, 11.8856148620394",
        "aml,       false, 0.8, -2.76518822553436, 4.17036230086402, 1.83347761441486",
        "veteran,   false, 0.8, 7.28129251644146,  30.03491942799,   1.76518604743046",
        "veteran,   true,  0.8, 9.83037252358038,  24.9163372371974, 3.87842815869809",
        "synthetic, false, 0.8, -6.3795182919509,  37.3457375991918, 1.08976971011055",
        "synthetic, true,  0.8, -3.19529737157544, 34.9943107220956, 0.291759576974619",
    })
    void logRankAtTheMarginIsCoxsScoreTestThere(String name, boolean stratified, double theta0, double score, double information,
                                                double chiSquare) {
        Datasets.Survival data = Datasets.byName(name);
        LogRankResult result = LogRankTest.test(stratified ? data.stratified() : data.unstratified(), theta0);
        assertThat(result.observedExperimental() - result.expectedExperimental()).isCloseTo(score, within(1e-10 * Math.abs(score) + 1e-12));
        assertThat(result.variance()).isCloseTo(information, withinPercentage(1e-10));
        assertThat(result.chiSquare()).isCloseTo(chiSquare, withinPercentage(1e-9));
        assertThat(result.z()).isCloseTo(score / Math.sqrt(information), within(1e-10));
    }

    @Test
    void withoutTiesAMarginOfOneIsTheLogRankTest() {
        // veteran has ties; a continuous set has none, and then the hypergeometric variance is the score test's
        double[] time = new double[40];
        boolean[] event = new boolean[40];
        int[] arm = new int[40];
        for (int i = 0; i < time.length; i++) {
            time[i] = 1 + ((i * 17) % 41) + 0.01 * i;
            event[i] = i % 3 != 0;
            arm[i] = i % 2;
        }
        SurvivalData data = SurvivalData.of(time, event, arm);
        assertThat(LogRankTest.test(data, 1).z()).isCloseTo(LogRankTest.test(data).z(), within(1e-12));
    }

    @Test
    void aHazardRatioUnderTheNullMustBePositiveAndFinite() {
        SurvivalData data = Datasets.aml().unstratified();
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> LogRankTest.test(data, bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** R: f &lt;- coxph(Surv(time, status) ~ arm, data = vet); (coef(f) - log(1.3)) / sqrt(vcov(f)) is -1.35403699919057. */
    @Test
    void coxWaldAgainstTheMargin() {
        CoxEstimate cox = CoxModel.estimate(Datasets.veteran().unstratified());
        assertThat(cox.logHazardRatio()).isCloseTo(0.0177425695187366, within(1e-9));
        assertThat(cox.waldZ(1.3)).isCloseTo(-1.35403699919057, within(1e-8));
        assertThat(cox.waldZ(1)).isCloseTo(cox.logHazardRatio() / cox.standardError(), within(1e-15));
    }

    /**
     * Farrington–Manning against an independent computation: the constrained maximum likelihood found by
     * numerical maximisation in R 4.2.2, not by the closed form.
     * <pre>
     * fm &lt;- function(x1, n1, x0, n0, delta) {
     *   ll &lt;- function(p0) { p1 &lt;- p0 + delta
     *     dbinom(x1, n1, p1, log = TRUE) + dbinom(x0, n0, p0, log = TRUE) }
     *   lo &lt;- max(0, -delta); hi &lt;- min(1, 1 - delta)
     *   p0 &lt;- optimize(ll, c(lo, hi), maximum = TRUE, tol = 1e-14)$maximum
     *   p1 &lt;- p0 + delta
     *   z &lt;- (x1 / n1 - x0 / n0 - delta) / sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0)
     *   c(z, pnorm(z, lower.tail = FALSE), p1, p0)
     * }
     * </pre>
     * The numerical optimum is good to about 1e-8 (2.4e-9 off the boundary in the all-failures case).
     */
    @ParameterizedTest(name = "{0}/{1} vs {2}/{3}, δ = {4}")
    @CsvSource({
        "45, 50,  47, 50,  -0.1,  1.04025655047,   0.149110362376,   0.855377575454, 0.955377575454",
        "80, 100, 85, 110, -0.15, 3.04666766742,   0.00115696693638, 0.687506948457, 0.837506948457",
        "30, 60,  20, 60,  0.05,  1.29827386927,   0.0970966211681,  0.44065115777,  0.39065115777",
        "10, 10,  9,  10,  -0.2,  1.99225561731,   0.0231715093426,  0.755842198543, 0.955842198543",
        "0,  20,  0,  25,  -0.1,  1.66666662053,   0.0477903568627,  0,              0.1",
        "12, 40,  15, 35,  -0.05, -0.7072622334,   0.76029823472,    0.335482359897, 0.385482359897",
        "7,  13,  11, 29,  0.3,   -0.882135335859, 0.811148187256,   0.636759317733, 0.336759317733",
    })
    void farringtonManningMatchesTheConstrainedLikelihood(int x1, int n1, int x0, int n0, double margin, double z, double p,
                                                          double restricted1, double restricted0) {
        FarringtonManning.Result r = FarringtonManning.test(x1, n1, x0, n0, margin);
        assertThat(r.restrictedExperimental()).isCloseTo(restricted1, within(1e-7));
        assertThat(r.restrictedControl()).isCloseTo(restricted0, within(1e-7));
        assertThat(r.z()).isCloseTo(z, within(1e-6));
        assertThat(r.pOneSided()).isCloseTo(p, within(1e-7));
    }

    @Test
    void farringtonManningWithoutInformationCannotReject() {
        assertThat(FarringtonManning.test(0, 0, 3, 10, -0.1).z()).isNaN();
        assertThat(FarringtonManning.test(5, 10, 0, 0, -0.1).z()).isNaN();
        assertThatThrownBy(() -> FarringtonManning.test(1, 10, 1, 10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FarringtonManning.test(11, 10, 1, 10, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
