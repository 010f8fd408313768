package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.simulator.design.escalation.DecisionRules.Decision;
import org.trialsim.simulator.design.escalation.DecisionRules.Row;

class DecisionRulesTest {

    /**
     * The "Rolling 6" column of Frankel et al., JAMA Netw Open 2020;3(5):e204787, Table 2
     * (shared/reference/published-figures.md, section 9), row by row, each range at both ends; the last
     * column is the decision when the next level is closed (too toxic, or none).
     */
    @ParameterizedTest(name = "rolling six: {0} enrolled, {1} evaluable, {2} DLT -> {3} / closed above: {4}")
    @CsvSource({
            // published row "0-5 | 0 | 0 | same dose level"
            "0, 0, 0, ENROL, ENROL",
            "5, 0, 0, ENROL, ENROL",
            // "6 | 0 | 0 | hold accrual"
            "6, 0, 0, HOLD, HOLD",
            // "1-5 | 1 | 0 | same dose level"
            "1, 1, 0, ENROL, ENROL",
            "5, 1, 0, ENROL, ENROL",
            // "6 | 1 | 0 | hold accrual"
            "6, 1, 0, HOLD, HOLD",
            // "2-5 | 2 | 0 | same dose level"
            "2, 2, 0, ENROL, ENROL",
            "5, 2, 0, ENROL, ENROL",
            // "6 | 2 | 0 | hold accrual"
            "6, 2, 0, HOLD, HOLD",
            // "3 | 3 | 0 | escalate"; closed above, the MTD needs six: enrol
            "3, 3, 0, ESCALATE, ENROL",
            // "4-5 | 3 | 0 | same dose level"
            "4, 3, 0, ENROL, ENROL",
            "5, 3, 0, ENROL, ENROL",
            // "6 | 3 | 0 | hold accrual"
            "6, 3, 0, HOLD, HOLD",
            // "4 | 4 | 0 | escalate"; closed above: enrol
            "4, 4, 0, ESCALATE, ENROL",
            // "5 | 4 | 0 | same dose level"
            "5, 4, 0, ENROL, ENROL",
            // "6 | 4 | 0 | hold accrual"
            "6, 4, 0, HOLD, HOLD",
            // "5 | 5 | 0 | escalate (or MTD)"
            "5, 5, 0, ESCALATE, DECLARE_MTD",
            // "6 | 5 | 0 | escalate (or MTD)"
            "6, 5, 0, ESCALATE, DECLARE_MTD",
            // not in the published table (the design decides at 5 evaluable); completes the grid
            "6, 6, 0, ESCALATE, DECLARE_MTD",
            // "1-5 | 1-5 | 1 | same dose level"
            "1, 1, 1, ENROL, ENROL",
            "5, 1, 1, ENROL, ENROL",
            "5, 5, 1, ENROL, ENROL",
            // "6 | 1-5 | 1 | hold accrual"
            "6, 1, 1, HOLD, HOLD",
            "6, 5, 1, HOLD, HOLD",
            // "6 | 6 | 1 | escalate"; closed above: at most 1 DLT in 6, the MTD
            "6, 6, 1, ESCALATE, DECLARE_MTD",
            // "2-6 | 2-6 | 2 | de-escalate"
            "2, 2, 2, DE_ESCALATE, DE_ESCALATE",
            "6, 2, 2, DE_ESCALATE, DE_ESCALATE",
            "6, 6, 2, DE_ESCALATE, DE_ESCALATE",
            // "any | any | 3 | de-escalate" (and more than 3)
            "3, 3, 3, DE_ESCALATE, DE_ESCALATE",
            "6, 4, 3, DE_ESCALATE, DE_ESCALATE",
            "6, 6, 6, DE_ESCALATE, DE_ESCALATE",
    })
    void rollingSixFollowsThePublishedGrid(int enrolled, int evaluable, int dlts, Decision open, Decision closed) {
        assertThat(DecisionRules.ROLLING_SIX.decide(enrolled, evaluable, dlts, false)).isEqualTo(open);
        assertThat(DecisionRules.ROLLING_SIX.decide(enrolled, evaluable, dlts, true)).isEqualTo(closed);
    }

