package org.trialsim.simulator.design.escalation;

/**
 * The exact probability that the traditional 3+3 declares each level the MTD, by enumerating cohort
 * outcomes (each cohort of three has a binomial number of DLTs). Written from the textbook rules, not
 * from the decision table, as an independent check of the simulator. Which level is chosen does not
 * depend on arrival times, only on the DLT counts of the cohorts, so this is exact for the calendar-time
 * simulation too.
 *
 * <p>Rules: three patients at a level; 0/3 escalates; 1/3 gets three more and escalates with 0 more
 * DLTs; any other outcome closes the level and the one below becomes current. A current level whose
 * next level is closed, or the highest level, needs six patients with at most one DLT to be the MTD: if
 * it has only three (0/3) it gets three more; if it has none (below the start level) it gets three,
 * then three more. Closing level 1 means no MTD.
 */
final class ThreePlusThreeExact {
    private final double[] p;
    private final double[] selected;

    private ThreePlusThreeExact(double[] p) {
        this.p = p;
        this.selected = new double[p.length + 1];
    }

    /** Probabilities of declaring no MTD (index 0) and each level (1..K), for DLT probabilities p (level 1 first). */
    static double[] selectionProbabilities(double[] p, int startLevel) {
        ThreePlusThreeExact e = new ThreePlusThreeExact(p);
        // treated[d]: patients treated at level d so far (0, 3 or 6), all below the current level
        e.escalating(startLevel, new int[p.length + 1], 1.0);
        return e.selected;
    }

    /** A first cohort at level d, the next level open (unless d is the highest). */
    private void escalating(int d, int[] treated, double prob) {
        int k = p.length;
        if (d == k) {
            closedAbove(d, treated, prob);
            return;
        }
        double q = p[d - 1];
        // 0/3: escalate, level d has 3
        int[] three = treated.clone();
        three[d] = 3;
        escalating(d + 1, three, prob * b(3, 0, q));
        // 1/3, then 0/3 more: escalate, level d has 6
        int[] six = treated.clone();
        six[d] = 6;
        escalating(d + 1, six, prob * b(3, 1, q) * b(3, 0, q));
        // otherwise level d is too toxic
        double tooToxic = 1 - b(3, 0, q) - b(3, 1, q) * b(3, 0, q);
        closedAbove(d - 1, treated, prob * tooToxic);
    }

    /** Level d is current and the level above it is closed (or d is the highest level, untried). */
    private void closedAbove(int d, int[] treated, double prob) {
        if (prob == 0) {
            return;
        }
        if (d == 0) {
            selected[0] += prob;
            return;
        }
        double q = p[d - 1];
        if (treated[d] == 6) {
            // it escalated with at most 1/6
            selected[d] += prob;
        } else if (treated[d] == 3) {
            // 0/3 so far: three more, at most one DLT among them
            double ok = b(3, 0, q) + b(3, 1, q);
            selected[d] += prob * ok;
            closedAbove(d - 1, treated, prob * (1 - ok));
        } else {
            // untried: 0/3 then at most 1 more in 3, or 1/3 then 0 more in 3
            double ok = b(3, 0, q) * (b(3, 0, q) + b(3, 1, q)) + b(3, 1, q) * b(3, 0, q);
            selected[d] += prob * ok;
            closedAbove(d - 1, treated, prob * (1 - ok));
        }
    }

    /** The binomial probability of k DLTs in n patients. */
    private static double b(int n, int k, double q) {
        double c = n == 3 ? (k == 0 || k == 3 ? 1 : 3) : 1;
        return c * Math.pow(q, k) * Math.pow(1 - q, n - k);
    }
}
