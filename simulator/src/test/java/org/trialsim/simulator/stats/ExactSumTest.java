package org.trialsim.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExactSumTest {

    @Test
    void meanAndStandardDeviationOfSmallValues() {
        ExactSum s = new ExactSum();
        for (long v : new long[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            s.add(v);
        }
        assertThat(s.count()).isEqualTo(8);
        assertThat(s.mean()).isEqualTo(5.0);
        // sample variance: Σ(x-5)² = 32, / 7
        assertThat(s.standardDeviation()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-15));
        assertThat(s.standardError()).isCloseTo(Math.sqrt(32.0 / 7) / Math.sqrt(8), within(1e-15));
    }

    @Test
    void squaresBeyond64BitsStayExact() {
        ExactSum a = new ExactSum();
        ExactSum b = new ExactSum();
        long big = 3_000_000_000L; // square 9e18, sum of several overflows a long
        for (int i = 0; i < 10; i++) {
            a.add(big);
            b.add(big + 2);
        }
        a.merge(b);
        // twenty values, half x and half x+2: mean x+1, sample sd sqrt(20/19)
        assertThat(a.mean()).isEqualTo(big + 1.0);
        assertThat(a.standardDeviation()).isCloseTo(Math.sqrt(20.0 / 19), within(1e-12));
    }

    @Test
    void sumsBeyond64BitsStayExact() {
        ExactSum a = new ExactSum();
        ExactSum b = new ExactSum();
        long big = 1L << 62; // four of them sum to 2^64
        a.add(big);
        a.add(big);
        a.add(big + 3);
        b.add(big - 1);
        b.add(big + 2);
        a.merge(b);
        assertThat(a.mean()).isEqualTo((double) big + 0.8);
        // deviations 0, 0, 3, -1, 2 about 2^62, mean 0.8: Σ(x - 0.8)² = 10.8, / 4
        assertThat(a.standardDeviation()).isCloseTo(Math.sqrt(10.8 / 4), within(1e-12));
    }

    @Test
    void beyond128BitsItThrowsRatherThanWraps() {
        ExactSum s = new ExactSum();
        s.add(Long.MAX_VALUE);
        s.add(Long.MAX_VALUE);
        assertThatThrownBy(() -> s.add(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void mergeOrderDoesNotMatter() {
        ExactSum ab = new ExactSum();
        ExactSum ba = new ExactSum();
        ExactSum a = new ExactSum();
        ExactSum b = new ExactSum();
        for (long v = 0; v < 1000; v++) {
            (v % 3 == 0 ? a : b).add(v * 7919 % 1013);
        }
        ab.merge(a);
        ab.merge(b);
        ba.merge(b);
        ba.merge(a);
        assertThat(ab.mean()).isEqualTo(ba.mean());
        assertThat(ab.standardDeviation()).isEqualTo(ba.standardDeviation());
    }

    @Test
    void emptyAndNegative() {
        ExactSum s = new ExactSum();
        assertThat(s.mean()).isNaN();
        assertThat(s.standardDeviation()).isNaN();
        assertThatThrownBy(() -> s.add(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
}