    /** The traditional 3+3, rule by rule. */
    @ParameterizedTest(name = "3+3: {0} enrolled, {1} evaluable, {2} DLT -> {3} / closed above: {4}")
    @CsvSource({
            // filling the first cohort of three, even after a DLT
            "0, 0, 0, ENROL, ENROL",
            "2, 0, 0, ENROL, ENROL",
            "2, 2, 1, ENROL, ENROL",
            // cohort complete, answers pending: accrual suspended
            "3, 0, 0, HOLD, HOLD",
            "3, 2, 1, HOLD, HOLD",
            // 0/3: escalate; closed above: three more, since the MTD needs six
            "3, 3, 0, ESCALATE, ENROL",
            // 1/3: three more
            "3, 3, 1, ENROL, ENROL",
            // filling the second cohort
            "4, 3, 1, ENROL, ENROL",
            "5, 5, 0, ENROL, ENROL",
            "5, 4, 1, ENROL, ENROL",
            // six enrolled, answers pending
            "6, 3, 1, HOLD, HOLD",
            "6, 5, 0, HOLD, HOLD",
            // at most 1/6: escalate, or the MTD when closed above
            "6, 6, 0, ESCALATE, DECLARE_MTD",
            "6, 6, 1, ESCALATE, DECLARE_MTD",
            // two DLTs close the level at once, pending answers or not
            "2, 2, 2, DE_ESCALATE, DE_ESCALATE",
            "3, 2, 2, DE_ESCALATE, DE_ESCALATE",
            "3, 3, 3, DE_ESCALATE, DE_ESCALATE",
            "5, 4, 2, DE_ESCALATE, DE_ESCALATE",
            "6, 6, 2, DE_ESCALATE, DE_ESCALATE",
    })
    void threePlusThreeFollowsTheClassicRules(int enrolled, int evaluable, int dlts, Decision open, Decision closed) {
        assertThat(DecisionRules.THREE_PLUS_THREE.decide(enrolled, evaluable, dlts, false)).isEqualTo(open);
        assertThat(DecisionRules.THREE_PLUS_THREE.decide(enrolled, evaluable, dlts, true)).isEqualTo(closed);
    }

    @Test
    void rollingSixHasTheTwentyRowsWrittenOut() {
        // the 18 published rows, the 6/6/0 completion, and "3 or more DLTs"
        assertThat(DecisionRules.ROLLING_SIX.rows()).hasSize(20);
    }

    @Test
    void neverEnrolsASeventhPatientNorHoldsWithNothingPending() {
        for (DecisionRules rules : List.of(DecisionRules.ROLLING_SIX, DecisionRules.THREE_PLUS_THREE)) {
            for (int n = 0; n <= 6; n++) {
                for (int e = 0; e <= n; e++) {
                    for (int t = 0; t <= e; t++) {
                        for (boolean closed : new boolean[] {false, true}) {
                            Decision d = rules.decide(n, e, t, closed);
                            assertThat(d).as("%s at %d/%d/%d", rules, n, e, t).isNotNull();
                            if (d == Decision.ENROL) {
                                assertThat(n).as("%s enrols at %d/%d/%d", rules, n, e, t).isLessThan(6);
                            }
                            if (d == Decision.HOLD) {
                                assertThat(e).as("%s holds at %d/%d/%d", rules, n, e, t).isLessThan(n);
                            }
                            if (d == Decision.DECLARE_MTD) {
                                // the MTD has at most 1 DLT in 6 whatever the patients still to be seen show
                                assertThat(t + (6 - e)).as("%s declares at %d/%d/%d", rules, n, e, t).isLessThanOrEqualTo(1);
                                assertThat(closed).isTrue();
                            }
                            if (d == Decision.ESCALATE) {
                                // escalation is never undone by a pending answer: even if all pending had a
                                // DLT, the level would keep at most 1 DLT
                                assertThat(t + (n - e)).as("%s escalates at %d/%d/%d", rules, n, e, t).isLessThanOrEqualTo(1);
                            }
                            if (d == Decision.DE_ESCALATE) {
                                assertThat(t).isGreaterThanOrEqualTo(2);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void refusesATableWithAGapAnOverlapOrAnImpossibleDecision() {
        List<Row> gap = List.of(new Row("0-6", "0-6", "0-1", Decision.ENROL, Decision.ENROL));
        assertThatThrownBy(() -> new DecisionRules("gappy", gap))
                .hasMessageContaining("matches no row");

        List<Row> overlap = List.of(new Row("0-5", "0-5", "0-6", Decision.ENROL, Decision.ENROL),
                new Row("5-6", "0-6", "0-6", Decision.DE_ESCALATE, Decision.DE_ESCALATE));
        assertThatThrownBy(() -> new DecisionRules("overlapping", overlap))
                .hasMessageContaining("matches two rows");

        List<Row> seventh = List.of(new Row("0-6", "0-6", "0-6", Decision.ENROL, Decision.ENROL));
        assertThatThrownBy(() -> new DecisionRules("greedy", seventh))
                .hasMessageContaining("enrols a seventh patient");

        List<Row> idle = List.of(new Row("0-6", "0-6", "0-6", Decision.HOLD, Decision.DE_ESCALATE));
        assertThatThrownBy(() -> new DecisionRules("idle", idle))
                .hasMessageContaining("holds with no patient pending");
    }
}
