package org.trialsim.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.simulator.random.RandomStreams;

class SurvivalAccumulatorTest {
    private static final int HORIZON = 1826;
    private static final RandomStreams STREAMS = new RandomStreams(20240611);
    private static final long DATA = RandomStreams.purpose("stats-test:data");
    private static final long SHARDS = RandomStreams.purpose("stats-test:shards");

    /** Competing-risk data with ties, fractional times, times at 0 and after the horizon. */
    private static final Cohort COHORT = Cohort.random(STREAMS.stream(DATA, 0), 5000);

    private record Cohort(double[] t, int[] s) {
        static Cohort random(UniformRandomProvider rng, int n) {
            double[] t = new double[n];
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                double u = rng.nextDouble();
                // A third on whole days (ties with each other and with censorings), the rest fractional.
                t[i] = u < 1.0 / 3 ? rng.nextInt(HORIZON + 200) : rng.nextDouble() * (HORIZON + 200);
                s[i] = rng.nextInt(3);
            }
            t[0] = 0;
            s[0] = 1;
            return new Cohort(t, s);
        }

        SurvivalAccumulator accumulate(int[] indices) {
            SurvivalAccumulator acc = SurvivalAccumulator.of(HORIZON, 2);
            for (int i : indices) {
                acc.add(t[i], s[i]);
            }
            return acc;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 16})
    void mergingShardsInAnyOrderGivesBitwiseTheSameCurves(int shardCount) {
        int n = COHORT.t().length;
        List<CurvePoint> expected = curves(COHORT.accumulate(PermutationSampler.natural(n)));

        UniformRandomProvider rng = STREAMS.stream(SHARDS, shardCount);
        for (int trial = 0; trial < 3; trial++) {
            // Shuffle the patients, cut them into shards of random sizes, merge the shards in a random order.
            int[] order = PermutationSampler.natural(n);
            PermutationSampler.shuffle(rng, order);
            int[] cuts = new int[shardCount + 1];
            cuts[shardCount] = n;
            for (int k = 1; k < shardCount; k++) {
                cuts[k] = rng.nextInt(n + 1);
            }
            Arrays.sort(cuts);
            List<SurvivalAccumulator> shards = new ArrayList<>();
            for (int k = 0; k < shardCount; k++) {
                shards.add(COHORT.accumulate(Arrays.copyOfRange(order, cuts[k], cuts[k + 1])));
            }
            int[] mergeOrder = PermutationSampler.natural(shardCount);
            PermutationSampler.shuffle(rng, mergeOrder);
            SurvivalAccumulator merged = SurvivalAccumulator.of(HORIZON, 2);
            for (int k : mergeOrder) {
                merged.merge(shards.get(k));
            }
            assertThat(merged.count()).isEqualTo(n);
            // Record equality compares doubles with Double.compare: bit for bit.
            assertThat(curves(merged)).containsExactlyElementsOf(expected);
        }
    }

    private static List<CurvePoint> curves(SurvivalAccumulator acc) {
        List<CurvePoint> all = new ArrayList<>(acc.kaplanMeier().atEvery(TimeUnits.DAYS_PER_MONTH));
        all.addAll(acc.cumulativeIncidence(1).atEvery(TimeUnits.DAYS_PER_MONTH));
        all.addAll(acc.cumulativeIncidence(2, ConfidenceTransform.PLAIN, 0.9).atEvery(TimeUnits.DAYS_PER_MONTH));
        return all;
    }

    @Test
    void anEventFallsInTheDayBinOfItsCeiling() {
        SurvivalAccumulator acc = SurvivalAccumulator.of(400);
        acc.add(365.0, SurvivalAccumulator.EVENT);
        acc.add(365.0001, SurvivalAccumulator.EVENT);
        acc.add(364.5, SurvivalAccumulator.CENSORED);
        acc.add(400, SurvivalAccumulator.CENSORED);
        SurvivalCurve km = acc.kaplanMeier();
        // Day 365 holds the event at 365.0 and the censoring at 364.5 (censored after the event: tie rule).
        assertThat(km.at(364.99).events()).isZero();
        assertThat(km.at(364.99).atRisk()).isEqualTo(4);
        assertThat(km.at(365).events()).isEqualTo(1);
        assertThat(km.at(365).estimate()).isEqualTo(0.75);
        // A landmark between whole days reads the estimate of the day before and the risk set of the day after.
        CurvePoint landmark = km.at(TimeUnits.DAYS_PER_YEAR);
        assertThat(landmark.estimate()).isEqualTo(0.75);
        assertThat(landmark.events()).isEqualTo(1);
        assertThat(landmark.atRisk()).isEqualTo(2);
        assertThat(km.at(366).estimate()).isEqualTo(0.75 * 0.5);
    }

    @Test
    void observationsAfterTheHorizonAreCensoredAfterIt() {
        SurvivalAccumulator cut = SurvivalAccumulator.of(HORIZON, 2);
        SurvivalAccumulator wide = SurvivalAccumulator.of(HORIZON + 500, 2);
        double[] t = COHORT.t();
        int[] s = COHORT.s();
        for (int i = 0; i < t.length; i++) {
            cut.add(t[i], s[i]);
            boolean after = t[i] > HORIZON;
            wide.add(after ? HORIZON + 1 : t[i], after ? SurvivalAccumulator.CENSORED : s[i]);
        }
        cut.add(Double.POSITIVE_INFINITY, 1);
        wide.add(HORIZON + 1, SurvivalAccumulator.CENSORED);
        assertThat(cut.count()).isEqualTo(wide.count());
        assertThat(cut.kaplanMeier().atEvery(7)).isEqualTo(wide.kaplanMeier().atEvery(7).subList(0, HORIZON / 7 + 1));
        assertThat(cut.cumulativeIncidence(2).at(0, 100, 1000.5, HORIZON))
            .isEqualTo(wide.cumulativeIncidence(2).at(0, 100, 1000.5, HORIZON));
        assertThat(cut.kaplanMeier().at(HORIZON).atRisk()).isPositive();
    }

    @Test
    void withOneCauseTheIncidenceIsOneMinusSurvivalWithGreenwoodsError() {
        // The delta-method variance reduces algebraically to Greenwood's when there is one cause.
        SurvivalAccumulator acc = SurvivalAccumulator.of(HORIZON);
        double[] t = COHORT.t();
        int[] s = COHORT.s();
        for (int i = 0; i < t.length; i++) {
            acc.add(t[i], Math.min(s[i], 1));
        }
        List<CurvePoint> survival = acc.kaplanMeier().atEvery(TimeUnits.DAYS_PER_MONTH);
        List<CurvePoint> incidence = acc.cumulativeIncidence(1).atEvery(TimeUnits.DAYS_PER_MONTH);
        for (int i = 0; i < survival.size(); i++) {
            assertThat(incidence.get(i).estimate()).isCloseTo(1 - survival.get(i).estimate(), within(1e-14));
            assertThat(incidence.get(i).standardError()).isCloseTo(survival.get(i).standardError(), within(1e-14));
            assertThat(incidence.get(i).events()).isEqualTo(survival.get(i).events());
        }
        assertThat(survival.get(survival.size() - 1).standardError()).isPositive();
    }

    @Test
    void incidencesOfAllCausesAndSurvivalAddUpToOne() {
        SurvivalAccumulator acc = COHORT.accumulate(PermutationSampler.natural(COHORT.t().length));
        List<CurvePoint> survival = acc.kaplanMeier().atEvery(TimeUnits.DAYS_PER_MONTH);
        List<CurvePoint> relapse = acc.cumulativeIncidence(1).atEvery(TimeUnits.DAYS_PER_MONTH);
        List<CurvePoint> death = acc.cumulativeIncidence(2).atEvery(TimeUnits.DAYS_PER_MONTH);
        for (int i = 0; i < survival.size(); i++) {
            double total = survival.get(i).estimate() + relapse.get(i).estimate() + death.get(i).estimate();
            assertThat(total).as("at %s", survival.get(i).timeDays()).isCloseTo(1, within(1e-14));
        }
        assertThat(relapse.get(relapse.size() - 1).estimate()).isGreaterThan(0.1);
    }

    @Test
    void anEmptyAccumulatorGivesTheTrivialCurve() {
        SurvivalAccumulator acc = SurvivalAccumulator.of(10, 2);
        assertThat(acc.count()).isZero();
        assertThat(acc.kaplanMeier().at(5)).isEqualTo(new CurvePoint(5, 0, 0, 1, 0, 1, 1));
        assertThat(acc.cumulativeIncidence(2).at(5)).isEqualTo(new CurvePoint(5, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void gridsAreComputedByMultiplication() {
        SurvivalCurve km = SurvivalAccumulator.of(3653).kaplanMeier();
        List<CurvePoint> monthly = km.atEvery(TimeUnits.DAYS_PER_MONTH);
        assertThat(monthly).hasSize(121);
        assertThat(monthly.get(120).timeDays()).isEqualTo(120 * 30.4375);
        assertThat(km.at(1, 2, 3, 5, 10).stream().map(p -> p.timeDays()).toList())
            .containsExactly(1.0, 2.0, 3.0, 5.0, 10.0);
        assertThat(km).hasToString("SurvivalCurve[Kaplan-Meier, n=0, horizon=3653 days, log-log 0.950 intervals]");
    }

    @Test
    void rejectsBadArgumentsWithTheirNames() {
        SurvivalAccumulator acc = SurvivalAccumulator.of(100, 2);
        assertThatIllegalArgumentException().isThrownBy(() -> acc.add(Double.NaN, 1)).withMessageContaining("timeDays");
        assertThatIllegalArgumentException().isThrownBy(() -> acc.add(-0.5, 1)).withMessageContaining("timeDays");
        assertThatIllegalArgumentException().isThrownBy(() -> acc.add(1, 3)).withMessageContaining("status");
        assertThatIllegalArgumentException().isThrownBy(() -> acc.add(1, -1)).withMessageContaining("status");
        assertThat(acc.count()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> SurvivalAccumulator.of(0)).withMessageContaining("horizonDays");
        assertThatIllegalArgumentException().isThrownBy(() -> SurvivalAccumulator.of(10, 0)).withMessageContaining("causes");
        assertThatIllegalArgumentException().isThrownBy(() -> SurvivalAccumulator.of(Integer.MAX_VALUE - 1, 3))
            .withMessageContaining("too large");
        assertThatIllegalArgumentException().isThrownBy(() -> acc.merge(SurvivalAccumulator.of(100, 1)))
            .withMessageContaining("causes");
        assertThatIllegalArgumentException().isThrownBy(() -> acc.merge(SurvivalAccumulator.of(101, 2)))
            .withMessageContaining("horizon");
        assertThatIllegalArgumentException().isThrownBy(() -> acc.cumulativeIncidence(0)).withMessageContaining("cause");
        assertThatIllegalArgumentException().isThrownBy(() -> acc.cumulativeIncidence(3)).withMessageContaining("cause");
        assertThatIllegalArgumentException().isThrownBy(() -> acc.kaplanMeier(ConfidenceTransform.LOG, 95))
            .withMessageContaining("level");
        assertThatIllegalArgumentException().isThrownBy(() -> acc.kaplanMeier(null, 0.95))
            .withMessageContaining("transform");
        SurvivalCurve km = acc.kaplanMeier();
        assertThatIllegalArgumentException().isThrownBy(() -> km.at(-1)).withMessageContaining("timeDays");
        assertThatIllegalArgumentException().isThrownBy(() -> km.at(100.5)).withMessageContaining("timeDays");
        assertThatIllegalArgumentException().isThrownBy(() -> km.at(Double.NaN)).withMessageContaining("timeDays");
        assertThatIllegalArgumentException().isThrownBy(() -> km.atEvery(0)).withMessageContaining("stepDays");
        assertThatIllegalArgumentException().isThrownBy(() -> km.atEvery(Double.NaN)).withMessageContaining("stepDays");
    }

    @Test
    void addingAllocatesNothing() {
        java.lang.management.ThreadMXBean plain = ManagementFactory.getThreadMXBean();
        assumeTrue(plain instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter available");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) plain;
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        SurvivalAccumulator acc = SurvivalAccumulator.of(HORIZON, 2);
        double[] t = COHORT.t();
        int[] s = COHORT.s();
        int mask = 4095;
        int n = 1_000_000;
        for (int round = 0; round < 2; round++) {
            // Round 0 warms up: the JIT compiling the loop may allocate a little on this thread.
            long before = bean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++) {
                acc.add(t[i & mask], s[i & mask]);
            }
            long allocated = bean.getCurrentThreadAllocatedBytes() - before;
            // The smallest object is 16 bytes, so any allocation per add would show as 16 MB; the slack
            // is for the JVM's own bookkeeping (about 1 kB seen).
            assertThat(allocated).as("bytes allocated by %d adds", n).isLessThan(64 * 1024);
        }
        assertThat(acc.count()).isEqualTo(2L * n);
    }
}
