package org.trialsim.simulator.design.simon;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * A two-stage design: enrol {@code n1} patients and stop for futility if {@code r1} or fewer respond;
 * otherwise enrol up to {@code n} in all and reject the null hypothesis (declare the treatment worth
 * further study) if more than {@code r} respond in all. Written r1/n1, r/n as in Simon (1989).
 *
 * @param r1 the stage 1 futility bound: stop if responses &lt;= r1
 * @param n1 the stage 1 size
 * @param r  the final bound: reject if responses &gt; r
 * @param n  the total size
 */
public record SimonDesign(int r1, int n1, int r, int n) {

    /**
     * Checks the design.
     *
     * @throws IllegalArgumentException unless 0 &lt;= r1 &lt; n1 &lt; n and r1 &lt;= r &lt; n
     */
    public SimonDesign {
        if (!(n1 >= 1)) {
            throw new IllegalArgumentException("n1 must be at least 1, not " + n1);
        }
        if (!(r1 >= 0 && r1 < n1)) {
            throw new IllegalArgumentException("r1 must be at least 0 and below n1 (" + n1 + "), not " + r1);
        }
        if (!(n > n1)) {
            throw new IllegalArgumentException("n must be above n1 (" + n1 + "), not " + n);
        }
        if (!(r >= r1 && r < n)) {
            throw new IllegalArgumentException("r must be at least r1 (" + r1 + ") and below n (" + n + "), not " + r);
        }
    }

    /** The design r1/n1, r/n; see {@link #SimonDesign(int, int, int, int)} for the checks. */
    public static SimonDesign of(int r1, int n1, int r, int n) {
        return new SimonDesign(r1, n1, r, n);
    }

    /**
     * The exact operating characteristics at the true response rate {@code p}.
     *
     * @throws IllegalArgumentException unless 0 &lt;= p &lt;= 1
     */
    public OperatingCharacteristics evaluate(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("the response rate p must be within [0, 1], not " + p);
        }
        BinomialDistribution stage1 = BinomialDistribution.of(n1, p);
        BinomialDistribution stage2 = BinomialDistribution.of(n - n1, p);
        double pet = stage1.cumulativeProbability(r1);
        // reject: X1 > r1 and X1 + X2 > r; when X1 > r stage 2 cannot change the answer
        double reject = 0;
        for (int x1 = r1 + 1; x1 <= Math.min(r, n1); x1++) {
            reject += stage1.probability(x1) * stage2.survivalProbability(r - x1);
        }
        if (r < n1) {
            reject += stage1.survivalProbability(r);
        }
        return new OperatingCharacteristics(p, pet, n1 + (1 - pet) * (n - n1), Math.min(1.0, reject));
    }

    /** The exact operating characteristics at each of the response rates, in their order. */
    public List<OperatingCharacteristics> evaluate(double... p) {
        List<OperatingCharacteristics> result = new ArrayList<>(p.length);
        for (double v : p) {
            result.add(evaluate(v));
        }
        return List.copyOf(result);
    }

    /** The design as Simon writes it, e.g. {@code 4/18, 10/33}. */
    @Override
    public String toString() {
        return r1 + "/" + n1 + ", " + r + "/" + n;
    }
}
