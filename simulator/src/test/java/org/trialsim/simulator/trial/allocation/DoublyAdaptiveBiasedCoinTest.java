package org.trialsim.simulator.trial.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Design;

/** Hu and Zhang's doubly adaptive biased coin: the allocation function, the targets, and the allocator that uses them. */
class DoublyAdaptiveBiasedCoinTest {
    private static final Design.ResponseAdaptive.TargetAllocation NEYMAN = Design.ResponseAdaptive.TargetAllocation.NEYMAN;
    private static final Design.ResponseAdaptive.TargetAllocation RSIHR = Design.ResponseAdaptive.TargetAllocation.RSIHR;

    /**
     * g(x, ρ) = ρ(ρ/x)^γ / (ρ(ρ/x)^γ + (1−ρ)((1−ρ)/(1−x))^γ) by hand, as fractions: for example
     * g(0.4, 0.5, 2) = (25/32) / (25/32 + 25/72) = 9/13, g(0.2, 0.3, 2) = (27/40) / (27/40 + 343/640) = 432/775,
     * g(0.6, 0.4, 1) = (4/15) / (4/15 + 9/10) = 8/35, g(0.25, 0.5, 3) = 4 / (4 + 4/27) = 27/28; γ = 0 gives ρ;
     * an arm with no patient yet gets the next (x = 0 gives 1, x = 1 gives 0).
     */
    @ParameterizedTest
    @CsvSource({
        "0.5,  0.5, 2,   1, 2",
        "0.4,  0.5, 2,   9, 13",
        "0.2,  0.3, 2,   432, 775",
        "0.6,  0.4, 1,   8, 35",
        "0.25, 0.5, 3,   27, 28",
        "0.75, 0.5, 3,   1, 28",
        "0.3,  0.7, 0,   7, 10",
        "0.9,  0.2, 0,   1, 5",
        "0,    0.3, 2,   1, 1",
        "1,    0.3, 2,   0, 1",
        "0,    0.3, 0,   3, 10",
        "1,    0.3, 0,   3, 10",
    })
    void theAllocationFunctionHasItsHandComputedValues(double x, double rho, double gamma, int numerator, int denominator) {
        assertThat(DoublyAdaptiveBiasedCoin.allocation(x, rho, gamma)).isCloseTo((double) numerator / denominator, within(1e-15));
    }

    /** A γ large enough for the power to overflow or underflow still gives the limit, not NaN. */
    @Test
    void aLargeGammaGivesTheLimitNotNaN() {
        assertThat(DoublyAdaptiveBiasedCoin.allocation(1e-5, 0.5, 100)).isEqualTo(1.0);
        assertThat(DoublyAdaptiveBiasedCoin.allocation(1 - 1e-5, 0.5, 100)).isEqualTo(0.0);
        assertThat(DoublyAdaptiveBiasedCoin.allocation(0.5, 0.5, 100)).isEqualTo(0.5);
    }

    /**
     * Neyman √(p₁q₁)/(√(p₁q₁)+√(p₂q₂)) and RSIHR √p₁/(√p₁+√p₂) by hand: for (0.3, 0.6) √7/(√7+√8) (divide
     * √0.21 and √0.24 by √0.03) and 1/(1+√2) = √2 − 1; Neyman for (0.5, 0.1) 0.5/(0.5+0.3) = 5/8 and for
     * p and 1 − p ½; RSIHR for (0.25, 0.64) 0.5/(0.5+0.8) = 5/13.
     */
    @Test
    void theTargetsHaveTheirHandComputedValues() {
        assertThat(DoublyAdaptiveBiasedCoin.target(NEYMAN, 0.3, 0.6)).isCloseTo(Math.sqrt(7) / (Math.sqrt(7) + Math.sqrt(8)), within(1e-15));
        assertThat(DoublyAdaptiveBiasedCoin.target(RSIHR, 0.3, 0.6)).isCloseTo(Math.sqrt(2) - 1, within(1e-15));
        assertThat(DoublyAdaptiveBiasedCoin.target(NEYMAN, 0.5, 0.1)).isCloseTo(5.0 / 8, within(1e-15));
        assertThat(DoublyAdaptiveBiasedCoin.target(NEYMAN, 0.2, 0.8)).isCloseTo(0.5, within(1e-15));
        assertThat(DoublyAdaptiveBiasedCoin.target(RSIHR, 0.25, 0.64)).isCloseTo(5.0 / 13, within(1e-15));
    }

