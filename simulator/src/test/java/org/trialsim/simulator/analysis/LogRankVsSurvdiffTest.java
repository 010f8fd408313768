package org.trialsim.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogRankVsSurvdiffTest {
    /**
     * Reference values from R 4.2.2, survival 3.5.3, data sets as in {@link Datasets}:
     * <pre>
     * sd &lt;- survdiff(Surv(time, status) ~ arm, data = aml2)                         # aml
     * sd &lt;- survdiff(Surv(time, status) ~ arm, data = vet)                          # veteran
     * sd &lt;- survdiff(Surv(time, status) ~ arm + strata(celltype), data = vet)       # veteran, stratified
     * sd &lt;- survdiff(Surv(time, status) ~ arm, data = syn)                          # synthetic
     * sd &lt;- survdiff(Surv(time, status) ~ arm + strata(stratum), data = syn)        # synthetic, stratified
     * c(rowSums(sd$obs), rowSums(sd$exp), sd$var[1, 1], sd$chisq)   # O0, O1, E0, E1, V, chisq
     * </pre>
     */
    @ParameterizedTest(name = "{0} stratified={1}")
    @CsvSource({
        "aml,       false, 11, 7,  7.31066400769928, 10.6893359923007, 4.00755074593873, 3.3963886989776",
        "veteran,   false, 64, 64, 64.5001966636009, 63.4998033363991, 30.4103883992589, 0.00822734320235077",
        "veteran,   true,  64, 64, 68.2075529768725, 59.7924470231275, 25.2278872793025, 0.701743346844319",
        "synthetic, false, 80, 80, 65.344195291494,  94.6558047085059, 33.4884706063835, 6.41392717447424",
        "synthetic, true,  80, 80, 69.0032160799476, 90.9967839200524, 32.1200059928218, 3.76492011275928",
    })
    void matchesSurvdiff(String name, boolean stratified, double o0, double o1, double e0, double e1,
                         double variance, double chiSquare) {
        Datasets.Survival data = Datasets.byName(name);
        LogRankResult result = LogRankTest.test(stratified ? data.stratified() : data.unstratified());
        assertThat(result.observedControl()).isEqualTo(o0);
        assertThat(result.observedExperimental()).isEqualTo(o1);
        assertThat(result.expectedControl()).isCloseTo(e0, withinPercentage(1e-10));
        assertThat(result.expectedExperimental()).isCloseTo(e1, withinPercentage(1e-10));
        assertThat(result.variance()).isCloseTo(variance, withinPercentage(1e-10));
        assertThat(result.chiSquare()).isCloseTo(chiSquare, withinPercentage(1e-9));
        // Sign: negative when the experimental arm has fewer events than expected.
        assertThat(Math.signum(result.z())).isEqualTo(Math.signum(o1 - e1));
        // R: pchisq(chisq, 1, lower.tail = FALSE) is the two-sided p; the one-sided p is Phi(z).
        assertThat(result.pTwoSided()).isCloseTo(2 * Normal.sf(Math.sqrt(chiSquare)), withinPercentage(1e-9));
        assertThat(result.pOneSided()).isCloseTo(Normal.cdf(result.z()), within(1e-15));
    }

    @Test
    void amlOneSidedPValueFavoursMaintenance() {
        // R: z <- (7 - 10.6893359923007) / sqrt(4.00755074593873); pnorm(z)
        LogRankResult result = LogRankTest.test(Datasets.aml().unstratified());
        assertThat(result.z()).isCloseTo(-1.842929379813, within(1e-11));
        assertThat(result.pOneSided()).isCloseTo(0.03266966102, within(1e-11));
    }

    @Test
    void swappingArmsFlipsTheSign() {
        Datasets.Survival aml = Datasets.aml();
        int[] swapped = new int[aml.arm().length];
        for (int i = 0; i < swapped.length; i++) {
            swapped[i] = 1 - aml.arm()[i];
        }
        LogRankResult original = LogRankTest.test(aml.unstratified());
        LogRankResult flipped = LogRankTest.test(SurvivalData.of(aml.time(), aml.event(), swapped));
        assertThat(flipped.z()).isCloseTo(-original.z(), within(1e-12));
        assertThat(flipped.chiSquare()).isCloseTo(original.chiSquare(), within(1e-12));
    }

    @Test
    void noEventsGivesNoInformation() {
        LogRankResult result = LogRankTest.test(SurvivalData.of(new double[] {1, 2, 3}, new boolean[3], new int[] {0, 1, 1}));
        assertThat(result.variance()).isZero();
        assertThat(result.z()).isNaN();
        assertThat(result.pOneSided()).isNaN();
        assertThat(result.pTwoSided()).isNaN();
    }

    @Test
    void emptyStratumCodesAreHarmless() {
        Datasets.Survival vet = Datasets.veteran();
        int[] sparse = new int[vet.stratum().length];
        for (int i = 0; i < sparse.length; i++) {
            sparse[i] = 3 * vet.stratum()[i] + 2;
        }
        LogRankResult a = LogRankTest.test(vet.stratified());
        LogRankResult b = LogRankTest.test(SurvivalData.of(vet.time(), vet.event(), vet.arm(), sparse));
        assertThat(b).isEqualTo(a);
    }

    @ParameterizedTest(name = "{0} stratified={1} θ₀={2}")
    @CsvSource({"aml, false, 1", "veteran, false, 1.3", "veteran, true, 1", "synthetic, true, 0.8", "synthetic, false, 1"})
    void zAloneIsTheTestsZToTheBit(String name, boolean stratified, double theta0) {
        Datasets.Survival survival = Datasets.byName(name);
        SurvivalData data = stratified ? survival.stratified() : survival.unstratified();
        assertThat(LogRankTest.z(data)).isEqualTo(LogRankTest.test(data).z());
        assertThat(LogRankTest.z(data, theta0)).isEqualTo(LogRankTest.test(data, theta0).z());
        assertThat(LogRankTest.z(SurvivalData.of(new double[] {1, 2}, new boolean[2], new int[] {0, 1}))).isNaN();
    }
}
