package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Gauss–Legendre rule integrates polynomials exactly, to rounding. */
class QuadratureTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 16, 40})
    void gaussLegendreIntegratesPolynomialsExactly(int n) {
        GaussLegendre rule = new GaussLegendre(n);
        for (int degree = 0; degree <= 2 * n - 1; degree++) {
            double sum = 0;
            for (int j = 0; j < rule.size(); j++) {
                sum += rule.weight(j) * Math.pow(rule.node(j), degree);
            }
            double exact = degree % 2 == 1 ? 0 : 2.0 / (degree + 1);
            assertThat(sum).as("x^%d with %d points", degree, n).isCloseTo(exact, within(1e-13));
        }
    }
}
