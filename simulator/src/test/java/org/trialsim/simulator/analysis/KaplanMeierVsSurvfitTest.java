package org.trialsim.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.simulator.stats.Interval;

class KaplanMeierVsSurvfitTest {
    /**
     * Reference values from R 4.2.2, survival 3.5.3:
     * <pre>
     * s &lt;- summary(survfit(Surv(time, status) ~ arm, data = aml2 | vet | syn), times = T)
     * data.frame(s$strata, s$time, s$surv, s$std.err)     # Greenwood SE on the survival scale
     * </pre>
     * Veteran is analysed through its stratified form: the landmark comparison pools strata.
     */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "aml,       12,   0.583333333333333, 0.142318760638328,  0.909090909090909, 0.0866784172041448",
        "aml,       30,   0.291666666666667, 0.138715169134987,  0.613636363636364, 0.152632331027312",
        "aml,       40,   0.194444444444444, 0.121874505380446,  0.368181818181818, 0.162668885827095",
        "veteran,   90,   0.546746234725774, 0.0602840709903379, 0.38016806722689,  0.0591290241463507",
        "veteran,   180,  0.212426789236581, 0.0514227636346147, 0.23285294117647,  0.0528795382385205",
        "veteran,   365,  0.070808929745527, 0.0336074684447469, 0.109773529411765, 0.0407375075823976",
        "synthetic, 5,    0.826430231081872, 0.0383070664047008, 0.898937728937729, 0.0303090326528434",
        "synthetic, 12.5, 0.560457393223103, 0.0518695625044044, 0.651937562320155, 0.0491769447823553",
        "synthetic, 20,   0.191010648742477, 0.0452768005607431, 0.316248574981571, 0.0514900719738371",
    })
    void matchesSurvfit(String name, double t, double s0, double se0, double s1, double se1) {
        Datasets.Survival data = Datasets.byName(name);
        LandmarkDifference result = KaplanMeier.landmarkDifference(data.stratified(), t);
        assertThat(result.time()).isEqualTo(t);
        assertThat(result.survivalControl()).isCloseTo(s0, withinPercentage(1e-10));
        assertThat(result.standardErrorControl()).isCloseTo(se0, withinPercentage(1e-10));
        assertThat(result.survivalExperimental()).isCloseTo(s1, withinPercentage(1e-10));
        assertThat(result.standardErrorExperimental()).isCloseTo(se1, withinPercentage(1e-10));
        double se = Math.sqrt(se0 * se0 + se1 * se1);
        assertThat(result.difference()).isCloseTo(s1 - s0, within(1e-14));
        assertThat(result.standardError()).isCloseTo(se, withinPercentage(1e-10));
        assertThat(result.z()).isCloseTo((s1 - s0) / se, withinPercentage(1e-9));
        assertThat(result.pOneSided()).isCloseTo(Normal.sf((s1 - s0) / se), withinPercentage(1e-8));
        assertThat(result.pTwoSided()).isCloseTo(2 * Normal.sf(Math.abs(s1 - s0) / se), withinPercentage(1e-8));
        // Pooling strata must equal the unstratified analysis.
        assertThat(KaplanMeier.landmarkDifference(data.unstratified(), t)).isEqualTo(result);
    }

    @Test
    void intervalIsSymmetricWald() {
        LandmarkDifference result = KaplanMeier.landmarkDifference(Datasets.aml().unstratified(), 30);
        Interval interval = result.differenceInterval(0.95);
        assertThat(interval.upper() - result.difference()).isCloseTo(1.959963984540054 * result.standardError(), within(1e-12));
        assertThat(result.difference() - interval.lower()).isCloseTo(1.959963984540054 * result.standardError(), within(1e-12));
    }

    @Test
    void beforeTheFirstEventBothArmsAreAtOneWithNoInformation() {
        LandmarkDifference result = KaplanMeier.landmarkDifference(Datasets.aml().unstratified(), 4);
        assertThat(result.survivalControl()).isEqualTo(1);
        assertThat(result.survivalExperimental()).isEqualTo(1);
        assertThat(result.z()).isNaN();
    }

    @Test
    void survivalOfZeroHasZeroVariance() {
        // Every control patient dies by t = 3; the experimental arm keeps one of two.
        SurvivalData data = SurvivalData.of(new double[] {1, 2, 3, 2, 5}, new boolean[] {true, true, true, true, false},
            new int[] {0, 0, 0, 1, 1});
        LandmarkDifference result = KaplanMeier.landmarkDifference(data, 4);
        assertThat(result.survivalControl()).isZero();
        assertThat(result.standardErrorControl()).isZero();
        assertThat(result.survivalExperimental()).isEqualTo(0.5);
        // Greenwood: 0.5^2 * 1 / (2 * 1) -> SE = 0.5 * sqrt(0.5)
        assertThat(result.standardErrorExperimental()).isCloseTo(0.5 * Math.sqrt(0.5), within(1e-15));
    }

    @Test
    void rejectsInvalidLandmark() {
        SurvivalData data = Datasets.aml().unstratified();
        assertThatThrownBy(() -> KaplanMeier.landmarkDifference(data, Double.NaN))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("landmark");
        assertThatThrownBy(() -> KaplanMeier.landmarkDifference(data, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
