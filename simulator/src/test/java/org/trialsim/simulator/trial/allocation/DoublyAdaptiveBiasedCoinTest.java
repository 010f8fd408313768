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

    @Test
    void theAllocatorRefusesMoreThanTwoArmsOrNoTarget() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        assertThatThrownBy(() -> Allocator.of(new AllocationMethod.ResponseAdaptive(dbcd(NEYMAN, 2.0, 0, null, null)), new int[] {1, 1, 1}, rng))
                .hasMessageContaining("two arms");
        assertThatThrownBy(() -> Allocator.of(new AllocationMethod.ResponseAdaptive(dbcd(null, 2.0, 0, null, null)), new int[] {1, 1}, rng))
                .hasMessageContaining("target");
    }
}
