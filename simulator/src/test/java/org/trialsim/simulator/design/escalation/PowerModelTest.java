package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CRM's posterior mean against dfcrm's {@code crm} and {@code titecrm} (R 4.2.2, dfcrm 0.2-2.1 built from
 * CRAN's sources, the cran/dfcrm mirror), and against a brute-force integral. The R calls, with {@code sk <- getprior(0.05, 0.2, 3, 5)}:
 *
 * <pre>
 * e &lt;- function(tox, level, scale = sqrt(1.34)) crm(sk, 0.2, tox, level, scale = scale)   # $estimate, $mtd
 * t &lt;- function(tox, level, followup) titecrm(sk, 0.2, tox, level, followup = followup, obswin = 28)
 * </pre>
 *
 * R's {@code integrate} stops at a relative error of about 1e-4 by default, so its values are matched to
 * 1e-5; the brute-force integral (Simpson's rule on 200,000 intervals over ±12 prior standard deviations) to 1e-7.
 */
class PowerModelTest {
    /**
     * The agreement asked of the adaptive rule with the brute-force integral: far below anything that moves a
     * decision (the posterior mean is compared with others only through the levels' DLT probabilities).
     */
    private static final double TOLERANCE = 1e-7;
    /** dfcrm's getprior(0.05, 0.2, 3, 5). */
    static final double[] SKELETON = {0.04909161315164421, 0.11052781213776458, 0.20000000000000001, 0.30848728882662074,
            0.42341589367647509};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // R call | DLT of each patient | level of each patient | prior variance | dfcrm's estimate | recommended level
            "e(c(0,0,0), c(1,1,1))                                   | 000 | 111 | 1.34 | 0.507842621780694   | 5",
            "e(c(0,0,1), c(1,1,1))                                   | 001 | 111 | 1.34 | -0.831221624713707  | 1",
            "e(c(1,1,1), c(1,1,1))                                   | 111 | 111 | 1.34 | -2.01539073013761   | 1",
            "e(rep(0, 24), rep(c(1,2,3,4,5,5,5,5), each = 3))        | 000000000000000000000000 | 111222333444555555555555 | 1.34"
                    + " | 1.71346768868385 | 5",
            "e(c(0,0,0,0,0,1,0,1,0,1,1,0,0,0,0,0,0,1,0,0,0,0,0,0), rep(c(1,2,3,4,3,3,3,3), each = 3) | 000001010110000001000000"
                    + " | 111222333444333333333333 | 1.34 | -0.080215811055025 | 3",
            "e(rep(1, 24), rep(1, 24))                               | 111111111111111111111111 | 111111111111111111111111 | 1.34"
                    + " | -3.47852771520641 | 1",
            "e(c(0,0,0,1,1,1), c(1,1,1,2,2,2), scale = 1)            | 000111 | 111222 | 1 | -1.0255072874434 | 1",
            "e(c(0,1,0,0,1,1,0,0,0), c(2,2,2,3,3,3,2,2,2), scale = sqrt(10)) | 010011000 | 222333222 | 10 | -0.61822396850888 | 1",
            "e(c(0,1,0,0,1,1,0,0,0), c(2,2,2,3,3,3,2,2,2), scale = 0.1)      | 010011000 | 222333222 | 0.01 | -0.0340876378999747 | 3",
    })
    void posteriorMeanIsDfcrms(String call, String dlts, String levels, double variance, double estimate, int level) {
        PowerModel model = new PowerModel(SKELETON, variance);
        int[] tox = digits(dlts);
        int[] at = digits(levels);
        for (int i = 0; i < tox.length; i++) {
            if (tox[i] == 1) {
                model.addDlt(at[i]);
            } else {
                model.addComplete(at[i]);
            }
        }
        assertThat(model.fit()).isCloseTo(estimate, within(1e-5));
        assertThat(model.recommended(0.2)).isEqualTo(level);
        assertThat(model.mean()).isCloseTo(bruteForceMean(tox, at, new double[tox.length], variance), within(TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // R call, obswin = 28 | DLT | level | follow-up, days | titecrm's estimate | recommended level
            "t(c(0,0,0,0), c(1,1,2,2), c(28,20,10,2))                            | 0000     | 1122     | 28 20 10 2 "
                    + "| 0.423696273834768 | 4",
            "t(c(0,1,0,0,0), c(1,2,2,3,3), c(28,5,27,14,1))                      | 01000    | 12233    | 28 5 27 14 1 "
                    + "| -0.574928348767584 | 1",
            "t(c(0,0,0,0,1,0,0,0), c(1,1,2,2,3,3,4,4), c(28,28,28,28,3,21,14,7)) | 00001000 | 11223344 | 28 28 28 28 3 21 14 7 "
                    + "| -0.0797894391774414 | 3",
    })
    void weightedPosteriorMeanIsTitecrms(String call, String dlts, String levels, String followUps, double estimate, int level) {
        int[] tox = digits(dlts);
        int[] at = digits(levels);
        double[] followUp = Arrays.stream(followUps.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        PowerModel model = new PowerModel(SKELETON, 1.34);
        double[] weights = new double[tox.length];
        for (int i = 0; i < tox.length; i++) {
            // titecrm: weight follow-up/window, and 1 for a DLT
            weights[i] = tox[i] == 1 ? 1 : Math.min(followUp[i] / 28.0, 1);
            if (tox[i] == 1) {
                model.addDlt(at[i]);
            } else if (weights[i] == 1) {
                model.addComplete(at[i]);
            } else {
                model.addPending(at[i], weights[i]);
            }
        }
        assertThat(model.fit()).isCloseTo(estimate, within(1e-5));
        assertThat(model.recommended(0.2)).isEqualTo(level);
        assertThat(model.mean()).isCloseTo(bruteForceMean(tox, at, weights, 1.34), within(TOLERANCE));
    }

    /** Many data sets, some sharp, all against the brute-force integral: the adaptive rule follows the posterior. */
    @Test
    void adaptiveRuleMatchesBruteForceOnManyDataSets() {
        org.apache.commons.rng.UniformRandomProvider rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + rng.nextInt(60);
            int[] tox = new int[n];
            int[] levels = new int[n];
            double[] weights = new double[n];
            double scale = 0.5 + 3 * rng.nextDouble();
            PowerModel model = new PowerModel(SKELETON, scale * scale);
            for (int i = 0; i < n; i++) {
                levels[i] = 1 + rng.nextInt(SKELETON.length);
                tox[i] = rng.nextDouble() < SKELETON[levels[i] - 1] * (0.3 + 2 * rng.nextDouble()) ? 1 : 0;
                weights[i] = tox[i] == 1 || rng.nextDouble() < 0.6 ? 1 : rng.nextDouble();
                if (tox[i] == 1) {
                    model.addDlt(levels[i]);
                } else if (weights[i] == 1) {
                    model.addComplete(levels[i]);
                } else {
                    model.addPending(levels[i], weights[i]);
                }
            }
            double exact = bruteForceMean(tox, levels, weights, scale * scale);
            assertThat(model.fit()).as("data set %d: %s at %s", trial, Arrays.toString(tox), Arrays.toString(levels))
                    .isCloseTo(exact, within(TOLERANCE));
        }
    }

    /** P(DLT probability of level 1 above the target) against the brute-force integral of the posterior below the cut. */
    @Test
    void probabilityThatTheLowestLevelIsTooToxicIsThePosteriorMassBelowTheCut() {
        int[] tox = {1, 1, 0, 1, 0, 0};
        int[] levels = {1, 1, 1, 1, 1, 1};
        PowerModel model = new PowerModel(SKELETON, 1.34);
        for (int i = 0; i < tox.length; i++) {
            if (tox[i] == 1) {
                model.addDlt(levels[i]);
            } else {
                model.addComplete(levels[i]);
            }
        }
        model.fit();
        double cut = Math.log(Math.log(0.2) / Math.log(SKELETON[0]));
        double[] both = bruteForce(tox, levels, new double[tox.length], 1.34, cut);
        assertThat(model.probabilityAbove(1, 0.2)).isCloseTo(both[1] / both[0], within(TOLERANCE)).isBetween(0.5, 1.0);
    }

    private static double bruteForceMean(int[] tox, int[] levels, double[] weights, double variance) {
        double[] r = bruteForce(tox, levels, weights, variance, Double.NaN);
        return r[2] / r[0];
    }

    /**
     * Simpson's rule over ±12 prior sd (at least ±12), in two pieces split at the cut so that the mass below it
     * is integrated as smoothly as the whole: {total mass, mass below cut, first moment}, relative to a common scale.
     */
    private static double[] bruteForce(int[] tox, int[] levels, double[] weights, double variance, double cut) {
        double sd = Math.sqrt(variance);
        double lo = -12 * Math.max(sd, 1);
        double split = Double.isNaN(cut) ? 0 : cut;
        double peak = Math.max(logDensity(tox, levels, weights, variance, 0), logDensity(tox, levels, weights, variance, split));
        double[] left = simpson(tox, levels, weights, variance, lo, split, peak);
        double[] right = simpson(tox, levels, weights, variance, split, -lo, peak);
        return new double[] {left[0] + right[0], left[0], left[1] + right[1]};
    }

    /** Simpson's rule from a to b on 100,000 intervals: {mass, first moment}, the density scaled by exp(−peak). */
    private static double[] simpson(int[] tox, int[] levels, double[] weights, double variance, double a, double b, double peak) {
        int steps = 100_000;
        double h = (b - a) / steps;
        double mass = 0;
        double first = 0;
        for (int i = 0; i <= steps; i++) {
            double x = a + i * h;
            double w = (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * Math.exp(logDensity(tox, levels, weights, variance, x) - peak);
            mass += w;
            first += w * x;
        }
        return new double[] {mass * h / 3, first * h / 3};
    }

    /** The log posterior density up to a constant, written out directly from the model. */
    private static double logDensity(int[] tox, int[] levels, double[] weights, double variance, double a) {
        double ll = -a * a / (2 * variance);
        for (int j = 0; j < tox.length; j++) {
            double p = Math.pow(SKELETON[levels[j] - 1], Math.exp(a));
            ll += tox[j] == 1 ? Math.log(p) : Math.log1p(-(weights[j] == 0 ? 1 : weights[j]) * p);
        }
        return ll;
    }

    private static int[] digits(String text) {
        return text.trim().chars().map(c -> c - '0').toArray();
    }
}
