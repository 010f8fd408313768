package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BOIN's boundaries against the BOIN package's {@code get.boundary} (BOIN 2.7.2 built from CRAN's sources, the
 * cran/BOIN mirror, in R 4.2.2), and the closed forms of Liu and Yuan (2015).
 */
class BoinBoundariesTest {

    /** get.boundary(target = 0.3, ncohort = 10, cohortsize = 3): $lambda_e, $lambda_d and $full_boundary_tab. */
    @Test
    void target30IsTheBoinPackagesTable() {
        BoinBoundaries b = BoinBoundaries.of(0.3, 0.18, 0.42, 30);
        assertThat(b.escalation()).isCloseTo(0.2364907, within(5e-8));
        assertThat(b.deescalation()).isCloseTo(0.3585195, within(5e-8));
        assertThat(b.escalateAtMost()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6,
                6, 6, 7);
        assertThat(b.deescalateAtLeast()).containsExactly(1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9,
                10, 10, 11, 11, 11);
        assertThat(b.eliminateAtLeast()).containsExactlyElementsOf(withNulls(null, null, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9,
                9, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 14));
    }

    /** The closed forms written out: λe = log((1 − φ1)/(1 − φ)) / log(φ(1 − φ1)/(φ1(1 − φ))), and λd likewise. */
    @Test
    void boundariesAreTheClosedForms() {
        double phi = 0.25;
        double phi1 = 0.15;
        double phi2 = 0.35;
        BoinBoundaries b = BoinBoundaries.of(phi, phi1, phi2, 12);
        double e = Math.log((1 - phi1) / (1 - phi)) / Math.log(phi * (1 - phi1) / (phi1 * (1 - phi)));
        double d = Math.log((1 - phi) / (1 - phi2)) / Math.log(phi2 * (1 - phi) / (phi * (1 - phi2)));
        assertThat(b.escalation()).isEqualTo(e);
        assertThat(b.deescalation()).isEqualTo(d);
        assertThat(b.escalation()).isBetween(phi1, phi);
        assertThat(b.deescalation()).isBetween(phi, phi2);
    }

    /** The elimination count is the smallest with a posterior probability of a rate above the target over 0.95. */
    @Test
    void eliminationIsTheFirstCountWithPosteriorProbabilityAbove95Percent() {
        BoinBoundaries b = BoinBoundaries.of(0.3, 0.18, 0.42, 12);
        for (int n = 3; n <= 12; n++) {
            int c = b.eliminateAtLeast().get(n - 1);
            assertThat(BoinBoundaries.overdoseProbability(0.3, n, c)).as("n = %d, c = %d", n, c).isGreaterThan(0.95);
            assertThat(BoinBoundaries.overdoseProbability(0.3, n, c - 1)).as("n = %d, c = %d", n, c - 1).isLessThanOrEqualTo(0.95);
        }
        // 3 of 3 at 0.3: 1 - pbeta(0.3, 4, 1) = 1 - 0.3^4
        assertThat(BoinBoundaries.overdoseProbability(0.3, 3, 3)).isCloseTo(1 - Math.pow(0.3, 4), within(1e-14));
    }

    @Test
    void ratesOutOfOrderAreRefused() {
        assertThatThrownBy(() -> BoinBoundaries.of(0.3, 0.35, 0.42, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("safe rate < target");
        assertThatThrownBy(() -> BoinBoundaries.of(0.3, 0.18, 0.42, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> withNulls(Integer... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
