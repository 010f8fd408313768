package org.trialsim.simulator.design.escalation;

/**
 * BOIN's choice of the MTD at the end of a trial, as the BOIN package's {@code select.mtd} makes it (Liu
 * and Yuan 2015; Yan et al., J Stat Softw 2020;94(13)): levels whose data eliminate them (at least 3
 * patients and a posterior probability above 0.95 of a DLT rate above the target; every level above the
 * first such one too) are out; none is chosen if the lowest is out. Among the levels tried and not out, the
 * DLT rates are estimated as (y + 0.05)/(n + 0.1), made non-decreasing by the pool-adjacent-violators
 * algorithm weighted by the inverse of their Beta(y + 0.05, n − y + 0.05) variance, and the level whose
 * estimate is closest to the target is chosen (each estimate is first raised by 1e-10 times its rank among
 * the levels tried, which breaks ties towards the higher level below the target and the lower above it).
 */
final class BoinSelection {
    private final double target;
    private final double[] rate;
    private final double[] weight;
    private final int[] set;
    private final int[] index;

    BoinSelection(double target, int levels) {
        this.target = target;
        this.rate = new double[levels];
        this.weight = new double[levels];
        this.set = new int[levels];
        this.index = new int[levels];
    }

    /**
     * The level chosen, or 0 for none.
     *
     * @param n patients treated at each level (index 1..levels)
     * @param y patients with a DLT at each level
     */
    int select(int[] n, int[] y) {
        int levels = n.length - 1;
        int eliminatedFrom = levels + 1;
        for (int d = 1; d <= levels; d++) {
            if (n[d] >= BoinBoundaries.ELIMINATION_MIN_PATIENTS
                    && BoinBoundaries.overdoseProbability(target, n[d], y[d]) > BoinBoundaries.ELIMINATION_CUTOFF) {
                eliminatedFrom = d;
                break;
            }
        }
        int m = 0;
        for (int d = 1; d < eliminatedFrom; d++) {
            if (n[d] > 0) {
                index[m] = d;
                double yy = y[d] + 0.05;
                double nn = n[d] + 0.1;
                rate[m] = yy / nn;
                weight[m] = 1 / (yy * (n[d] - y[d] + 0.05) / (nn * nn * (nn + 1)));
                m++;
            }
        }
        if (eliminatedFrom == 1 || m == 0) {
            return 0;
        }
        pava(m);
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double distance = Math.abs(rate[i] + (i + 1) * 1e-10 - target);
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return index[best];
    }

    /**
     * The package's pool-adjacent-violators loop, step by step: while some estimate is above the next, the
     * level sets of the first such pair are pooled into their weighted mean.
     */
    private void pava(int m) {
        for (int i = 0; i < m; i++) {
            set[i] = i;
        }
        while (true) {
            int violation = -1;
            for (int i = 0; i + 1 < m; i++) {
                if (rate[i + 1] - rate[i] < 0) {
                    violation = i;
                    break;
                }
            }
            if (violation < 0) {
                return;
            }
            int first = set[violation];
            int second = set[violation + 1];
            double sum = 0;
            double weights = 0;
            for (int i = 0; i < m; i++) {
                if (set[i] == first || set[i] == second) {
                    sum += rate[i] * weight[i];
                    weights += weight[i];
                }
            }
            double pooled = sum / weights;
            for (int i = 0; i < m; i++) {
                if (set[i] == first || set[i] == second) {
                    rate[i] = pooled;
                    set[i] = first;
                }
            }
        }
    }
}
