package org.trialsim.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class QuantileSketchTest {
    private static final double[] PROBABILITIES = {0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1};

    /** R's type 7 on a sorted copy: quantile(x, p, type = 7). */
    private static double type7(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    @Test
    void quantilesAreRsType7WhileValuesAreFew() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        double[] values = new double[10_000];
        QuantileSketch s = new QuantileSketch();
        for (int i = 0; i < values.length; i++) {
            // many ties (whole numbers), negatives, zeros and fractions
            values[i] = i % 3 == 0 ? rng.nextInt(50) - 10 : (rng.nextDouble() - 0.5) * 40;
            s.add(values[i]);
        }
        assertThat(s.isExact()).isTrue();
        for (double p : PROBABILITIES) {
            assertThat(s.quantile(p)).as("p = %s", p).isEqualTo(type7(values, p));
        }
        assertThat(s.min()).isEqualTo(Arrays.stream(values).min().orElseThrow());
        assertThat(s.max()).isEqualTo(Arrays.stream(values).max().orElseThrow());
        assertThat(s.count()).isEqualTo(values.length);
    }

    @Test
    void beyondTheExactLimitQuantilesAreWithinTheRelativeAccuracy() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2L);
        int n = QuantileSketch.EXACT_DISTINCT * 3;
        double[] values = new double[n];
        QuantileSketch s = new QuantileSketch();
        for (int i = 0; i < n; i++) {
            // months to a trial's conclusion, and a log hazard ratio that changes sign
            values[i] = i % 2 == 0 ? 20 + 40 * rng.nextDouble() : Math.log(0.4 + rng.nextDouble());
            s.add(values[i]);
        }
        assertThat(s.isExact()).isFalse();
        for (double p : PROBABILITIES) {
            double exact = type7(values, p);
            // each order statistic is within α of itself; neighbours here are far closer than the values
            assertThat(Math.abs(s.quantile(p) - exact)).as("p = %s", p)
                    .isLessThanOrEqualTo(QuantileSketch.RELATIVE_ACCURACY * Math.abs(exact) + 1e-6);
        }
        assertThat(s.quantile(0)).isEqualTo(type7(values, 0));
        assertThat(s.quantile(1)).isEqualTo(type7(values, 1));
    }

    @Test
    void whatIsHeldDependsOnlyOnTheValuesNotTheirOrderOrMerging() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        for (int n : new int[] {500, QuantileSketch.EXACT_DISTINCT + 500}) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = rng.nextDouble() * 100;
            }
            QuantileSketch whole = new QuantileSketch();
            for (double v : values) {
                whole.add(v);
            }
            QuantileSketch merged = new QuantileSketch();
            for (int start = n; start > 0; start -= 7919) {
                QuantileSketch part = new QuantileSketch();
                for (int i = Math.max(0, start - 7919); i < start; i++) {
                    part.add(values[i]);
                }
                merged.merge(part);
            }
            assertThat(merged.isExact()).isEqualTo(whole.isExact());
            for (double p : PROBABILITIES) {
                assertThat(merged.quantile(p)).isEqualTo(whole.quantile(p));
            }
            assertThat(merged.moments().mean()).isEqualTo(whole.moments().mean());
        }
    }

    @Test
    void emptyAndBadArguments() {
        QuantileSketch s = new QuantileSketch();
        assertThatThrownBy(() -> s.quantile(0.5)).hasMessageContaining("no values");
        s.add(3);
        assertThat(s.quantile(0.5)).isEqualTo(3);
        assertThatThrownBy(() -> s.quantile(1.5)).hasMessageContaining("p must be");
        assertThatThrownBy(() -> s.add(Double.NaN)).hasMessageContaining("finite");
    }
}
