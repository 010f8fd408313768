package org.trialsim.simulator.trial.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Design;

class ResponseAdaptiveAllocatorTest {

    /** Settings with Jeffreys' prior on arm a, Beta(1, 1) on the others. */
    private static Design.ResponseAdaptive settings(double power, int burnIn, Integer every, Double everyDays, Double min, Double max,
                                                    String control, Double share) {
        return new Design.ResponseAdaptive("eoc1", 1e-4, null, power, null, burnIn, every, everyDays, min, max, control, share,
                Map.of("a", new Design.BetaPrior(0.5, 0.5)));
    }

    /** Settings with the same prior, Beta(1, 1), on every arm. */
    private static Design.ResponseAdaptive uniform(double power, int burnIn, int every) {
        return new Design.ResponseAdaptive("eoc1", 1e-4, null, power, null, burnIn, every, null, null, null, null, null, null);
    }

    private static ResponseAdaptiveAllocator allocator(Design.ResponseAdaptive s, int[] weights, UniformRandomProvider rng) {
        ResponseAdaptiveAllocator a = (ResponseAdaptiveAllocator) Allocator.of(new AllocationMethod.ResponseAdaptive(s), weights, rng);
        List<String> ids = List.of("a", "b", "c", "d").subList(0, weights.length);
        a.arms(ids, 200);
        return a;
    }

