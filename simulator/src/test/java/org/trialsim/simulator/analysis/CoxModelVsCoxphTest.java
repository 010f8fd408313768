package org.trialsim.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.simulator.stats.Interval;

class CoxModelVsCoxphTest {
    /**
     * Reference values from R 4.2.2, survival 3.5.3 (default control; R's estimates agree with
     * {@code coxph.control(eps = 1e-14)} to 2e-11 relative, so 1e-9 is a fair tolerance):
     * <pre>
     * fit &lt;- coxph(Surv(time, status) ~ arm [+ strata(celltype | stratum)], data = aml2 | vet | syn | strong, ties = TIES)
     * c(coef(fit), sqrt(vcov(fit)), fit$loglik, fit$score, fit$wald.test, summary(fit)$conf.int[3:4])
     * </pre>
     */
    @ParameterizedTest(name = "{0} stratified={1} {2}")
    @CsvSource({
        "aml,       false, EFRON,   -0.915532575014718,  0.511934275172005, -42.7248392627602, -41.0326155964584, 3.4167343955173,     3.19829992215945,    0.146767538182207, 1.09181359999151",
        "aml,       false, BRESLOW, -0.904219723685701,  0.512247907304151, -42.898123897174,  -41.2501143500689, 3.32256141627307,    3.11592909448119,    0.1483461072117,   1.10491424518021",
        "veteran,   true,  EFRON,    0.169063909128088,  0.198235612565965, -338.736207226184, -338.37262406948,  0.728576053416822,   0.727341652450108,   0.802943641881816, 1.74647342711011",
        "veteran,   true,  BRESLOW,  0.165193737430886,  0.198066462843376, -339.141598423308, -338.793882217022, 0.696740296540419,   0.695609118415162,   0.800107331220821, 1.73915066614264",
        "veteran,   false, EFRON,    0.0177425695187366, 0.18066101228769,  -505.449054918058, -505.444233228747, 0.00964528282457525, 0.00964504264921384, 0.714375526106933, 1.45038878345424",
        "veteran,   false, BRESLOW,  0.0163278716522999, 0.180651614835323, -505.883956283116, -505.879872365914, 0.00816929579160829, 0.00816912346094885, 0.713378754467786, 1.44831169601671",
        "synthetic, false, EFRON,   -0.425110383465117,  0.164549518412672, -684.76897618002,  -681.427386129492, 6.76967074027796,    6.67436871057722,    0.473491407534374, 0.90248856997507",
        "synthetic, false, BRESLOW, -0.393979189277078,  0.16383813922639,  -695.269608749631, -692.375230184648, 5.85444044223866,    5.78251210534883,    0.48914513133028,  0.929728810381423",
        "synthetic, true,  EFRON,   -0.331836642752036,  0.170647126925536, -516.918797436088, -515.021569497708, 3.81102122194602,    3.78138346064352,    0.513605989132257, 1.00262902994128",
        "synthetic, true,  BRESLOW, -0.314606973008219,  0.169381312816011, -525.477941851391, -523.747685548829, 3.47459437739058,    3.4498935854163,     0.523829910424175, 1.01752611084072",
        "strong,    false, EFRON,   -2.16043366699004,   0.591235864793966, -132.731932974075, -124.114425189726, 17.8321379608158,    13.352430659843,     0.0361805112509046, 0.367279307095969",
        "strong,    false, BRESLOW, -2.16065219936984,   0.591368943292964, -135.297144218093, -126.6846377542,   17.8148866302949,    13.3491219905536,    0.0361631718650009, 0.367294842121796",
    })
    void matchesCoxph(String name, boolean stratified, CoxModel.Ties ties, double coef, double se,
                      double logLikNull, double logLik, double score, double wald, double lower, double upper) {
        Datasets.Survival data = Datasets.byName(name);
        CoxResult fit = CoxModel.fit(stratified ? data.stratified() : data.unstratified(), ties);
        assertThat(fit.ties()).isEqualTo(ties);
        assertThat(fit.logHazardRatio()).isCloseTo(coef, withinPercentage(1e-7));
        assertThat(fit.standardError()).isCloseTo(se, withinPercentage(1e-7));
        assertThat(fit.logLikelihoodNull()).isCloseTo(logLikNull, withinPercentage(1e-10));
        assertThat(fit.logLikelihood()).isCloseTo(logLik, withinPercentage(1e-10));
        assertThat(fit.likelihoodRatioChiSquare()).isCloseTo(2 * (logLik - logLikNull), withinPercentage(1e-6));
        assertThat(fit.scoreChiSquare()).isCloseTo(score, withinPercentage(1e-8));
        assertThat(fit.waldChiSquare()).isCloseTo(wald, withinPercentage(1e-7));
        Interval interval = fit.hazardRatioInterval(0.95);
        assertThat(interval.lower()).isCloseTo(lower, withinPercentage(1e-7));
        assertThat(interval.upper()).isCloseTo(upper, withinPercentage(1e-7));
        assertThat(fit.hazardRatio()).isCloseTo(Math.exp(coef), withinPercentage(1e-7));
        // Sign conventions: the Wald and score z carry the sign of the log hazard ratio here.
        assertThat(Math.signum(fit.waldZ())).isEqualTo(Math.signum(coef));
        assertThat(Math.signum(fit.scoreZ())).isEqualTo(Math.signum(coef));
        assertThat(fit.pWaldOneSided()).isCloseTo(Normal.cdf(coef / se), within(1e-9));
        assertThat(fit.pWaldTwoSided()).isCloseTo(2 * Normal.sf(Math.sqrt(wald)), withinPercentage(1e-6));
        assertThat(fit.iterations()).isBetween(2, 8);
    }

