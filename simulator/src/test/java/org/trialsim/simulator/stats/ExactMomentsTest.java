package org.trialsim.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ExactMomentsTest {

    /** The mean and variance computed in exact decimal arithmetic, rounded once. */
    private static double[] exact(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.add(new BigDecimal(v));
        }
        BigDecimal n = BigDecimal.valueOf(values.length);
        BigDecimal mean = sum.divide(n, MathContext.DECIMAL128);
        BigDecimal ss = BigDecimal.ZERO;
        for (double v : values) {
            BigDecimal d = new BigDecimal(v).subtract(sum.divide(n, new MathContext(200)));
            ss = ss.add(d.multiply(d));
        }
        double sd = Math.sqrt(ss.divide(n.subtract(BigDecimal.ONE), MathContext.DECIMAL128).doubleValue());
        return new double[] {mean.doubleValue(), sd};
    }

    @Test
    void meanAndSdAreTheExactOnesRoundedOnce() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        double[] values = new double[5000];
        ExactMoments m = new ExactMoments();
        for (int i = 0; i < values.length; i++) {
            // a large offset and wildly different magnitudes: naive sums lose digits here
            values[i] = 1e9 + rng.nextDouble() * Math.pow(10, rng.nextInt(8) - 4);
            m.add(values[i]);
        }
        double[] exact = exact(values);
        assertThat(m.count()).isEqualTo(5000);
        assertThat(m.mean()).isEqualTo(sumRoundedOnce(values) / values.length);
        assertThat(Math.abs(m.mean() - exact[0])).isLessThanOrEqualTo(Math.ulp(exact[0]));
        // the sd from exact sums, divided in 34 digits: within an ulp of the exact value
        assertThat(Math.abs(m.standardDeviation() - exact[1])).isLessThanOrEqualTo(2 * Math.ulp(exact[1]));
        assertThat(m.standardError()).isEqualTo(m.standardDeviation() / Math.sqrt(5000));
    }

    private static double sumRoundedOnce(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.add(new BigDecimal(v));
        }
        return sum.doubleValue();
    }

    @Test
    void theBitsDoNotDependOnOrderOrOnHowPartsAreMerged() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
        double[] values = new double[3001];
        for (int i = 0; i < values.length; i++) {
            values[i] = (rng.nextDouble() - 0.3) * Math.pow(10, rng.nextInt(12) - 6);
        }
        ExactMoments forward = new ExactMoments();
        for (double v : values) {
            forward.add(v);
        }
        ExactMoments backward = new ExactMoments();
        for (int i = values.length - 1; i >= 0; i--) {
            backward.add(values[i]);
        }
        ExactMoments merged = new ExactMoments();
        for (int start = 0; start < values.length; start += 97) {
            ExactMoments part = new ExactMoments();
            for (int i = start; i < Math.min(values.length, start + 97); i++) {
                part.add(values[i]);
            }
            merged.merge(part);
        }
        for (ExactMoments other : new ExactMoments[] {backward, merged}) {
            assertThat(other.count()).isEqualTo(forward.count());
            assertThat(Double.doubleToLongBits(other.mean())).isEqualTo(Double.doubleToLongBits(forward.mean()));
            assertThat(Double.doubleToLongBits(other.standardDeviation())).isEqualTo(Double.doubleToLongBits(forward.standardDeviation()));
        }
    }

    @Test
    void roundingOfTheSumIsHalfEvenAcrossPartials() {
        // Python's fsum([1e-16, 1, 1e16]) is 1.0000000000000002e16: the tiny part breaks the tie upwards
        ExactMoments m = new ExactMoments();
        m.add(1e-16);
        m.add(1);
        m.add(1e16);
        assertThat(m.mean() * 3).isEqualTo(1.0000000000000002e16);
    }

    @Test
    void fewValuesAndBadValues() {
        ExactMoments m = new ExactMoments();
        assertThat(m.mean()).isNaN();
        m.add(2.5);
        assertThat(m.mean()).isEqualTo(2.5);
        assertThat(m.standardDeviation()).isNaN();
        m.add(2.5);
        assertThat(m.standardDeviation()).isZero();
        assertThatThrownBy(() -> m.add(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> m.add(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }
}
