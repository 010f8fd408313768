package org.trialsim.simulator.design.escalation;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision grid of a dose-escalation design, as a table of rows like the published ones: what to do
 * at the current dose level given the patients enrolled there, how many of them are evaluable (their
 * DLT window is over), and how many of those had a dose-limiting toxicity (DLT). Patients still in their
 * window are pending: enrolled − evaluable.
 *
 * <p>Each row has two answers: one for when the next higher level is open, and one for when it is
 * closed because it was found too toxic or because the current level is the highest. Where the first
 * answer is "escalate", the second is "declare this level the MTD" if that is already certain, and
 * "enrol" (to reach the six patients an MTD needs) if it is not.
 *
 * <p>Every combination 0 &lt;= DLTs &lt;= evaluable &lt;= enrolled &lt;= 6 must match exactly one row,
 * "enrol" only where fewer than six are enrolled, and "hold" only where a patient is pending (otherwise
 * the trial would wait for nothing); the constructor checks all three, so a mistyped table cannot load.
 */
final class DecisionRules {
    /** What to do at the current level. */
    enum Decision {
        /** Accrual open: the next patient is enrolled at this level. */
        ENROL,
        /** Accrual suspended until a pending patient becomes evaluable. */
        HOLD,
        /** Move to the next higher level. */
        ESCALATE,
        /** This level is too toxic: close it and every level above, and move to the next lower level. */
        DE_ESCALATE,
        /** Stop: this level is the maximum tolerated dose. */
        DECLARE_MTD
    }

    /**
     * One row: ranges (inclusive) of enrolled, evaluable and DLT counts, and the two decisions.
     *
     * @param enrolled   e.g. {@code "0-5"} or {@code "6"}
     * @param evaluable  likewise
     * @param dlts       likewise
     * @param open       the decision when the next higher level is open
     * @param closed     the decision when it is too toxic or there is none
     */
    record Row(String enrolled, String evaluable, String dlts, Decision open, Decision closed) {
        boolean matches(int n, int e, int t) {
            return in(enrolled, n) && in(evaluable, e) && in(dlts, t);
        }

        private static boolean in(String range, int v) {
            int dash = range.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int hi = Integer.parseInt(dash < 0 ? range : range.substring(dash + 1));
            return v >= lo && v <= hi;
        }
    }

    /** No more than six patients are ever treated at one level, in either design. */
    static final int MAX_PER_LEVEL = 6;

    private static final Decision ENROL = Decision.ENROL;
    private static final Decision HOLD = Decision.HOLD;
    private static final Decision ESCALATE = Decision.ESCALATE;
    private static final Decision DE_ESCALATE = Decision.DE_ESCALATE;
    private static final Decision MTD = Decision.DECLARE_MTD;

    /**
     * The rolling six (Skolnik et al., J Clin Oncol 2008;26:190-195), rows as in the "Rolling 6" column
     * of Frankel et al., JAMA Netw Open 2020;3(5):e204787, Table 2 (shared/reference/published-figures.md,
     * section 9), in that order. Two to six patients can be on a level at once. The table's
     * "escalate (or MTD)" rows declare the MTD when the next level is closed: with 0 DLTs in 5 evaluable
     * (or 1 in 6) the level has at most 1 DLT in 6 whatever any sixth patient shows. Where the table says
     * "escalate" with 3 or 4 evaluable and the next level is closed, more patients are enrolled, since
     * the MTD is the highest level with at most 1 DLT in 6 whose next level was too toxic (COG's
     * definition, section 9). The row for 6 enrolled, 6 evaluable, 0 DLTs is not in the published table
     * (the design decides at 5 evaluable already); it is here so that every state has an answer.
     */
    static final DecisionRules ROLLING_SIX = new DecisionRules("rolling six", List.of(
            new Row("0-5", "0", "0", ENROL, ENROL),
            new Row("6", "0", "0", HOLD, HOLD),
            new Row("1-5", "1", "0", ENROL, ENROL),
            new Row("6", "1", "0", HOLD, HOLD),
            new Row("2-5", "2", "0", ENROL, ENROL),
            new Row("6", "2", "0", HOLD, HOLD),
            new Row("3", "3", "0", ESCALATE, ENROL),
            new Row("4-5", "3", "0", ENROL, ENROL),
            new Row("6", "3", "0", HOLD, HOLD),
            new Row("4", "4", "0", ESCALATE, ENROL),
            new Row("5", "4", "0", ENROL, ENROL),
            new Row("6", "4", "0", HOLD, HOLD),
            new Row("5", "5", "0", ESCALATE, MTD),
            new Row("6", "5", "0", ESCALATE, MTD),
            new Row("6", "6", "0", ESCALATE, MTD),
            new Row("1-5", "1-5", "1", ENROL, ENROL),
            new Row("6", "1-5", "1", HOLD, HOLD),
            new Row("6", "6", "1", ESCALATE, MTD),
            new Row("2-6", "2-6", "2", DE_ESCALATE, DE_ESCALATE),
            new Row("3-6", "3-6", "3-6", DE_ESCALATE, DE_ESCALATE)));