    static Design.ResponseAdaptive dbcd(Design.ResponseAdaptive.TargetAllocation target, Double gamma, int burnIn, Double min, Double max) {
        return new Design.ResponseAdaptive("eoc1", 1e-4, Design.ResponseAdaptive.Rule.DBCD, null, null, burnIn, null, null, min, max,
                null, null, null, null, null, null, null, target, gamma);
    }

    static ResponseAdaptiveAllocator allocator(Design.ResponseAdaptive s, UniformRandomProvider rng) {
        ResponseAdaptiveAllocator a = (ResponseAdaptiveAllocator) Allocator.of(new AllocationMethod.ResponseAdaptive(s), new int[] {1, 1},
                rng);
        a.arms(List.of("a", "b"), 200);
        return a;
    }

    /**
     * With the estimates fixed (2 of 8 and 5 of 8 responses known from day 0, so posterior means 3/10 and
     * 6/10 under Beta(1, 1)) every probability after an update is g(x, ρ̂) with x the first arm's share so
     * far and ρ̂ the target at the posterior means: ρ̂ itself for the first patient, then 0 or 1 for the
     * second (γ &gt; 0: the arm without a patient gets it), and ρ̂ always for γ = 0.
     */
    @Test
    void withFixedEstimatesTheProbabilityIsTheAllocationFunction() {
        for (Design.ResponseAdaptive.TargetAllocation target : Design.ResponseAdaptive.TargetAllocation.values()) {
            for (double gamma : new double[] {0, 0.5, 2, 8}) {
                ResponseAdaptiveAllocator a = allocator(dbcd(target, gamma, 0, null, null), RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
                for (int j = 0; j < 8; j++) {
                    a.result(0, 0, j < 2);
                    a.result(1, 0, j < 5);
                }
                double rho = DoublyAdaptiveBiasedCoin.target(target, 0.3, 0.6);
                for (int n = 0; n < 60; n++) {
                    a.today(1 + n);
                    int first = a.count(0);
                    int arm = a.allocate();
                    double expected = n == 0 ? rho : DoublyAdaptiveBiasedCoin.allocation((double) first / n, rho, gamma);
                    assertThat(a.probability(0)).as("target %s, gamma %s, patient %d", target, gamma, n).isCloseTo(expected, within(1e-12));
                    assertThat(a.probability(0) + a.probability(1)).isCloseTo(1, within(1e-12));
                    if (n == 1 && gamma > 0) {
                        assertThat(arm).as("the arm without a patient gets the second").isEqualTo(1 - (first == 1 ? 0 : 1));
                    }
                }
                assertThat(a.posteriorMean(0)).isCloseTo(0.3, within(1e-15));
                assertThat(a.posteriorMean(1)).isCloseTo(0.6, within(1e-15));
            }
        }
    }

    /**
     * Shares of the first arm at the end of replicates of n patients, one a day, each result known 30 days
     * after allocation, with response rates p1 and p2; Beta(1, 1) priors, updates before every patient.
     */
    private static double[] shares(Design.ResponseAdaptive s, double p1, double p2, int n, int replicates, long seed,
                                   java.util.function.Consumer<ResponseAdaptiveAllocator> afterEach) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        UniformRandomProvider outcomes = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1);
        ResponseAdaptiveAllocator a = allocator(s, rng);
        double[] rate = {p1, p2};
        double[] shares = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            a.restart(rng);
            for (int day = 0; day < n; day++) {
                a.today(day);
                int arm = a.allocate();
                afterEach.accept(a);
                a.result(arm, day + 30, outcomes.nextDouble() < rate[arm]);
            }
            shares[r] = (double) a.count(0) / n;
        }
        return shares;
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / (x.length - 1);
    }

    /**
     * Identical arms (0.4 and 0.4) give each half the patients in expectation: the mean share over 2,000
     * replicates of 200 patients is within 5 standard errors of ½ for both targets (a false failure about
     * once in 1.7 million runs each).
     */
    @Test
    void identicalArmsGetHalfThePatientsInExpectation() {
        for (Design.ResponseAdaptive.TargetAllocation target : Design.ResponseAdaptive.TargetAllocation.values()) {
            double[] x = shares(dbcd(target, null, 0, null, null), 0.4, 0.4, 200, 2000, 21L, a -> { });
            assertThat(mean(x)).as("%s", target).isCloseTo(0.5, within(5 * Math.sqrt(variance(x) / x.length)));
        }
    }

    /**
     * With response rates 0.3 and 0.6 (γ = 2) the share converges to the target, Neyman √7/(√7+√8) = 0.4833
     * and RSIHR √2 − 1 = 0.4142, as n grows: over 1,000 replicates the mean share's distance from the target
     * falls from n = 50 (about 0.01 and 0.04: the estimates are still poor) to n = 800, where it is
     * within 0.005 — 5 standard errors (about 0.0025; a false failure about once in 1.7 million runs) plus an
     * allowance for the O(1/n) bias of the estimated target (measured 0.0002 and 0.0007 at n = 800, 0.0002 and
     * 0.0001 at n = 3200); and the standard deviation of the share falls at least half as fast as 1/√n (4 times
     * from 50 to 800).
     */
    @Test
    void theShareConvergesToTheTarget() {
        for (Design.ResponseAdaptive.TargetAllocation target : Design.ResponseAdaptive.TargetAllocation.values()) {
            double rho = DoublyAdaptiveBiasedCoin.target(target, 0.3, 0.6);
            double[] small = shares(dbcd(target, 2.0, 0, null, null), 0.3, 0.6, 50, 1000, 31L, a -> { });
            double[] large = shares(dbcd(target, 2.0, 0, null, null), 0.3, 0.6, 800, 1000, 33L, a -> { });
            assertThat(Math.abs(mean(large) - rho)).as("%s", target).isLessThan(Math.abs(mean(small) - rho)).isLessThan(0.005);
            assertThat(Math.sqrt(variance(large))).isLessThan(Math.sqrt(variance(small)) / 2);
        }
    }

    /**
     * The larger γ, the smaller the variance of the allocation proportion (Hu and Zhang 2004): n·Var(N₁/n) →
     * ρ(1−ρ)/(1+2γ) + 2(1+γ)/(1+2γ)·σ²₃, with σ²₃ = Σ_k (∂ρ/∂p_k)² p_k q_k / ρ_k the part due to estimating ρ
     * (for Neyman with 0.3 and 0.6: ρ(1−ρ) = 0.2497 and σ²₃ = 0.0296, so 0.309, 0.086 and 0.046 for γ = 0, 2
     * and 8). 1,000 replicates of 800 patients: the three variances are in that order (their ratios 3.6 and
     * 1.9 are about 20 and 10 times the standard error of a log ratio, 0.063), and for γ = 0 and 2 n·Var is
     * within 20% of the limit (measured 4% off at n = 800, 2-4% at 3,200; a variance from 1,000 replicates has
     * a relative standard error of 4.5%, so 20% is 3.5 of them beyond the measured finite-n difference).
     */
    @Test
    void theVarianceOfTheAllocationFallsAsGammaGrows() {
        double p1 = 0.3;
        double p2 = 0.6;
        double rho = DoublyAdaptiveBiasedCoin.target(NEYMAN, p1, p2);
        double s1 = Math.sqrt(p1 * (1 - p1));
        double s2 = Math.sqrt(p2 * (1 - p2));
        double d1 = s2 / ((s1 + s2) * (s1 + s2)) * (1 - 2 * p1) / (2 * s1);
        double d2 = -s1 / ((s1 + s2) * (s1 + s2)) * (1 - 2 * p2) / (2 * s2);
        double sigma3 = d1 * d1 * p1 * (1 - p1) / rho + d2 * d2 * p2 * (1 - p2) / (1 - rho);
        assertThat(sigma3).isCloseTo(0.0296, within(1e-4));
        double[] gammas = {0, 2, 8};
        double[] nVar = new double[gammas.length];
        int n = 800;
        for (int k = 0; k < gammas.length; k++) {
            nVar[k] = n * variance(shares(dbcd(NEYMAN, gammas[k], 0, null, null), p1, p2, n, 1000, 41L + k, a -> { }));
        }
        assertThat(nVar[0]).isGreaterThan(nVar[1]);
        assertThat(nVar[1]).isGreaterThan(nVar[2]);
        for (int k = 0; k < 2; k++) {
            double g = gammas[k];
            double limit = rho * (1 - rho) / (1 + 2 * g) + 2 * (1 + g) / (1 + 2 * g) * sigma3;
            assertThat(nVar[k] / limit).as("gamma %s", g).isCloseTo(1, within(0.2));
        }
    }

    /**
     * The caps hold in every replicate: response rates 0.1 and 0.9 (RSIHR target 0.25), γ = 8, a burn-in of
     * 20, probabilities within [0.2, 0.8]; 100 replicates of 200 patients: during the burn-in the allocation
     * is the ratio, afterwards both probabilities are within the caps and sum to 1, and a cap was reached.
     */
    @Test
    void burnInAndCapsHoldInEveryReplicate() {
        boolean[] capReached = {false};
        shares(dbcd(RSIHR, 8.0, 20, 0.2, 0.8), 0.1, 0.9, 200, 100, 51L, a -> {
            if (a.patients() <= 20) {
                assertThat(a.byRatio()).isTrue();
                return;
            }
            assertThat(a.byRatio()).isFalse();
            for (int k = 0; k < 2; k++) {
                assertThat(a.probability(k)).isBetween(0.2 - 1e-12, 0.8 + 1e-12);
                capReached[0] |= a.probability(k) > 0.8 - 1e-12;
            }
            assertThat(a.probability(0) + a.probability(1)).isCloseTo(1, within(1e-12));
        });
        assertThat(capReached[0]).as("a cap was reached, so the test tests it").isTrue();
    }

    /**
     * The stopping rules read the same Beta posteriors with either rule: with response rates 0.1 and 0.6, a
     * superiority bound of 0.99 after 40 patients stops nearly every one of 50 replicates of 200 patients (by
     * then about 25 results an arm are known, and P(second arm is best) is above 0.999 unless chance made the
     * rates look close), and the coin's draws are those of a design without stopping: a stop decides, it does
     * not allocate.
     */
    @Test
    void theStoppingRulesWorkWithTheCoin() {
        Design.ResponseAdaptive stopping = new Design.ResponseAdaptive("eoc1", 1e-4, Design.ResponseAdaptive.Rule.DBCD, null, null, 0,
                null, null, null, null, null, null, null, null, 0.99, null, 40, RSIHR, null);
        double[] withStops = shares(stopping, 0.1, 0.6, 200, 50, 61L, a -> { });
        double[] without = shares(dbcd(RSIHR, null, 0, null, null), 0.1, 0.6, 200, 50, 61L, a -> { });
        assertThat(withStops).containsExactly(without);
        ResponseAdaptiveAllocator a = allocator(stopping, RandomSource.XO_RO_SHI_RO_128_PP.create(62L));
        UniformRandomProvider outcomes = RandomSource.XO_RO_SHI_RO_128_PP.create(63L);
        double[] rate = {0.1, 0.6};
        int stopped = 0;
        for (int r = 0; r < 50; r++) {
            a.restart(RandomSource.XO_RO_SHI_RO_128_PP.create(64L + r));
            for (int day = 0; day < 200; day++) {
                a.today(day);
                int arm = a.allocate();
                a.result(arm, day + 30, outcomes.nextDouble() < rate[arm]);
            }
            if (a.stopReason() == ResponseLearning.STOP_SUPERIORITY) {
                stopped++;
                assertThat(a.stopDay()).isGreaterThanOrEqualTo(40);
            }
        }
        assertThat(stopped).isGreaterThan(45);
    }

    @Test
    void theAllocatorRefusesACoinWithoutTargetButNotThreeArms() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        assertThat(Allocator.of(new AllocationMethod.ResponseAdaptive(dbcd(NEYMAN, 2.0, 0, null, null)), new int[] {1, 1, 1}, rng))
                .isInstanceOf(ResponseAdaptiveAllocator.class);
        assertThatThrownBy(() -> Allocator.of(new AllocationMethod.ResponseAdaptive(dbcd(null, 2.0, 0, null, null)), new int[] {1, 1}, rng))
                .hasMessageContaining("target");
    }

    // ---- K arms

    private static double[] doubles(String text) {
        return java.util.Arrays.stream(text.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    /**
     * The K-arm g_k(x, ρ) = ρ_k(ρ_k/x_k)^γ / Σ_j ρ_j(ρ_j/x_j)^γ by hand, as fractions: x = (½, ¼, ¼), ρ = ⅓ each, γ = 1
     * gives weights ⅓·⅔, ⅓·4/3, ⅓·4/3, so (1, 2, 2)/5; x = (0.5, 0.3, 0.2), ρ = (0.2, 0.3, 0.5), γ = 2 gives
     * 0.2·0.4², 0.3·1², 0.5·2.5² = 0.032, 0.3, 3.125, so (32, 300, 3125)/3457; x = (¼, ¼, ½), ρ = (½, ¼, ¼), γ = 1
     * gives 1, ¼, ⅛, so (8, 2, 1)/11; four arms at equal shares give ρ_k² normalised, (1, 4, 9, 16)/30 for
     * ρ = (0.1, 0.2, 0.3, 0.4); γ = 0 gives ρ; arms with no patient yet share the next in proportion to ρ_k^(1+γ)
     * (0.2², 0.3² for x = (0, 0, 1): (4, 9, 0)/13) and a single such arm gets it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0.5 0.25 0.25     | 0.3333333333333333 0.3333333333333333 0.3333333333333333 | 1 | 1 2 2          | 5
            0.5 0.3 0.2       | 0.2 0.3 0.5             | 2 | 32 300 3125       | 3457
            0.25 0.25 0.5     | 0.5 0.25 0.25           | 1 | 8 2 1             | 11
            0.25 0.25 0.25 0.25 | 0.1 0.2 0.3 0.4       | 1 | 1 4 9 16          | 30
            0.6 0.3 0.1       | 0.2 0.3 0.5             | 0 | 2 3 5             | 10
            0 0 1             | 0.2 0.3 0.5             | 1 | 4 9 0             | 13
            0 0.5 0.5         | 0.2 0.3 0.5             | 3 | 1 0 0             | 1
            """)
    void theKArmAllocationFunctionHasItsHandComputedValues(String x, String rho, double gamma, String numerators, int denominator) {
        double[] g = new double[doubles(x).length];
        DoublyAdaptiveBiasedCoin.allocation(doubles(x), doubles(rho), gamma, g);
        double[] expected = doubles(numerators);
        for (int k = 0; k < g.length; k++) {
            assertThat(g[k]).as("arm %d", k).isCloseTo(expected[k] / denominator, within(1e-15));
        }
    }

    /** At K = 2 the K-arm function is the two-arm one (to rounding: it is computed on the log scale), also at x = 0 and 1. */
    @Test
    void theKArmAllocationFunctionAtTwoArmsIsTheTwoArmOne() {
        double[] g = new double[2];
        for (double gamma : new double[] {0, 0.5, 1, 2, 8, 100}) {
            for (double rho : new double[] {0.05, 0.3, 0.5, 0.77}) {
                for (int i = 0; i <= 100; i++) {
                    double x = i / 100.0;
                    DoublyAdaptiveBiasedCoin.allocation(new double[] {x, 1 - x}, new double[] {rho, 1 - rho}, gamma, g);
                    assertThat(g[0]).as("x %s, rho %s, gamma %s", x, rho, gamma)
                            .isCloseTo(DoublyAdaptiveBiasedCoin.allocation(x, rho, gamma), within(1e-13));
                    assertThat(g[0] + g[1]).isCloseTo(1, within(1e-15));
                }
            }
        }
    }

    /**
     * K-arm targets by hand: Neyman ∝ √(p_k q_k), for (0.5, 0.1, 0.9) 0.5, 0.3, 0.3, so (5, 3, 3)/11; RSIHR ∝ √p_k, for
     * (0.25, 0.64, 0.81) 0.5, 0.8, 0.9, so (5, 8, 9)/22; at two arms the first is the two-arm target.
     */
    @Test
    void theKArmTargetsHaveTheirHandComputedValues() {
        double[] rho = new double[3];
        DoublyAdaptiveBiasedCoin.target(NEYMAN, new double[] {0.5, 0.1, 0.9}, rho);
        assertThat(rho).containsExactly(new double[] {5.0 / 11, 3.0 / 11, 3.0 / 11}, within(1e-15));
        DoublyAdaptiveBiasedCoin.target(RSIHR, new double[] {0.25, 0.64, 0.81}, rho);
        assertThat(rho).containsExactly(new double[] {5.0 / 22, 8.0 / 22, 9.0 / 22}, within(1e-15));
        double[] two = new double[2];
        for (Design.ResponseAdaptive.TargetAllocation target : Design.ResponseAdaptive.TargetAllocation.values()) {
            DoublyAdaptiveBiasedCoin.target(target, new double[] {0.3, 0.6}, two);
            assertThat(two[0]).isCloseTo(DoublyAdaptiveBiasedCoin.target(target, 0.3, 0.6), within(1e-15));
        }
    }

    static Design.ResponseAdaptive dbcd(Design.ResponseAdaptive.TargetAllocation target, Double gamma, int burnIn, Double min, Double max,
                                        String control, Double controlShare) {
        return new Design.ResponseAdaptive("eoc1", 1e-4, Design.ResponseAdaptive.Rule.DBCD, null, null, burnIn, null, null, min, max,
                control, controlShare, null, null, null, null, null, target, gamma);
    }

    /**
     * The arms' shares at the end of each of the replicates of n patients, one a day, each result known 30 days after
     * allocation, with the response rates; arms "a", "b", "c", ... in a 1:1:...:1 ratio, Beta(1, 1) priors, updates before
     * every patient.
     */
    private static double[][] shares(Design.ResponseAdaptive s, double[] rate, int n, int replicates, long seed,
                                     java.util.function.Consumer<ResponseAdaptiveAllocator> afterEach) {
        int k = rate.length;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        UniformRandomProvider outcomes = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1);
        int[] weights = new int[k];
        java.util.Arrays.fill(weights, 1);
        ResponseAdaptiveAllocator a = (ResponseAdaptiveAllocator) Allocator.of(new AllocationMethod.ResponseAdaptive(s), weights, rng);
        a.arms(List.of("a", "b", "c", "d").subList(0, k), n);
        double[][] shares = new double[k][replicates];
        for (int r = 0; r < replicates; r++) {
            a.restart(rng);
            for (int day = 0; day < n; day++) {
                a.today(day);
                int arm = a.allocate();
                afterEach.accept(a);
                a.result(arm, day + 30, outcomes.nextDouble() < rate[arm]);
            }
            for (int j = 0; j < k; j++) {
                shares[j][r] = (double) a.count(j) / n;
            }
        }
        return shares;
    }

    /**
     * Three identical arms (0.4 each) get a third of the patients each in expectation: over 2,000 replicates of 200
     * patients each arm's mean share is within 5 standard errors of ⅓ for both targets (a false failure about once in
     * 1.7 million runs per arm).
     */
    @Test
    void threeIdenticalArmsGetAThirdEachInExpectation() {
        for (Design.ResponseAdaptive.TargetAllocation target : Design.ResponseAdaptive.TargetAllocation.values()) {
            double[][] x = shares(dbcd(target, null, 0, null, null), new double[] {0.4, 0.4, 0.4}, 200, 2000, 71L, a -> { });
            for (double[] arm : x) {
                assertThat(mean(arm)).as("%s", target).isCloseTo(1.0 / 3, within(5 * Math.sqrt(variance(arm) / arm.length)));
            }
        }
    }

    private static final double[] THREE_RATES = {0.2, 0.5, 0.7};

    /** The K-arm target at the rates. */
    private static double[] target(Design.ResponseAdaptive.TargetAllocation target, double[] p) {
        double[] rho = new double[p.length];
        DoublyAdaptiveBiasedCoin.target(target, p, rho);
        return rho;
    }

    /**
     * Hu and Zhang's limit of n·Var(N_k/n) for each arm: the diagonal of Σ₁/(1+2γ) + 2(1+γ)/(1+2γ)·Σ₃ with
     * Σ₁ = diag(ρ) − ρρᵀ and Σ₃ = (∂ρ/∂p) diag(p_j q_j / ρ_j) (∂ρ/∂p)ᵀ; with ρ_k = f(p_k)/S, S = Σ_j f(p_j),
     * ∂ρ_k/∂p_j = (δ_kj − ρ_k) f'(p_j)/S, f(p) = √(pq) (Neyman, f' = (1−2p)/(2√(pq))) or √p (RSIHR, f' = 1/(2√p)).
     */
    private static double[] limit(Design.ResponseAdaptive.TargetAllocation target, double[] p, double gamma) {
        int k = p.length;
        double[] f = new double[k];
        double[] derivative = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            boolean neyman = target == NEYMAN;
            f[j] = neyman ? Math.sqrt(p[j] * (1 - p[j])) : Math.sqrt(p[j]);
            derivative[j] = neyman ? (1 - 2 * p[j]) / (2 * f[j]) : 1 / (2 * f[j]);
            sum += f[j];
        }
        double[] limit = new double[k];
        for (int a = 0; a < k; a++) {
            double rho = f[a] / sum;
            double sigma3 = 0;
            for (int j = 0; j < k; j++) {
                double d = ((a == j ? 1 : 0) - rho) * derivative[j] / sum;
                sigma3 += d * d * p[j] * (1 - p[j]) / (f[j] / sum);
            }
            limit[a] = rho * (1 - rho) / (1 + 2 * gamma) + 2 * (1 + gamma) / (1 + 2 * gamma) * sigma3;
        }
        return limit;
    }

    /**
     * With three arms at 0.2, 0.5 and 0.7 (γ = 2) each arm's share converges to its K-arm target, Neyman (0.2945,
     * 0.3681, 0.3374) and RSIHR (0.2246, 0.3552, 0.4202): over 1,000 replicates the mean shares' summed distance from
     * the targets falls from n = 50 (measured 0.056 and 0.122) to n = 800, where each arm is within 0.004 — 5 standard
     * errors (at most 0.0025; a false failure about once in 1.7 million runs per arm) plus an allowance for the O(1/n)
     * bias of the estimated target (measured at most 0.0013) — and each arm's standard deviation falls at least half as
     * fast as 1/√n (by more than 2 from 50 to 800; measured 2.3 to 3.3).
     */
    @Test
    void threeArmSharesConvergeToTheTarget() {
        for (Design.ResponseAdaptive.TargetAllocation target : Design.ResponseAdaptive.TargetAllocation.values()) {
            double[] rho = target(target, THREE_RATES);
            double[][] small = shares(dbcd(target, 2.0, 0, null, null), THREE_RATES, 50, 1000, 81L, a -> { });
            double[][] large = shares(dbcd(target, 2.0, 0, null, null), THREE_RATES, 800, 1000, 83L, a -> { });
            double distanceSmall = 0;
            double distanceLarge = 0;
            for (int k = 0; k < 3; k++) {
                distanceSmall += Math.abs(mean(small[k]) - rho[k]);
                distanceLarge += Math.abs(mean(large[k]) - rho[k]);
                assertThat(mean(large[k])).as("%s arm %d", target, k).isCloseTo(rho[k], within(0.004));
                assertThat(Math.sqrt(variance(large[k]))).as("%s arm %d", target, k).isLessThan(Math.sqrt(variance(small[k])) / 2);
            }
            assertThat(distanceLarge).as("%s", target).isLessThan(distanceSmall);
        }
    }

    /**
     * Hu and Zhang's asymptotic variance for three arms ({@link #limit}): with rates 0.2, 0.5 and 0.7 and the Neyman
     * target, 2,000 replicates of 800 patients, each arm's n·Var(N_k/n) is within 20% of the limit for γ = 0 and 2, and
     * smaller at γ = 2 than at 0. Measured with 1,000 replicates: 0.91 to 0.95 of the limit at γ = 0 and 1.00 to 1.02 at
     * γ = 2 for n = 800 (RSIHR 0.90 to 0.96 and 1.04 to 1.08), 0.96 to 1.03 for both targets and both γ at n = 3,200
     * (seed 42), so the limit is the formula's and the gap at n = 800 is finite-n; a variance from 2,000 replicates has
     * a relative standard error of 3.2%, so 20% is at least 3 of them beyond the measured gap (a false failure below
     * about 1 in 700 per arm).
     */
    @Test
    void threeArmVarianceIsHuAndZhangsLimit() {
        int n = 800;
        double[][] nVar = new double[2][3];
        double[] gammas = {0, 2};
        for (int g = 0; g < 2; g++) {
            double[][] x = shares(dbcd(NEYMAN, gammas[g], 0, null, null), THREE_RATES, n, 2000, 91L + g, a -> { });
            double[] limit = limit(NEYMAN, THREE_RATES, gammas[g]);
            for (int k = 0; k < 3; k++) {
                nVar[g][k] = n * variance(x[k]);
                assertThat(nVar[g][k] / limit[k]).as("gamma %s arm %d", gammas[g], k).isCloseTo(1, within(0.2));
            }
        }
        for (int k = 0; k < 3; k++) {
            assertThat(nVar[1][k]).isLessThan(nVar[0][k]);
        }
    }

    /**
     * The caps hold in every replicate with three arms: rates 0.1, 0.5 and 0.9 (RSIHR target 0.16, 0.37, 0.47), γ = 8, a
     * burn-in of 30, probabilities within [0.15, 0.6]; 100 replicates of 200 patients: during the burn-in the
     * allocation is the ratio, afterwards every probability is within the caps, they sum to 1, and a cap was reached.
     */
    @Test
    void burnInAndCapsHoldInEveryReplicateWithThreeArms() {
        boolean[] capReached = {false};
        shares(dbcd(RSIHR, 8.0, 30, 0.15, 0.6), new double[] {0.1, 0.5, 0.9}, 200, 100, 101L, a -> {
            if (a.patients() <= 30) {
                assertThat(a.byRatio()).isTrue();
                return;
            }
            assertThat(a.byRatio()).isFalse();
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                assertThat(a.probability(k)).isBetween(0.15 - 1e-12, 0.6 + 1e-12);
                capReached[0] |= a.probability(k) < 0.15 + 1e-12 || a.probability(k) > 0.6 - 1e-12;
                sum += a.probability(k);
            }
            assertThat(sum).isCloseTo(1, within(1e-12));
        });
        assertThat(capReached[0]).as("a cap was reached, so the test tests it").isTrue();
    }

    /**
     * A control kept at a fixed share: the control (arm "a", 0.3) has probability 0.4 at every allocation, and the coin
     * steers the other two (0.3 and 0.6) to their Neyman target among themselves, √7/(√7+√8) = 0.4833 for "b": over
     * 500 replicates of 800 patients the mean of b's share of b and c is within 0.005 of it (5 standard errors,
     * about 0.0025, plus the allowance for the estimated target's bias of the two-arm test), and the control's share
     * of all patients within 5 standard errors of 0.4.
     */
    @Test
    void aControlAtAFixedShareKeepsItAndTheOthersFollowTheirTarget() {
        double[] rate = {0.3, 0.3, 0.6};
        double[][] x = shares(dbcd(NEYMAN, 2.0, 0, null, null, "a", 0.4), rate, 800, 500, 111L, a -> {
            assertThat(a.probability(0)).isEqualTo(0.4);
            assertThat(a.probability(1) + a.probability(2)).isCloseTo(0.6, within(1e-12));
        });
        double[] bAmongOthers = new double[x[0].length];
        for (int r = 0; r < bAmongOthers.length; r++) {
            bAmongOthers[r] = x[1][r] / (x[1][r] + x[2][r]);
        }
        assertThat(mean(bAmongOthers)).isCloseTo(DoublyAdaptiveBiasedCoin.target(NEYMAN, 0.3, 0.6), within(0.005));
        assertThat(mean(x[0])).isCloseTo(0.4, within(5 * Math.sqrt(variance(x[0]) / x[0].length)));
    }
}
