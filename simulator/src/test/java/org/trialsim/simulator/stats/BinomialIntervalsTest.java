package org.trialsim.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BinomialIntervalsTest {
    private static final double TOLERANCE = 1e-12;

    /**
     * Columns: x, n, level, Clopper–Pearson lower and upper, Wilson lower and upper. From R 4.2 with
     * {@code sprintf("%.17g", ...)} of {@code binom.test(x, n, conf.level = level)$conf.int} and
     * {@code prop.test(x, n, correct = FALSE, conf.level = level)$conf.int}.
     */
    @ParameterizedTest(name = "{0}/{1} at {2}")
    @CsvSource(textBlock = """
        0, 10, 0.95, 0, 0.30849710781876083, 0, 0.27753279986288915
        1, 10, 0.95, 0.0025285785444617865, 0.44501611702819543, 0.017876213095072892, 0.40415002679523837
        5, 10, 0.95, 0.18708602844739858, 0.81291397155260148, 0.23659309051256402, 0.76340690948743595
        10, 10, 0.95, 0.69150289218123917, 1, 0.72246720013711085, 1
        16, 30, 0.95, 0.34325523816073417, 0.71658192081646277, 0.36142299619873297, 0.69767611092300241
        12, 30, 0.95, 0.22655764882859361, 0.59396506994818132, 0.24590628116801863, 0.57679639746677525
        81, 100, 0.95, 0.71930204202638748, 0.88155680386745638, 0.72221154620935635, 0.8748524849023126
        0, 1, 0.95, 0, 0.97499999999999998, 0, 0.79345068562276255
        1, 1, 0.95, 0.025000000000000022, 1, 0.2065493143772375, 1
        3, 1000, 0.95, 0.00061909993164957196, 0.0087420232384782803, 0.0010207838811386195, 0.0087830140535031728
        999, 1000, 0.95, 0.99444107572017337, 0.99997468251250876, 0.99435744140204207, 0.99982345362937386
        49876, 100000, 0.95, 0.49565610798721021, 0.50186396394412136, 0.4956611415213833, 0.50185895374313605
        7, 25, 0.90, 0.13947530657892995, 0.46220892170364469, 0.15953836195207011, 0.44342918069059228
        7, 25, 0.99, 0.08888984339182758, 0.55531552264971573, 0.11540149336923347, 0.53688123292724166
        """)
    void matchR(long x, long n, double level, double cpLower, double cpUpper, double wLower, double wUpper) {
        Interval cp = BinomialIntervals.clopperPearson(x, n, level);
        assertThat(cp.lower()).as("Clopper-Pearson lower").isCloseTo(cpLower, within(TOLERANCE));
        assertThat(cp.upper()).as("Clopper-Pearson upper").isCloseTo(cpUpper, within(TOLERANCE));
        Interval w = BinomialIntervals.wilson(x, n, level);
        assertThat(w.lower()).as("Wilson lower").isCloseTo(wLower, within(TOLERANCE));
        assertThat(w.upper()).as("Wilson upper").isCloseTo(wUpper, within(TOLERANCE));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 30, 160})
    void clopperPearsonAtTheEdgesIsTheTextbookClosedForm(int n) {
        // x = 0: upper = 1 − (α/2)^(1/n); x = n: lower = (α/2)^(1/n) (Clopper & Pearson 1934).
        double edge = Math.pow(0.025, 1.0 / n);
        assertThat(BinomialIntervals.clopperPearson(0, n, 0.95).upper()).isCloseTo(1 - edge, within(1e-14));
        assertThat(BinomialIntervals.clopperPearson(n, n, 0.95).lower()).isCloseTo(edge, within(1e-14));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 16, 30, 57})
    void clopperPearsonCoversAtLeastTheLevelForEveryProportionByExactEnumeration(int n) {
        // Coverage at p is the sum of P(X = x) over the x whose interval contains p; it is a step function
        // of p, so a fine grid plus the interval endpoints themselves (approached from inside) checks it.
        Interval[] intervals = new Interval[n + 1];
        for (int x = 0; x <= n; x++) {
            intervals[x] = BinomialIntervals.clopperPearson(x, n, 0.95);
        }
        double minCoverage = 1;
        for (int i = 1; i < 2000; i++) {
            minCoverage = Math.min(minCoverage, coverage(intervals, n, i / 2000.0));
        }
        for (Interval ci : intervals) {
            minCoverage = Math.min(minCoverage, coverage(intervals, n, Math.nextUp(ci.lower())));
            minCoverage = Math.min(minCoverage, coverage(intervals, n, Math.nextDown(ci.upper())));
        }
        assertThat(minCoverage).isGreaterThanOrEqualTo(0.95 - 1e-12);
    }

    @Test
    void wilsonIsSymmetricUnderSwappingSuccessesAndFailures() {
        for (int x = 0; x <= 30; x++) {
            Interval a = BinomialIntervals.wilson(x, 30, 0.95);
            Interval b = BinomialIntervals.wilson(30 - x, 30, 0.95);
            assertThat(a.lower()).isCloseTo(1 - b.upper(), within(1e-15));
            assertThat(a.upper()).isCloseTo(1 - b.lower(), within(1e-15));
        }
    }

    @Test
    void rejectsImpossibleCountsAndLevels() {
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialIntervals.wilson(1, 0, 0.95))
            .withMessageContaining("trials");
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialIntervals.wilson(11, 10, 0.95))
            .withMessageContaining("successes");
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialIntervals.clopperPearson(-1, 10, 0.95))
            .withMessageContaining("successes");
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialIntervals.clopperPearson(1, 10, Double.NaN))
            .withMessageContaining("level");
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialIntervals.wilson(1, 10, 1.0))
            .withMessageContaining("level");
    }

    private static double coverage(Interval[] intervals, int n, double p) {
        BinomialDistribution b = BinomialDistribution.of(n, p);
        double c = 0;
        for (int x = 0; x <= n; x++) {
            if (intervals[x].contains(p)) {
                c += b.probability(x);
            }
        }
        return c;
    }
}
