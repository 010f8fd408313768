package org.trialsim.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.simulator.stats.Interval;

class ExactTestsVsRTest {
    /** Relative 1e-9 (absolute for values below 1e-300). */
    private static Offset<Double> close(double expected) {
        return within(Math.max(1e-9 * Math.abs(expected), 1e-300));
    }

    /**
     * R 4.2.2 (stats), for each row:
     * <pre>
     * c(binom.test(x, n, p)$p.value,
     *   binom.test(x, n, p, alternative = "greater")$p.value,
     *   binom.test(x, n, p, alternative = "less")$p.value,
     *   binom.test(x, n, p)$conf.int, binom.test(x, n, p, conf.level = 0.9)$conf.int)
     * </pre>
     * The first rows have exactly tied outcome probabilities (p = 1/2, or P(X = 7) = P(X = 8) for
     * n = 31, p = 1/4), where R's 1e-7 tolerance decides the two-sided p-value.
     */
    @ParameterizedTest(name = "binom.test({0}, {1}, {2})")
    @CsvSource({
        "13, 20,  0.5,  0.263175964355469,  0.131587982177734,  0.942340850830078,  0.407811465467172,  0.846090795215459, 0.441965488684511,  0.822689082425551",
        "7,  31,  0.25, 1,                  0.688309764676318,  0.472731044568818,  0.0959421683457511, 0.410963866138673, 0.11108877125926,   0.382610230916982",
        "9,  31,  0.5,  0.0294493734836578, 0.994663079734892,  0.0147246867418289, 0.142228529097525,  0.480360658228909, 0.160611091256378,  0.451904417219368",
        "55, 90,  0.5,  0.0445975246279159, 0.022298762313958,  0.986849167434439,  0.502557105957265,  0.71213770545717,  0.519186611525703,  0.697402250890389",
        "70, 160, 0.5,  0.132822533147526,  0.95171532330411,   0.0664112665737629, 0.359317289672441,  0.518041255456797, 0.371155982347826,  0.505601762700087",
        "1,  1,   0.5,  1,                  0.5,                1,                  0.025,              1,                 0.05,               1",
        "16, 30,  0.3,  0.00848352452619871, 0.00637034637731218, 0.997875309249346, 0.343255238160734,  0.716581920816463, 0.369947555116194,  0.691535972806606",
        "12, 30,  0.3,  0.235916546695476,  0.159321794687925,  0.915529939639849,  0.226557648828594,  0.593965069948181, 0.249525905146632,  0.566054738786544",
        "0,  25,  0.1,  0.16978341996465,   1,                  0.0717897987691852, 0,                  0.137185171530713, 0,                  0.112928145006843",
        "25, 25,  0.9,  0.16978341996465,   0.0717897987691853, 1,                  0.862814828469287,  1,                 0.887071854993157,  1",
        "3,  90,  0.1,  0.0332054522987366, 0.995395502518116,  0.0168806495373408, 0.00692760273101017, 0.0943360934131362, 0.00914592927613615, 0.0839000241511297",
        "41, 90,  0.35, 0.0459736092498275, 0.0248169436665139, 0.985251127827975,  0.350154744634438,  0.56396335437361,  0.36578780571003,   0.547573180756532",
        "5,  11,  0.2,  0.0504095744,       0.0504095744,       0.98834579456,      0.167488094063707,  0.766206402340655, 0.199576149883837,  0.728750085922331",
    })
    void binomialMatchesBinomTest(int x, int n, double p, double twoSided, double greater, double less,
                                  double lower95, double upper95, double lower90, double upper90) {
        BinomialTestResult result = ExactBinomialTest.test(x, n, p);
        assertThat(result.pTwoSided()).isCloseTo(twoSided, close(twoSided));
        assertThat(result.pGreater()).isCloseTo(greater, close(greater));
        assertThat(result.pLess()).isCloseTo(less, close(less));
        assertThat(result.estimate()).isEqualTo((double) x / n);
        Interval ci95 = result.clopperPearson(0.95);
        assertThat(ci95.lower()).isCloseTo(lower95, close(lower95));
        assertThat(ci95.upper()).isCloseTo(upper95, close(upper95));
        Interval ci90 = result.clopperPearson(0.9);
        assertThat(ci90.lower()).isCloseTo(lower90, close(lower90));
        assertThat(ci90.upper()).isCloseTo(upper90, close(upper90));
    }