    @Test
    void efronIsTheDefault() {
        SurvivalData data = Datasets.synthetic().unstratified();
        assertThat(CoxModel.fit(data)).isEqualTo(CoxModel.fit(data, CoxModel.Ties.EFRON));
    }

    @Test
    void withoutTiesTheScoreTestIsTheLogRankTestForBothTieMethods() {
        // With distinct event times Efron's and Breslow's likelihoods coincide, and the score test at
        // beta = 0 is the log-rank test (Therneau & Grambsch 2000, section 3.3).
        Datasets.Survival synthetic = Datasets.synthetic();
        double[] distinct = synthetic.time().clone();
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] += i * 1e-3;
        }
        SurvivalData data = SurvivalData.of(distinct, synthetic.event(), synthetic.arm(), synthetic.stratum());
        LogRankResult logRank = LogRankTest.test(data);
        CoxResult efron = CoxModel.fit(data, CoxModel.Ties.EFRON);
        CoxResult breslow = CoxModel.fit(data, CoxModel.Ties.BRESLOW);
        assertThat(efron.scoreZ()).isCloseTo(logRank.z(), within(1e-12));
        assertThat(breslow.scoreZ()).isCloseTo(logRank.z(), within(1e-12));
        assertThat(efron.logHazardRatio()).isCloseTo(breslow.logHazardRatio(), within(1e-12));
    }

    @Test
    void noExperimentalEventWhileControlAtRiskGivesInfiniteBenefit() {
        // The only experimental event (t = 7) happens after every control patient has left the risk set.
        // R: d <- data.frame(time = c(1,2,3,4,5,6,2,7), status = c(1,1,0,1,0,0,0,1), arm = c(0,0,0,0,1,1,1,1))
        //    coxph(Surv(time, status) ~ arm, d)$score  # 4.86168224299065 (coef diverges: -21.9 with a warning)
        SurvivalData data = SurvivalData.of(new double[] {1, 2, 3, 4, 5, 6, 2, 7},
            new boolean[] {true, true, false, true, false, false, false, true}, new int[] {0, 0, 0, 0, 1, 1, 1, 1});
        CoxResult fit = CoxModel.fit(data);
        assertThat(fit.logHazardRatio()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(fit.hazardRatio()).isZero();
        assertThat(fit.standardError()).isNaN();
        assertThat(fit.waldZ()).isNaN();
        assertThat(fit.hazardRatioInterval(0.95).lower()).isNaN();
        assertThat(fit.scoreChiSquare()).isCloseTo(4.86168224299065, withinPercentage(1e-10));
        assertThat(fit.scoreZ()).isNegative();
    }

    @Test
    void noControlEventWhileExperimentalAtRiskGivesInfiniteHarm() {
        // Experimental events at 1 and 2 with control at risk; the only control event (t = 6) after the
        // experimental arm has left the risk set.
        SurvivalData data = SurvivalData.of(new double[] {5, 6, 1, 2, 3}, new boolean[] {false, true, true, true, false},
            new int[] {0, 0, 1, 1, 1});
        CoxResult fit = CoxModel.fit(data, CoxModel.Ties.BRESLOW);
        assertThat(fit.logHazardRatio()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(fit.scoreZ()).isPositive();
    }

    @Test
    void noEventsGivesNaN() {
        CoxResult fit = CoxModel.fit(SurvivalData.of(new double[] {1, 2}, new boolean[2], new int[] {0, 1}));
        assertThat(fit.logHazardRatio()).isNaN();
        assertThat(fit.scoreZ()).isNaN();
        assertThat(fit.pScoreOneSided()).isNaN();
    }

    @Test
    void rejectsBadConfidenceLevel() {
        CoxResult fit = CoxModel.fit(Datasets.aml().unstratified());
        assertThatThrownBy(() -> fit.hazardRatioInterval(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("confidence level");
        assertThatThrownBy(() -> fit.hazardRatioInterval(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
