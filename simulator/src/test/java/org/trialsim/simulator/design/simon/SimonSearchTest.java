package org.trialsim.simulator.design.simon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimonSearchTest {

    @Test
    void findsThePublishedMinimaxDesign() {
        // Simon (1989), Table 1, and shared/reference/published-figures.md section 10:
        // p0 = 0.20, p1 = 0.40, alpha = 0.05, beta = 0.20: minimax 4/18, 10/33, EN(p0) = 22.3
        SimonSearchResult result = SimonSearch.of(0.2, 0.4, 0.05, 0.2).run();

        assertThat(result.minimax().design()).isEqualTo(SimonDesign.of(4, 18, 10, 33));
        assertThat(result.minimax().underP0().expectedSampleSize()).isCloseTo(22.3, within(0.05));
        assertThat(result.optimal().design()).isEqualTo(SimonDesign.of(3, 13, 12, 43));
        assertThat(result.optimal().underP0().expectedSampleSize()).isCloseTo(20.6, within(0.05));
    }

    /**
     * Rows of Simon (1989), Table 1 (designs and EN rounded there), with every number recomputed by an
     * independent brute-force search in R that tries every n, n1, r1 and r with dbinom/pbinom (R 4.2):
     * <pre>
     * simon &lt;- function(p0, p1, alpha, beta, nmax) { rows &lt;- list()
     *   for (n in 2:nmax) for (n1 in 1:(n-1)) for (r1 in 0:(n1-1)) { n2 &lt;- n - n1; x1 &lt;- (r1+1):n1; rs &lt;- r1:(n-1)
     *     a  &lt;- sapply(rs, function(r) sum(dbinom(x1, n1, p0) * pbinom(r - x1, n2, p0, lower.tail = FALSE)))
     *     pw &lt;- sapply(rs, function(r) sum(dbinom(x1, n1, p1) * pbinom(r - x1, n2, p1, lower.tail = FALSE)))
     *     ok &lt;- which(a &lt;= alpha &amp; pw &gt;= 1 - beta)
     *     if (length(ok) &gt; 0) { k &lt;- ok[1]; pet &lt;- pbinom(r1, n1, p0)
     *       rows[[length(rows)+1]] &lt;- c(r1, n1, rs[k], n, n1 + (1-pet)*n2, pet, a[k], pw[k]) } }
     *   m &lt;- do.call(rbind, rows)
     *   rbind(optimal = m[order(m[,5], m[,4]),][1,], minimax = m[order(m[,4], m[,5]),][1,]) }
     * print(simon(0.2, 0.4, 0.05, 0.2, 45), digits = 12)   # and so on for each row below
     * </pre>
     * Each nmax was above the optimal n.
     */
    @ParameterizedTest(name = "p0={0} p1={1} alpha={2} beta={3}: {4} {5}/{6}, {7}/{8}")
    @CsvSource({
            // p0, p1, alpha, beta, which, r1, n1, r, n, EN(p0), PET(p0), alpha exact, power exact
            "0.05, 0.25, 0.10, 0.10, optimal,  0,  9,  2, 24, 14.54625885413, 0.63024940972, 0.09312940932, 0.90284070561",
            "0.05, 0.25, 0.10, 0.10, minimax,  0, 13,  2, 20, 16.40660541704, 0.51334208328, 0.07355502552, 0.90295250450",
            "0.10, 0.30, 0.05, 0.20, optimal,  1, 10,  5, 29, 15.01412034710, 0.73609892910, 0.04708630664, 0.80506291315",
            "0.10, 0.30, 0.05, 0.20, minimax,  1, 15,  5, 25, 19.50956981081, 0.54904301892, 0.03280866682, 0.80170057042",
            "0.10, 0.30, 0.05, 0.10, optimal,  2, 18,  6, 35, 22.52546808865, 0.73379599479, 0.04738593314, 0.90159584010",
            "0.10, 0.30, 0.05, 0.10, minimax,  2, 22,  6, 33, 26.17954967747, 0.62004093841, 0.04085782356, 0.90176897533",
            "0.20, 0.40, 0.05, 0.20, optimal,  3, 13, 12, 43, 20.58027071488, 0.74732430950, 0.04958144975, 0.80021435619",
            "0.20, 0.40, 0.05, 0.20, minimax,  4, 18, 10, 33, 22.25469276407, 0.71635381573, 0.04583013417, 0.80114168242",
            "0.20, 0.40, 0.05, 0.10, optimal,  4, 19, 15, 54, 30.43491494978, 0.67328814429, 0.04817245417, 0.90446802336",
            "0.20, 0.40, 0.05, 0.10, minimax,  5, 24, 13, 45, 31.22625892202, 0.65589243228, 0.04828531363, 0.90012864758",
            "0.30, 0.50, 0.05, 0.20, optimal,  5, 15, 18, 46, 23.62973535366, 0.72162144020, 0.04986500749, 0.80320599367",
            "0.30, 0.50, 0.05, 0.20, minimax,  6, 19, 16, 39, 25.68996985946, 0.66550150703, 0.04549899616, 0.80362299639",
            "0.40, 0.60, 0.10, 0.10, optimal,  7, 18, 22, 46, 30.22365626990, 0.56344084750, 0.09520640916, 0.90036146230",
            "0.40, 0.60, 0.10, 0.10, minimax, 11, 28, 20, 41, 33.83669522157, 0.55102344449, 0.09512961602, 0.90088579580",
            "0.70, 0.90, 0.05, 0.20, optimal,  4,  6, 22, 27, 14.82367500000, 0.57982500000, 0.04923733437, 0.80417869029",
            "0.70, 0.90, 0.05, 0.20, minimax, 19, 23, 21, 26, 23.16153146389, 0.94615617870, 0.04525911100, 0.80096341329",
    })
    void agreesWithSimonsTableAndAnIndependentBruteForceInR(double p0, double p1, double alpha, double beta, String which,
                                                             int r1, int n1, int r, int n, double en, double pet,
                                                             double exactAlpha, double power) {
        SimonSearchResult result = SimonSearch.of(p0, p1, alpha, beta).run();
        SimonSearchResult.Candidate c = which.equals("optimal") ? result.optimal() : result.minimax();

        assertThat(c.design()).isEqualTo(SimonDesign.of(r1, n1, r, n));
        assertThat(c.underP0().expectedSampleSize()).isCloseTo(en, within(1e-9));
        assertThat(c.underP0().earlyStopProbability()).isCloseTo(pet, within(1e-9));
        assertThat(c.alpha()).isCloseTo(exactAlpha, within(1e-9));
        assertThat(c.power()).isCloseTo(power, within(1e-9));
    }

    /** Parameter sets whose whole search space up to n = 30 the brute force below can walk in a moment. */
    @ParameterizedTest(name = "p0={0} p1={1} alpha={2} beta={3}")
    @CsvSource({
            "0.05, 0.25, 0.05, 0.20",
            "0.05, 0.30, 0.10, 0.10",
            "0.10, 0.40, 0.05, 0.20",
            "0.30, 0.60, 0.10, 0.20",
            "0.50, 0.80, 0.05, 0.20",
            "0.60, 0.85, 0.10, 0.10",
            "0.70, 0.95, 0.05, 0.10",
    })
    void prunedSearchFindsWhatBruteForceFinds(double p0, double p1, double alpha, double beta) {
        int maxN = 30;
        double[] bestEn = bruteForceBestEnBySize(p0, p1, alpha, beta, maxN);
        SimonSearchResult result = SimonSearch.of(p0, p1, alpha, beta).maxN(maxN).run();

        int minimaxN = 0;
        while (Double.isInfinite(bestEn[minimaxN])) {
            minimaxN++;
        }
        int optimalN = minimaxN;
        for (int n = minimaxN; n <= maxN; n++) {
            if (bestEn[n] < bestEn[optimalN]) {
                optimalN = n;
            }
        }
        assertThat(result.minimax().design().n()).isEqualTo(minimaxN);
        assertThat(result.minimax().underP0().expectedSampleSize()).isCloseTo(bestEn[minimaxN], within(1e-12));
        assertThat(result.optimal().design().n()).isEqualTo(optimalN);
        assertThat(result.optimal().underP0().expectedSampleSize()).isCloseTo(bestEn[optimalN], within(1e-12));
        assertThat(result.singleStageSize()).isLessThanOrEqualTo(minimaxN);

        // each admissible design minimises q n + (1 - q) EN over every size, for the weights it claims
        for (SimonSearchResult.Candidate c : result.admissible()) {
            assertThat(c.alpha()).isLessThanOrEqualTo(alpha);
            assertThat(c.power()).isGreaterThanOrEqualTo(1 - beta);
            double q = (c.qLow() + c.qHigh()) / 2;
            double own = q * c.design().n() + (1 - q) * c.underP0().expectedSampleSize();
            for (int n = minimaxN; n <= maxN; n++) {
                if (!Double.isInfinite(bestEn[n])) {
                    assertThat(own).isLessThanOrEqualTo(q * n + (1 - q) * bestEn[n] + 1e-12);
                }
            }
        }
    }

    @Test
    void admissibleDesignsRunFromMinimaxToOptimalWithWeightsCoveringZeroToOne() {
        SimonSearchResult result = SimonSearch.of(0.2, 0.4, 0.05, 0.1).run();
        List<SimonSearchResult.Candidate> a = result.admissible();

        assertThat(a.size()).isGreaterThan(1);
        assertThat(a.get(0).qHigh()).isEqualTo(1.0);
        assertThat(a.get(a.size() - 1).qLow()).isEqualTo(0.0);
        for (int i = 1; i < a.size(); i++) {
            assertThat(a.get(i).design().n()).isGreaterThan(a.get(i - 1).design().n());
            assertThat(a.get(i).underP0().expectedSampleSize()).isLessThan(a.get(i - 1).underP0().expectedSampleSize());
            assertThat(a.get(i).qHigh()).isEqualTo(a.get(i - 1).qLow());
            assertThat(a.get(i).qLow()).isLessThan(a.get(i).qHigh());
        }
    }

    @Test
    void saysHowLargeADesignMustBeWhenMaxNIsTooSmall() {
        assertThatThrownBy(() -> SimonSearch.of(0.2, 0.4, 0.05, 0.2).maxN(20).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no two-stage design with n <= 20")
                .hasMessageContaining("raise maxN");
    }

    @Test
    void singleStageSizeIsAValidLowerBound() {
        // the randomized single-stage test is at least as powerful as any two-stage design on as many patients
        int bound = SimonSearch.singleStageSize(0.2, 0.4, 0.05, 0.2);
        assertThat(bound).isLessThanOrEqualTo(33).isGreaterThan(20);
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource({
            "NaN, 0.4, 0.05, 0.2, p0",
            "0, 0.4, 0.05, 0.2, p0",
            "0.2, 1, 0.05, 0.2, p1",
            "0.4, 0.2, 0.05, 0.2, p1 (0.2) must be above p0",
            "0.2, 0.2, 0.05, 0.2, p1 (0.2) must be above p0",
            "0.2, 0.4, NaN, 0.2, alpha",
            "0.2, 0.4, 0.5, 0.2, alpha",
            "0.2, 0.4, 0.05, 0, beta",
            "0.2, 0.4, 0.05, NaN, beta",
    })
    void rejectsImpossibleArgumentsNamingThem(double p0, double p1, double alpha, double beta, String named) {
        assertThatThrownBy(() -> SimonSearch.of(p0, p1, alpha, beta))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(named);
    }

    /**
     * For each n, the smallest EN(p0) of any design meeting the error rates, found by trying every n1,
     * r1 and r and evaluating each design with {@link SimonDesign#evaluate(double)} (a different code
     * path from the search's tables); infinity where none meets them.
     */
    private static double[] bruteForceBestEnBySize(double p0, double p1, double alpha, double beta, int maxN) {
        double[] best = new double[maxN + 1];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int n = 2; n <= maxN; n++) {
            for (int n1 = 1; n1 < n; n1++) {
                for (int r1 = 0; r1 < n1; r1++) {
                    for (int r = r1; r < n; r++) {
                        SimonDesign d = SimonDesign.of(r1, n1, r, n);
                        OperatingCharacteristics at0 = d.evaluate(p0);
                        if (at0.rejectProbability() <= alpha && d.evaluate(p1).rejectProbability() >= 1 - beta) {
                            best[n] = Math.min(best[n], at0.expectedSampleSize());
                        }
                    }
                }
            }
        }
        return best;
    }
}