    /**
     * 100 replicates of 200 patients, one a day, each result known 30 days after allocation, with
     * response rates 0.3, 0.5 and 0.7: in every replicate the burn-in is by the ratio and every later
     * probability is within the caps and the probabilities sum to 1; a control arm keeps its share.
     */
    @Test
    void burnInAndCapsHoldInEveryReplicate() {
        Design.ResponseAdaptive[] designs = {settings(2, 30, 4, null, 0.1, 0.7, null, null),
                settings(1, 12, null, 14.0, 0.15, 0.6, "a", 0.3)};
        double[] rate = {0.3, 0.5, 0.7};
        for (Design.ResponseAdaptive s : designs) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
            UniformRandomProvider outcomes = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
            ResponseAdaptiveAllocator a = allocator(s, new int[] {1, 1, 1}, rng);
            boolean capsBound = false;
            for (int r = 0; r < 100; r++) {
                a.restart(rng);
                for (int day = 0; day < 200; day++) {
                    a.today(day);
                    int arm = a.allocate();
                    if (a.patients() <= s.burnIn()) {
                        assertThat(a.byRatio()).isTrue();
                    } else {
                        assertThat(a.byRatio()).isFalse();
                        double sum = 0;
                        for (int k = 0; k < 3; k++) {
                            assertThat(a.probability(k)).isBetween(s.minProbability() - 1e-12, s.maxProbability() + 1e-12);
                            capsBound |= a.probability(k) > s.maxProbability() - 1e-12 || a.probability(k) < s.minProbability() + 1e-12;
                            sum += a.probability(k);
                        }
                        assertThat(sum).isCloseTo(1, within(1e-12));
                        if (s.control() != null) {
                            assertThat(a.probability(0)).isEqualTo(0.3);
                        }
                    }
                    a.result(arm, day + 30, outcomes.nextDouble() < rate[arm]);
                }
            }
            assertThat(capsBound).as("a cap was reached, so the test tests it").isTrue();
        }
    }

    /**
     * Arm dropping: 200 replicates of 200 patients, response rates 0.2 (a, the control at a fixed share 0.3),
     * 0.25 (b) and 0.6 (c), results known 30 days later, arms dropped when P(arm is best) falls below 0.05.
     * In every replicate a dropped arm is never given again and its probability is 0, the control is never
     * dropped nor both other arms, and the probabilities sum to 1; b is dropped in most replicates (195 of 200
     * on this seed: with 0.25 against 0.6 over about 60 results each P(b is best) ends near 1e-4), c (far
     * better) in a few (4: at the first update, on about 10 results an arm, chance can put c behind b).
     */
    @Test
    void aDroppedArmIsNeverGivenAgainAndTheControlAndTheBestStay() {
        Design.ResponseAdaptive s = new Design.ResponseAdaptive("eoc1", 1e-4, null, 1.0, null, 30, 5, null, 0.1, 0.9, "a", 0.3,
                null, 0.05);
        double[] rate = {0.2, 0.25, 0.6};
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        UniformRandomProvider outcomes = RandomSource.XO_RO_SHI_RO_128_PP.create(4L);
        ResponseAdaptiveAllocator a = allocator(s, new int[] {1, 1, 1}, rng);
        int droppedB = 0;
        int droppedC = 0;
        for (int r = 0; r < 200; r++) {
            a.restart(rng);
            boolean[] gone = new boolean[3];
            for (int day = 0; day < 200; day++) {
                a.today(day);
                int arm = a.allocate();
                assertThat(gone[arm]).as("a dropped arm is given again").isFalse();
                for (int k = 0; k < 3; k++) {
                    gone[k] |= a.dropped(k);
                    if (a.dropped(k)) {
                        assertThat(a.probability(k)).isZero();
                    }
                }
                if (!a.byRatio()) {
                    double sum = 0;
                    for (int k = 0; k < 3; k++) {
                        sum += a.probability(k);
                    }
                    assertThat(sum).isCloseTo(1, within(1e-12));
                    assertThat(a.probability(0)).isEqualTo(0.3);
                }
                a.result(arm, day + 30, outcomes.nextDouble() < rate[arm]);
            }
            assertThat(a.dropped(0)).isFalse();
            assertThat(a.dropped(1) && a.dropped(2)).isFalse();
            droppedB += a.dropped(1) ? 1 : 0;
            droppedC += a.dropped(2) ? 1 : 0;
        }
        assertThat(droppedB).isGreaterThan(180);
        assertThat(droppedC).isLessThan(10);
    }

    /** Without a control the arm with the highest P(arm is best) is kept: one of two identical arms may go, never both. */
    @Test
    void theLastArmIsNeverDropped() {
        Design.ResponseAdaptive s = new Design.ResponseAdaptive("eoc1", 1e-4, null, 1.0, null, 10, 1, null, null, null, null, null,
                null, 0.45);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        UniformRandomProvider outcomes = RandomSource.XO_RO_SHI_RO_128_PP.create(6L);
        ResponseAdaptiveAllocator a = allocator(s, new int[] {1, 1}, rng);
        int dropped = 0;
        for (int r = 0; r < 100; r++) {
            a.restart(rng);
            for (int day = 0; day < 100; day++) {
                a.today(day);
                int arm = a.allocate();
                a.result(arm, day + 5, outcomes.nextDouble() < 0.5);
            }
            assertThat(a.dropped(0) && a.dropped(1)).isFalse();
            dropped += a.droppedArms() != 0 ? 1 : 0;
        }
        assertThat(dropped).as("with a bound of 0.45 two equal arms soon differ enough").isPositive();
    }

    /** An update counts only the results known by its day: results due tomorrow are not used today. */
    @Test
    void onlyResultsKnownByTheDayCount() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        ResponseAdaptiveAllocator a = allocator(settings(1, 0, 1, null, null, null, null, null), new int[] {1, 1}, rng);
        a.result(0, 5, true);
        a.result(1, 10, false);
        a.result(1, 10.5, true);
        a.today(4.9);
        a.allocate();
        assertThat(a.known(0) + a.known(1)).isZero();
        a.today(10);
        a.allocate();
        assertThat(a.known(0)).isEqualTo(1);
        assertThat(a.known(1)).isEqualTo(1);
        // arm 0: Beta(0.5 + 1, 0.5) against arm 1: Beta(1, 1 + 1); P(arm 0 best) from the quadrature
        double p = BestArm.probabilities(new double[] {1.5, 1}, new double[] {0.5, 2})[0];
        assertThat(a.probability(0)).isCloseTo(p, within(1e-15));
    }

    /** Updates every 14 days use the results known on the scheduled day, not on the day of the patient who triggers it. */
    @Test
    void updatesByDaysUseTheScheduledDay() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        ResponseAdaptiveAllocator a = allocator(settings(1, 0, null, 14.0, null, null, null, null), new int[] {1, 1}, rng);
        a.today(0);
        a.allocate(); // first update, day 0; next on day 14
        a.result(0, 20, true);
        a.result(1, 13, false);
        a.today(27);
        a.allocate(); // the update of day 14 (the one of day 28 is not due): knows only the result of day 13
        assertThat(a.known(0)).isZero();
        assertThat(a.known(1)).isEqualTo(1);
        a.today(28);
        a.allocate();
        assertThat(a.known(0)).isEqualTo(1);
    }

    /**
     * Identical arms get the same share on average: 2,000 replicates of 60 patients with a power of 1
     * and results known at once, response rate 0.4 on both; the mean share of arm 0 is 1/2 within 5
     * standard errors of the mean (a false failure about once in 1.7 million runs).
     */
    @Test
    void identicalArmsGetEqualExpectedAllocation() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        UniformRandomProvider outcomes = RandomSource.XO_RO_SHI_RO_128_PP.create(4L);
        ResponseAdaptiveAllocator a = allocator(uniform(1, 6, 2), new int[] {1, 1}, rng);
        int n = 2000;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < n; r++) {
            a.restart(rng);
            for (int day = 0; day < 60; day++) {
                a.today(day);
                int arm = a.allocate();
                a.result(arm, day, outcomes.nextDouble() < 0.4);
            }
            double share = a.count(0) / 60.0;
            sum += share;
            sumSq += share * share;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / (n - 1));
        assertThat(mean).isCloseTo(0.5, within(5 * se));
    }

    /** Settings with the control a matched to the best other arm, b's prior Beta(2, 1) and the others' Beta(1, 1). */
    private static Design.ResponseAdaptive matched(double power, int burnIn, Double min, Double max) {
        return new Design.ResponseAdaptive("eoc1", 1e-4, null, power, null, burnIn, null, null, min, max, "a", null,
                Map.of("b", new Design.BetaPrior(2.0, 1.0)), null, null, null, null, null, null, true);
    }

    /**
     * Before any result, with b's prior Beta(2, 1) against Beta(1, 1) on a and c, P(b is best) =
     * ∫ 2x·x² dx = 1/2 and P(a is best) = P(c is best) = 1/4. At power 1 the other arms' shares are
     * q_b = (1/2)/(3/4) = 2/3 and q_c = 1/3, so the control gets 2/3 and all are divided by 5/3: 2/5, 2/5, 1/5.
     * At power 2, q_b = (1/4)/(5/16) = 4/5 and q_c = 1/5: 4/9, 4/9, 1/9. At power 2 with minProbability 0.25
     * the cap lifts q_c to 1/4 (q_b = 3/4): 3/7, 3/7, 1/7 — the caps bound the q, before the control is added.
     */
    @Test
    void aMatchedControlGetsTheLargestOtherShareAndAllAreRenormalised() {
        double[][] expected = {{2 / 5.0, 2 / 5.0, 1 / 5.0}, {4 / 9.0, 4 / 9.0, 1 / 9.0}, {3 / 7.0, 3 / 7.0, 1 / 7.0}};
        Design.ResponseAdaptive[] designs = {matched(1, 0, null, null), matched(2, 0, null, null), matched(2, 0, 0.25, null)};
        for (int d = 0; d < designs.length; d++) {
            ResponseAdaptiveAllocator a = allocator(designs[d], new int[] {1, 1, 1}, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
            a.today(0);
            a.allocate();
            assertThat(a.byRatio()).isFalse();
            for (int k = 0; k < 3; k++) {
                assertThat(a.probability(k)).as("design %d, arm %d", d, k).isCloseTo(expected[d][k], within(1e-9));
            }
            assertThat(a.leadingArm()).as("the matched control is not the lead").isEqualTo(1);
        }
    }

    /**
     * 200 replicates of 150 patients, one a day, results known 30 days later, response rates 0.3 (a, the
     * matched control), 0.45 and 0.6: after the burn-in, at every patient, the control's probability equals
     * the largest other arm's, the probabilities sum to 1, and the other arms' shares q_i = p_i / (1 − p_a)
     * lie within the caps; so the control's probability is between 1/3 and 1/2 (max q between 1/2 and 1).
     */
    @Test
    void aMatchedControlEqualsTheBestOtherArmAtEveryUpdate() {
        Design.ResponseAdaptive s = matched(1, 15, 0.1, 0.8);
        double[] rate = {0.3, 0.45, 0.6};
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        UniformRandomProvider outcomes = RandomSource.XO_RO_SHI_RO_128_PP.create(12L);
        ResponseAdaptiveAllocator a = allocator(s, new int[] {1, 1, 1}, rng);
        boolean capsBound = false;
        for (int r = 0; r < 200; r++) {
            a.restart(rng);
            for (int day = 0; day < 150; day++) {
                a.today(day);
                int arm = a.allocate();
                if (!a.byRatio()) {
                    double control = a.probability(0);
                    assertThat(control).isEqualTo(Math.max(a.probability(1), a.probability(2)));
                    assertThat(control).isBetween(1 / 3.0 - 1e-12, 0.5 + 1e-12);
                    assertThat(control + a.probability(1) + a.probability(2)).isCloseTo(1, within(1e-12));
                    for (int k = 1; k < 3; k++) {
                        double q = a.probability(k) / (1 - control);
                        assertThat(q).isBetween(0.1 - 1e-12, 0.8 + 1e-12);
                        capsBound |= q > 0.8 - 1e-12;
                    }
                }
                a.result(arm, day + 30, outcomes.nextDouble() < rate[arm]);
            }
        }
        assertThat(capsBound).as("a cap was reached, so the test tests it").isTrue();
    }

    /**
     * Identical arms (response 0.4, results known at once, 2000 replicates of 60 patients after a burn-in of 6):
     * the two arms besides the matched control get equal expected shares, and the control's expected share lies
     * between 1/3 and 1/2, since its probability max q / (1 + max q) does for max q in [1/2, 1] (and the burn-in
     * is 1:1:1). Each bound is checked 5 Monte Carlo standard errors inside (a false failure about once in 1.7
     * million runs each).
     */
    @Test
    void identicalArmsWithAMatchedControl() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        UniformRandomProvider outcomes = RandomSource.XO_RO_SHI_RO_128_PP.create(6L);
        Design.ResponseAdaptive s = new Design.ResponseAdaptive("eoc1", 1e-4, null, 1.0, null, 6, 2, null, null, null, "a", null,
                null, null, null, null, null, null, null, true);
        ResponseAdaptiveAllocator a = allocator(s, new int[] {1, 1, 1}, rng);
        int n = 2000;
        double[] sum = new double[2];
        double[] sumSq = new double[2];
        for (int r = 0; r < n; r++) {
            a.restart(rng);
            for (int day = 0; day < 60; day++) {
                a.today(day);
                int arm = a.allocate();
                a.result(arm, day, outcomes.nextDouble() < 0.4);
            }
            double[] x = {a.count(0) / 60.0, (a.count(1) - a.count(2)) / 60.0};
            for (int j = 0; j < 2; j++) {
                sum[j] += x[j];
                sumSq[j] += x[j] * x[j];
            }
        }
        double[] mean = new double[2];
        double[] se = new double[2];
        for (int j = 0; j < 2; j++) {
            mean[j] = sum[j] / n;
            se[j] = Math.sqrt((sumSq[j] / n - mean[j] * mean[j]) / (n - 1));
        }
        assertThat(mean[0]).isBetween(1 / 3.0 + 5 * se[0], 0.5 - 5 * se[0]);
        assertThat(mean[1]).as("b's share minus c's").isCloseTo(0, within(5 * se[1]));
    }

    @Test
    void refusesAMatchedControlWithTwoArms() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        assertThatThrownBy(() -> Allocator.of(new AllocationMethod.ResponseAdaptive(matched(1, 0, null, null)), new int[] {1, 1}, rng))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three arms or more");
    }

    @Test
    void refusesCapsThatTheRatioBreaks() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        assertThatThrownBy(() -> Allocator.of(new AllocationMethod.ResponseAdaptive(settings(1, 0, 1, null, 0.4, 0.6, null, null)),
                new int[] {2, 1}, rng)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside [0.4, 0.6]");
        assertThatThrownBy(() -> Allocator.of(new AllocationMethod.ResponseAdaptive(settings(1, 0, 1, null, 0.4, null, null, null)),
                new int[] {1, 1, 1}, rng)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot all lie");
    }
}