    /**
     * The traditional 3+3 (as described by Storer, Biometrics 1989;45:925-937, and Le Tourneau et al.,
     * J Natl Cancer Inst 2009;101:708-720, and compared with the rolling six by Skolnik 2008): cohorts of
     * three, accrual suspended until the whole cohort is evaluable. 0/3 escalates; 1/3 adds three more;
     * 1/6 escalates; two or more DLTs close the level (at once: no later result can reopen it). The MTD
     * needs six patients: a closed-above level with 0/3 gets three more, and is the MTD with at most 1/6.
     */
    static final DecisionRules THREE_PLUS_THREE = new DecisionRules("3+3", List.of(
            new Row("0-2", "0-2", "0-1", ENROL, ENROL),
            new Row("3", "0-2", "0-1", HOLD, HOLD),
            new Row("3", "3", "0", ESCALATE, ENROL),
            new Row("3", "3", "1", ENROL, ENROL),
            new Row("4-5", "0-5", "0-1", ENROL, ENROL),
            new Row("6", "0-5", "0-1", HOLD, HOLD),
            new Row("6", "6", "0-1", ESCALATE, MTD),
            new Row("2-6", "2-6", "2-6", DE_ESCALATE, DE_ESCALATE)));

    private final String name;
    private final List<Row> rows;
    /** decisions[closed ? 1 : 0][n][e][t], filled from the rows once. */
    private final Decision[][][][] decisions = new Decision[2][MAX_PER_LEVEL + 1][MAX_PER_LEVEL + 1][MAX_PER_LEVEL + 1];

    DecisionRules(String name, List<Row> rows) {
        this.name = name;
        this.rows = List.copyOf(rows);
        List<String> problems = new ArrayList<>();
        for (int n = 0; n <= MAX_PER_LEVEL; n++) {
            for (int e = 0; e <= n; e++) {
                for (int t = 0; t <= e; t++) {
                    Row match = null;
                    for (Row row : rows) {
                        if (row.matches(n, e, t)) {
                            if (match != null) {
                                problems.add(state(n, e, t) + " matches two rows");
                            }
                            match = row;
                        }
                    }
                    if (match == null) {
                        problems.add(state(n, e, t) + " matches no row");
                        continue;
                    }
                    for (Decision d : new Decision[] {match.open(), match.closed()}) {
                        if (d == ENROL && n >= MAX_PER_LEVEL) {
                            problems.add(state(n, e, t) + " enrols a seventh patient");
                        }
                        if (d == HOLD && e == n) {
                            problems.add(state(n, e, t) + " holds with no patient pending");
                        }
                    }
                    decisions[0][n][e][t] = match.open();
                    decisions[1][n][e][t] = match.closed();
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the " + name + " decision table is wrong: " + String.join("; ", problems));
        }
    }

    /**
     * The decision at a level.
     *
     * @param enrolled  patients treated at the level
     * @param evaluable those whose DLT window is over
     * @param dlts      those of the evaluable with a DLT
     * @param closed    whether the next higher level is too toxic or there is none
     */
    Decision decide(int enrolled, int evaluable, int dlts, boolean closed) {
        return decisions[closed ? 1 : 0][enrolled][evaluable][dlts];
    }

    /** The rows, in order. */
    List<Row> rows() {
        return rows;
    }

    @Override
    public String toString() {
        return name;
    }

    private static String state(int n, int e, int t) {
        return "(enrolled " + n + ", evaluable " + e + ", DLTs " + t + ")";
    }
}
