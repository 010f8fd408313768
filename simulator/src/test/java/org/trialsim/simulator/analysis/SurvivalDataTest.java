package org.trialsim.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SurvivalDataTest {
    @Test
    void countsPatientsAndEventsByArm() {
        SurvivalData data = Datasets.veteran().stratified();
        assertThat(data.size()).isEqualTo(137);
        assertThat(data.strata()).isEqualTo(4);
        assertThat(data.patients(0)).isEqualTo(69);
        assertThat(data.patients(1)).isEqualTo(68);
        assertThat(data.events(0)).isEqualTo(64);
        assertThat(data.events(1)).isEqualTo(64);
        assertThat(data.events()).isEqualTo(128);
    }

    @Test
    void inputOrderDoesNotMatter() {
        Datasets.Survival syn = Datasets.synthetic();
        int n = syn.time().length;
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        int[] arm = new int[n];
        int[] stratum = new int[n];
        for (int i = 0; i < n; i++) {
            int j = (i * 77) % n; // 77 is coprime with 200: a permutation
            time[i] = syn.time()[j];
            event[i] = syn.event()[j];
            arm[i] = syn.arm()[j];
            stratum[i] = syn.stratum()[j];
        }
        SurvivalData shuffled = SurvivalData.of(time, event, arm, stratum);
        assertThat(LogRankTest.test(shuffled)).isEqualTo(LogRankTest.test(syn.stratified()));
        assertThat(CoxModel.fit(shuffled)).isEqualTo(CoxModel.fit(syn.stratified()));
    }

    @Test
    void doesNotKeepTheCallersArrays() {
        Datasets.Survival aml = Datasets.aml();
        double[] time = aml.time().clone();
        SurvivalData data = SurvivalData.of(time, aml.event(), aml.arm());
        LogRankResult before = LogRankTest.test(data);
        java.util.Arrays.fill(time, 1);
        assertThat(LogRankTest.test(data)).isEqualTo(before);
    }

    @Test
    void rejectsInvalidInputNamingTheArgument() {
        assertThatThrownBy(() -> SurvivalData.of(new double[2], new boolean[1], new int[2]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> SurvivalData.of(new double[] {1, Double.NaN}, new boolean[2], new int[2]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time[1]");
        assertThatThrownBy(() -> SurvivalData.of(new double[] {1, Double.POSITIVE_INFINITY}, new boolean[2], new int[2]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time[1]");
        assertThatThrownBy(() -> SurvivalData.of(new double[] {-1, 1}, new boolean[2], new int[2]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time[0]");
        assertThatThrownBy(() -> SurvivalData.of(new double[] {1, 1}, new boolean[2], new int[] {0, 2}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arm[1]");
        assertThatThrownBy(() -> SurvivalData.of(new double[] {1, 1}, new boolean[2], new int[2], new int[] {0, -1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stratum[1]");
        SurvivalData data = Datasets.aml().unstratified();
        assertThatThrownBy(() -> data.events(2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arm");
    }

    @Test
    void sortedBucketsGiveTheDataOfSortingThePatients() {
        // control: censored 2, 5; events 1, 3, 3 · experimental: censored 4; events 2, 6
        SurvivalData buckets = SurvivalData.ofSortedBuckets(new double[] {2, 5, 1, 3, 3, 4, 2, 6}, new int[] {0, 2, 5, 6, 8});
        SurvivalData patients = SurvivalData.of(new double[] {3, 6, 5, 1, 4, 2, 3, 2},
            new boolean[] {true, true, false, true, false, true, true, false}, new int[] {0, 1, 0, 0, 1, 1, 0, 0});
        assertThat(buckets.events(0)).isEqualTo(3);
        assertThat(buckets.patients(1)).isEqualTo(3);
        assertThat(LogRankTest.test(buckets)).isEqualTo(LogRankTest.test(patients));
        assertThat(CoxModel.fit(buckets)).isEqualTo(CoxModel.fit(patients));
    }

    @Test
    void sortedBucketsRefuseBucketsOutOfOrderOrMisshapen() {
        assertThatThrownBy(() -> SurvivalData.ofSortedBuckets(new double[] {2, 1}, new int[] {0, 2, 2, 2, 2}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted[1]");
        assertThatThrownBy(() -> SurvivalData.ofSortedBuckets(new double[] {1, Double.NaN}, new int[] {0, 1, 2, 2, 2}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted[1]");
        assertThatThrownBy(() -> SurvivalData.ofSortedBuckets(new double[] {1, 2}, new int[] {0, 1, 2}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4S + 1");
        assertThatThrownBy(() -> SurvivalData.ofSortedBuckets(new double[] {1, 2}, new int[] {0, 2, 1, 2, 2}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decrease");
    }

    @Test
    void sortedBucketsReadFromLongerArraysAreTheDataOfTheirPrefixes() {
        double[] times = {2, 5, 1, 3, 3, 4, 2, 6, -1, Double.NaN};
        int[] starts = {0, 2, 5, 6, 8, 99, 7};
        SurvivalData prefixes = SurvivalData.ofSortedBuckets(times, 8, starts, 4);
        SurvivalData exact = SurvivalData.ofSortedBuckets(new double[] {2, 5, 1, 3, 3, 4, 2, 6}, new int[] {0, 2, 5, 6, 8});
        assertThat(prefixes.size()).isEqualTo(8);
        assertThat(CoxModel.fit(prefixes)).isEqualTo(CoxModel.fit(exact));
        times[0] = 0;
        assertThat(KaplanMeier.landmarkDifference(prefixes, 3)).isEqualTo(KaplanMeier.landmarkDifference(exact, 3));
        assertThatThrownBy(() -> SurvivalData.ofSortedBuckets(times, 7, starts, 4))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 7");
        assertThatThrownBy(() -> SurvivalData.ofSortedBuckets(times, 8, new int[] {0, 2, 5}, 4))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4S + 1");
    }

    @Test
    void reusableDataRefilledCutAfterCutAreTheDataOfEachCut() {
        SurvivalData reused = SurvivalData.reusable();
        // a larger cut, then a smaller one with two strata, then a larger one again: the table grows and shrinks in place
        double[][] times = {{2, 5, 1, 3, 3, 4, 2, 6, 9, 9}, {1, 2, 3, 1, 2, 5, 0.5, 4}, {1, 2, 3, 4, 5, 6, 1.5, 7, 2.5, 3.5, 4.5, 5.5}};
        int[][] starts = {{0, 2, 5, 6, 8, 7}, {0, 1, 2, 2, 3, 4, 5, 6, 8}, {0, 2, 6, 8, 12}};
        int[] sizes = {8, 8, 12};
        int[] buckets = {4, 8, 4};
        for (int c = 0; c < times.length; c++) {
            SurvivalData fresh = SurvivalData.ofSortedBuckets(times[c], sizes[c], starts[c], buckets[c]);
            assertThat(reused.refill(times[c], sizes[c], starts[c], buckets[c])).isSameAs(reused);
            assertThat(reused.size()).isEqualTo(fresh.size());
            assertThat(reused.strata()).isEqualTo(fresh.strata());
            assertThat(reused.events(1)).isEqualTo(fresh.events(1));
            assertThat(reused.patients(0)).isEqualTo(fresh.patients(0));
            assertThat(LogRankTest.test(reused)).isEqualTo(LogRankTest.test(fresh));
            assertThat(CoxModel.fit(reused)).isEqualTo(CoxModel.fit(fresh));
            assertThat(CoxModel.estimate(reused)).isEqualTo(CoxModel.estimate(fresh));
            assertThat(KaplanMeier.landmarkDifference(reused, 3)).isEqualTo(KaplanMeier.landmarkDifference(fresh, 3));
        }
    }

    @Test
    void onlyReusableDataCanBeRefilled() {
        SurvivalData data = SurvivalData.ofSortedBuckets(new double[] {1, 2}, new int[] {0, 1, 2, 2, 2});
        assertThatThrownBy(() -> data.refill(new double[] {1, 2}, 2, new int[] {0, 1, 2, 2, 2}, 4))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("reusable");
        assertThatThrownBy(() -> SurvivalData.reusable().refill(new double[] {1, 2}, 2, new int[] {0, 1, 2}, 4))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4S + 1");
    }
}
