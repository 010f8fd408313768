package org.trialsim.simulator.trial.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.numbers.gamma.LogBeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BestArmTest {

    /**
     * Two arms with whole first shapes against the closed form (Miller 2015, "Formulas for Bayesian A/B
     * testing"): P(X_2 > X_1) = Σ_{i=0}^{α_2−1} B(α_1+i, β_1+β_2) / ((β_2+i) B(1+i, β_2) B(α_1, β_1)),
     * a finite sum that shares nothing with the quadrature.
     */
    @ParameterizedTest
    @CsvSource({"1, 1, 1, 1", "3, 5, 2, 6", "11, 30, 17, 24", "120, 80, 101, 99", "301, 450, 330, 421", "1, 40, 40, 1",
            "0.5, 0.5, 4, 2", "2.5, 7.25, 9, 3", "4.5, 0.5, 1, 0.5"})
    void twoArmsMatchTheClosedForm(double a1, double b1, int a2, double b2) {
        double sum = 0;
        for (int i = 0; i < a2; i++) {
            sum += Math.exp(LogBeta.value(a1 + i, b1 + b2) - Math.log(b2 + i) - LogBeta.value(1 + i, b2) - LogBeta.value(a1, b1));
        }
        double[] p = BestArm.probabilities(new double[] {a1, a2}, new double[] {b1, b2});
        assertThat(p[1]).isCloseTo(sum, within(1e-9));
        assertThat(p[0] + p[1]).isEqualTo(1.0);
    }

    /**
     * Two arms by Miller's sum against the quadrature, to 1e-9: a whole shape in each of the four places
     * the sum can take it from (the second's first shape, the first's, and the second shapes through the
     * mirror 1 − X), posteriors far apart (a first term of about 1e-700, carried on a scale), narrow and
     * equal ones, and shapes with no whole number, which the quadrature answers.
     */
    @ParameterizedTest
    @CsvSource({"1, 1, 1, 1", "3, 5, 2, 6", "2.5, 7.25, 9, 3.5", "9, 3.5, 2.5, 7.25", "0.5, 7, 1.5, 2.5", "1.5, 2.5, 0.5, 7",
            "120, 80, 101, 99", "3000, 7000, 3000, 7000", "3000, 7000, 3400, 6600", "30, 3000, 300, 50", "300, 50, 30, 3000",
            "0.75, 0.5, 0.5, 0.25", "1, 40, 40, 1", "40, 1, 1, 40", "44.5, 51, 51.5, 37"})
    void twoArmsBySumMatchTheQuadrature(double a1, double b1, double a2, double b2) {
        double[] alpha = {a1, a2};
        double[] beta = {b1, b2};
        double[] p = BestArm.probabilities(alpha, beta);
        double[] q = BestArm.byQuadrature(alpha, beta);
        assertThat(p[1]).isCloseTo(q[1], within(1e-9));
        assertThat(p[0]).isCloseTo(q[0], within(1e-9));
        assertThat(p[0] + p[1]).isEqualTo(1.0);
        assertThat(p[1]).isBetween(0.0, 1.0);
    }

    @Test
    void theSumIsTakenOverTheSmallestWholeShapeAndNotBeyondTheLimit() {
        assertThat(BestArm.secondIsBetter(0.5, 0.5, 0.5, 0.5)).isNaN();
        assertThat(BestArm.secondIsBetter(0.5, 0.5, BestArm.MAX_TERMS + 1, 0.5)).isNaN();
        // 100,000 terms; R 4.2: f <- function(y) dbeta(y, 0.5, 1e5) * pbeta(y, 0.5, 0.5);
        // 1 - integrate(f, 0, 1e-3, rel.tol = 1e-14, subdivisions = 10000L)$value, printed with %.16f (the quadrature
        // here, at a posterior 5e-6 wide against the end of a density infinite there, is 1.6e-7 off)
        assertThat(BestArm.secondIsBetter(0.5, 0.5, BestArm.MAX_TERMS, 0.5)).isCloseTo(0.9988641908380491, within(1e-12));
        // identical posteriors are equally likely to be either side, whichever shape the sum runs over
        for (double[] s : new double[][] {{7, 2.5}, {2.5, 7}, {1, 1}, {250, 13}}) {
            assertThat(BestArm.secondIsBetter(s[0], s[1], s[0], s[1])).isCloseTo(0.5, within(1e-12));
        }
    }

    /**
     * Three arms against R's integrate (QUADPACK), an independent quadrature:
     * {@code f3 <- function(a, b, k) { o <- setdiff(1:3, k); integrate(function(x) dbeta(x,a[k],b[k]) *
     * pbeta(x,a[o[1]],b[o[1]]) * pbeta(x,a[o[2]],b[o[2]]), 0, 1, rel.tol=1e-12, subdivisions=2000L)$value }}
     * for k = 1, 2, 3 (R 4.2.2, printed with %.16f).
     */
    @ParameterizedTest
    @CsvSource({"3, 5, 2, 5, 4, 6, 0.1981243730469737, 0.7450222635981149, 0.0568533633549114",
            "1.5, 1.5, 12.5, 1.5, 2.5, 30.5, 0.5877454058191317, 0.3061927291931300, 0.1060618649877382",
            "41, 36, 52, 60, 66, 49, 0.0578949382988019, 0.0070683194504469, 0.9350367422507517"})
    void threeArmsMatchR(double a1, double a2, double a3, double b1, double b2, double b3, double p1, double p2, double p3) {
        double[] p = BestArm.probabilities(new double[] {a1, a2, a3}, new double[] {b1, b2, b3});
        assertThat(p[0]).isCloseTo(p1, within(1e-9));
        assertThat(p[1]).isCloseTo(p2, within(1e-9));
        assertThat(p[2]).isCloseTo(p3, within(1e-9));
    }

    @Test
    void identicalArmsAreEquallyLikelyToBeBestEvenWithPriorsBelowOne() {
        double[] p = BestArm.probabilities(new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {0.5, 0.5, 0.5, 0.5});
        for (double x : p) {
            assertThat(x).isCloseTo(0.25, within(1e-9));
        }
        double[] narrow = BestArm.probabilities(new double[] {3000, 3000, 3000}, new double[] {7000, 7000, 7000});
        for (double x : narrow) {
            assertThat(x).isCloseTo(1.0 / 3, within(1e-9));
        }
    }

    @Test
    void refusesShapesThatAreNotPositive() {
        assertThatThrownBy(() -> BestArm.probabilities(new double[] {1, 0}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arm 1");
        assertThatThrownBy(() -> BestArm.probabilities(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