    /**
     * R 4.2.2 (stats), for each row, with {@code m <- matrix(c(x1, n1 - x1, x0, n0 - x0), 2, byrow = TRUE)}:
     * <pre>
     * c(fisher.test(m)$p.value, fisher.test(m, alternative = "greater")$p.value,
     *   fisher.test(m, alternative = "less")$p.value)
     * </pre>
     * Equal arms make the null distribution symmetric, so tables tie exactly (rows 1–6, 11).
     */
    @ParameterizedTest(name = "fisher.test({0}/{1} vs {2}/{3})")
    @CsvSource({
        "16, 30,  12, 30,  0.43789542152343,   0.218947710761715,  0.902321887724222",
        "10, 15,  5,  15,  0.143110978050707,  0.0715554890253534, 0.986581135386899",
        "7,  15,  8,  15,  1,                  0.76695388760728,   0.5",
        "30, 45,  20, 45,  0.0556163692846896, 0.0278081846423448, 0.99045085329986",
        "0,  20,  5,  20,  0.0471240471240471, 1,                  0.0235620235620236",
        "20, 20,  15, 20,  0.0471240471240471, 0.0235620235620236, 1",
        "3,  12,  9,  14,  0.0618387400726881, 0.992697536680576,  0.0529075245658904",
        "45, 90,  44, 91,  0.882193116038353,  0.470871924295197,  0.644428430220457",
        "12, 40,  25, 45,  0.0278945401862747, 0.995481469971424,  0.0152597005318596",
        "1,  1,   0,  1,   1,                  0.5,                1",
        "60, 160, 40, 160, 0.0216922200021246, 0.0108461100010623, 0.99443629121908",
    })
    void fisherMatchesFisherTest(int x1, int n1, int x0, int n0, double twoSided, double greater, double less) {
        FisherResult result = FisherExactTest.test(x1, n1, x0, n0);
        assertThat(result.pTwoSided()).isCloseTo(twoSided, close(twoSided));
        assertThat(result.pGreater()).isCloseTo(greater, close(greater));
        assertThat(result.pLess()).isCloseTo(less, close(less));
    }

    @Test
    void fisherTwoSidedIsSymmetricInTheArms() {
        for (int x1 = 0; x1 <= 12; x1++) {
            for (int x0 = 0; x0 <= 15; x0++) {
                FisherResult a = FisherExactTest.test(x1, 12, x0, 15);
                FisherResult b = FisherExactTest.test(x0, 15, x1, 12);
                assertThat(b.pTwoSided()).as("%d/12 vs %d/15", x1, x0).isCloseTo(a.pTwoSided(), within(1e-12));
                assertThat(b.pGreater()).isCloseTo(a.pLess(), within(1e-12));
            }
        }
    }

    @Test
    void rejectsInvalidCounts() {
        assertThatThrownBy(() -> ExactBinomialTest.test(5, 4, 0.5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("successes");
        assertThatThrownBy(() -> ExactBinomialTest.test(1, 4, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("nullRate");
        assertThatThrownBy(() -> ExactBinomialTest.test(0, 0, 0.5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("trials");
        assertThatThrownBy(() -> ExactBinomialTest.test(1, 4, 0.5).clopperPearson(1.0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("level");
        assertThatThrownBy(() -> FisherExactTest.test(3, 2, 1, 2)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("responsesExperimental");
        assertThatThrownBy(() -> FisherExactTest.test(1, 2, 1, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("patientsControl");
    }
}
