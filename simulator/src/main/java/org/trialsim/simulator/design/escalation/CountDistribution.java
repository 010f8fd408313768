package org.trialsim.simulator.design.escalation;

import java.util.List;

/**
 * How often each count (of patients, of DLTs) occurred over the simulated trials.
 *
 * @param counts counts.get(k) is the number of trials in which the count was k
 */
public record CountDistribution(List<Long> counts) {
    /** Makes an immutable copy. */
    public CountDistribution {
        counts = List.copyOf(counts);
    }

    /** The number of trials. */
    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /** The proportion of trials in which the count was k. */
    public double proportion(int k) {
        long total = total();
        return k < 0 || k >= counts.size() || total == 0 ? 0 : (double) counts.get(k) / total;
    }

    /**
     * The q-quantile: the smallest k such that at least a fraction q of the trials had a count of at
     * most k.
     *
     * @throws IllegalArgumentException unless 0 &lt;= q &lt;= 1
     */
    public int quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be within [0, 1], not " + q);
        }
        long total = total();
        long seen = 0;
        for (int k = 0; k < counts.size(); k++) {
            seen += counts.get(k);
            if (seen > 0 && seen >= q * total) {
                return k;
            }
        }
        return counts.size() - 1;
    }
}
