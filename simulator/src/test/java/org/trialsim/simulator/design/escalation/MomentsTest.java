package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.trialsim.simulator.stats.Estimate;

class MomentsTest {

    @Test
    void agreesWithTwoPassFormulasWhetherAddedOneByOneOrMergedInParts() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        double[] x = new double[1001];
        for (int i = 0; i < x.length; i++) {
            // skewed, heavy-ish tail: exponential cubed, plus an offset to test cancellation
            double e = -Math.log1p(-rng.nextDouble());
            x[i] = 1000 + e * e * e;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        int n = x.length;
        double var = m2 / (n - 1);
        double sd = Math.sqrt(var);
        double seSd = Math.sqrt((m4 / n - var * var * (n - 3) / (n - 1)) / n) / (2 * sd);

        Moments one = new Moments();
        for (double v : x) {
            one.add(v);
        }
        Moments merged = new Moments();
        for (int start = 0; start < n; start += 97) {
            Moments part = new Moments();
            for (int i = start; i < Math.min(n, start + 97); i++) {
                part.add(x[i]);
            }
            merged.merge(part);
        }
        for (Moments m : new Moments[] {one, merged}) {
            assertThat(m.count()).isEqualTo(n);
            assertThat(m.mean()).isCloseTo(mean, within(1e-9));
            assertThat(m.variance()).isCloseTo(var, within(1e-9 * var));
            assertThat(m.meanEstimate().standardError()).isCloseTo(Math.sqrt(var / n), within(1e-9));
            assertThat(m.sdEstimate().value()).isCloseTo(sd, within(1e-9 * sd));
            assertThat(m.sdEstimate().standardError()).isCloseTo(seSd, within(1e-7 * seSd));
        }
    }

    @Test
    void aConstantHasNoSpreadAndNoError() {
        Moments m = new Moments();
        for (int i = 0; i < 10; i++) {
            m.add(148);
        }
        assertThat(m.meanEstimate()).isEqualTo(new Estimate(148, 0));
        assertThat(m.sdEstimate()).isEqualTo(new Estimate(0, 0));
    }
}
