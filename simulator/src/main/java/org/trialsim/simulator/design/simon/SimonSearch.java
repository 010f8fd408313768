package org.trialsim.simulator.design.simon;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.trialsim.protocol.Range;

/**
 * Finds Simon two-stage designs by exact enumeration: for every total size n up to a maximum, the
 * design with the smallest expected sample size under p0 among those with type I error at most alpha
 * and power at least 1 − beta, all computed from exact binomial probabilities.
 *
 * <pre>{@code
 * SimonSearchResult result = SimonSearch.of(0.2, 0.4, 0.05, 0.2).run();
 * result.minimax().design();   // 4/18, 10/33
 * }</pre>
 *
 * <p>From those per-n bests it reports Simon's optimal design (smallest EN(p0); ties go to the smaller
 * n), the minimax design (smallest n; ties go to the smaller EN(p0)), and the admissible designs
 * between them: those that minimise q·n + (1 − q)·EN(p0) for some weight q in [0, 1] (Jung, Lee, Kim
 * &amp; George, "Admissible two-stage designs for phase II cancer clinical trials", Stat Med
 * 2004;23:561-569), which are the lower convex hull of the points (n, EN(p0)).
 *
 * <p>How the search is kept fast: binomial probabilities are tabulated once per response rate; for given
 * n1, r1 and n the final bound r that matters is the smallest meeting the type I error (it has the most
 * power; all r share n and EN), found by bisection since the type I error falls as r grows; for given
 * n1 the expected size grows as r1 falls, so r1 is tried downwards from the largest value that could
 * still have the power ({@code P(X1 > r1 | p1) >= 1 - beta}) and the loop stops at the first
 * admissible r1 or once it cannot beat the best design found for that n. No total size below the one
 * the most powerful single-stage test needs (Neyman–Pearson, randomized) can work, so the search
 * starts there.
 */
public final class SimonSearch {
    /**
     * The largest total size searched unless told otherwise is the larger of this and
     * {@link #DEFAULT_MAX_N_FACTOR} times the single-stage size. Over a grid of 656 settings (p0 from
     * 0.01 to 0.8, p1 − p0 from 0.1 to 0.3, alpha from 0.01 to 0.2, beta from 0.05 to 0.3) searched to
     * four times the single-stage size, the optimal design's n never exceeded 75% of that default.
     */
    public static final int DEFAULT_MAX_N = 100;
    /** See {@link #DEFAULT_MAX_N}. */
    public static final int DEFAULT_MAX_N_FACTOR = 2;
    /** The largest total size that can be searched: the protocol's bound on a two-stage design, docs/limits.md. */
    public static final int LIMIT_N = Range.MAX_TWO_STAGE_N;

    private final double p0;
    private final double p1;
    private final double alpha;
    private final double beta;
    private final int maxN;

    private SimonSearch(double p0, double p1, double alpha, double beta, int maxN) {
        this.p0 = p0;
        this.p1 = p1;
        this.alpha = alpha;
        this.beta = beta;
        this.maxN = maxN;
    }

    /**
     * A search for designs that test p0 against p1 with type I error at most {@code alpha} and power
     * at least {@code 1 - beta}.
     *
     * @param p0    the uninteresting response rate, in (0, 1)
     * @param p1    the interesting response rate, in (p0, 1)
     * @param alpha the type I error, in (0, 0.5)
     * @param beta  the type II error, in (0, 0.5)
     * @throws IllegalArgumentException if an argument is out of range or NaN
     */
    public static SimonSearch of(double p0, double p1, double alpha, double beta) {
        if (!(p0 > 0 && p0 < 1)) {
            throw new IllegalArgumentException("p0 must be above 0 and below 1, not " + p0);
        }
        if (!(p1 > 0 && p1 < 1)) {
            throw new IllegalArgumentException("p1 must be above 0 and below 1, not " + p1);
        }
        if (!(p1 > p0)) {
            throw new IllegalArgumentException("p1 (" + p1 + ") must be above p0 (" + p0 + ")");
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be above 0 and below 0.5, not " + alpha);
        }
        if (!(beta > 0 && beta < 0.5)) {
            throw new IllegalArgumentException("beta must be above 0 and below 0.5, not " + beta);
        }
        int bound = singleStageSize(p0, p1, alpha, beta);
        long defaultMax = Math.max(DEFAULT_MAX_N, (long) DEFAULT_MAX_N_FACTOR * bound);
        return new SimonSearch(p0, p1, alpha, beta, (int) Math.min(LIMIT_N, defaultMax));
    }

    /**
     * The same search over total sizes up to {@code maxN}.
     *
     * @throws IllegalArgumentException unless 2 &lt;= maxN &lt;= {@link #LIMIT_N}
     */
    public SimonSearch maxN(int maxN) {
        if (!(maxN >= 2 && maxN <= LIMIT_N)) {
            throw new IllegalArgumentException("maxN must be between 2 and " + LIMIT_N + ", not " + maxN);
        }
        return new SimonSearch(p0, p1, alpha, beta, maxN);
    }

    /** The largest total size searched. */
    public int maxN() {
        return maxN;
    }

    /**
     * The smallest n at which the most powerful level-alpha test of p0 against p1 on n patients (a
     * single-stage randomized test on the number of responses, by the Neyman–Pearson lemma) has power
     * at least 1 − beta. No two-stage design with total size n can do better than that test (it is a
     * test on the same n patients), so no design with a smaller n exists. Returns {@link #LIMIT_N} + 1
     * if even that size is not enough.
     */
    static int singleStageSize(double p0, double p1, double alpha, double beta) {
        for (int n = 1; n <= LIMIT_N; n++) {
            BinomialDistribution d0 = BinomialDistribution.of(n, p0);
            BinomialDistribution d1 = BinomialDistribution.of(n, p1);
            // smallest c with P0(X > c) <= alpha, then randomize at X = c to spend the rest of alpha
            int c = d0.inverseSurvivalProbability(alpha);
            while (c > 0 && d0.survivalProbability(c - 1) <= alpha) {
                c--;
            }
            while (d0.survivalProbability(c) > alpha) {
                c++;
            }
            double atC = d0.probability(c);
            double gamma = atC > 0 ? (alpha - d0.survivalProbability(c)) / atC : 0;
            double power = d1.survivalProbability(c) + gamma * d1.probability(c);
            if (power >= 1 - beta) {
                return n;
            }
        }
        return LIMIT_N + 1;
    }

    /**
     * Runs the search.
     *
     * @throws IllegalArgumentException if no design with total size up to {@link #maxN()} meets the
     *                                  error rates; the message says how large n must at least be
     */
    public SimonSearchResult run() {
        int lower = singleStageSize(p0, p1, alpha, beta);
        if (lower > maxN) {
            throw new IllegalArgumentException(noDesign(lower));
        }
        BinomialTable t0 = new BinomialTable(p0, maxN);
        BinomialTable t1 = new BinomialTable(p1, maxN);
        double[] bestEn = new double[maxN + 1];
        SimonDesign[] best = new SimonDesign[maxN + 1];
        int minimaxN = -1;
        for (int n = Math.max(2, lower); n <= maxN; n++) {
            best[n] = bestForSize(n, t0, t1);
            bestEn[n] = best[n] == null ? Double.POSITIVE_INFINITY : expectedSize(best[n], t0);
            if (minimaxN < 0 && best[n] != null) {
                minimaxN = n;
            }
        }
        if (minimaxN < 0) {
            throw new IllegalArgumentException(noDesign(maxN + 1));
        }
        int optimalN = minimaxN;
        for (int n = minimaxN; n <= maxN; n++) {
            if (bestEn[n] < bestEn[optimalN]) {
                optimalN = n;
            }
        }
        List<Integer> hull = lowerHull(bestEn, minimaxN, optimalN);
        // tie[i]: the weight q at which hull designs i and i + 1 have equal q n + (1 - q) EN; design i
        // is best for q between tie[i] and tie[i - 1] (the hull is convex, so the ties fall as n grows)
        double[] tie = new double[hull.size()];
        for (int i = 0; i + 1 < hull.size(); i++) {
            int a = hull.get(i);
            int b = hull.get(i + 1);
            double s = (bestEn[a] - bestEn[b]) / (b - a);
            tie[i] = s / (1 + s);
        }
        List<SimonSearchResult.Candidate> admissible = new ArrayList<>(hull.size());
        for (int i = 0; i < hull.size(); i++) {
            SimonDesign d = best[hull.get(i)];
            double qHigh = i == 0 ? 1 : tie[i - 1];
            double qLow = i + 1 == hull.size() ? 0 : tie[i];
            admissible.add(new SimonSearchResult.Candidate(d, d.evaluate(p0), d.evaluate(p1), qLow, qHigh));
        }
        return new SimonSearchResult(p0, p1, alpha, beta, maxN, lower, admissible);
    }

    private String noDesign(int atLeast) {
        return "no two-stage design with n <= " + maxN + " has type I error <= " + alpha + " and power >= " + (1 - beta)
                + " for p0 = " + p0 + " against p1 = " + p1 + "; a design needs n >= " + atLeast
                + (atLeast > LIMIT_N ? ", more than the " + LIMIT_N + " that can be searched" : ": raise maxN");
    }

    /**
     * The sizes from minimax to optimal on the lower convex hull of (n, EN): each one is best for some
     * weight q. Walks from the minimax size and keeps the hull convex (Andrew's monotone chain).
     */
    private static List<Integer> lowerHull(double[] en, int from, int to) {
        List<Integer> hull = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            if (Double.isInfinite(en[n])) {
                continue;
            }
            while (hull.size() >= 2) {
                int a = hull.get(hull.size() - 2);
                int b = hull.get(hull.size() - 1);
                // b is on the hull only if the turn a -> b -> n is strictly convex
                double cross = (b - a) * (en[n] - en[a]) - (en[b] - en[a]) * (n - a);
                if (cross <= 0) {
                    hull.remove(hull.size() - 1);
                } else {
                    break;
                }
            }
            hull.add(n);
        }
        return hull;
    }

    private static double expectedSize(SimonDesign d, BinomialTable t0) {
        return d.n1() + t0.sf(d.n1(), d.r1()) * (d.n() - d.n1());
    }

    /**
     * The design with total size n that meets the error rates with the smallest EN(p0), or null.
     * Ties go to the smaller n1, then the larger r1.
     */
    private SimonDesign bestForSize(int n, BinomialTable t0, BinomialTable t1) {
        double power = 1 - beta;
        double bestEn = Double.POSITIVE_INFINITY;
        SimonDesign best = null;
        for (int n1 = 1; n1 < n; n1++) {
            // the power is at most P(X1 > r1 | p1), which falls as r1 grows
            int r1 = n1 - 1;
            while (r1 >= 0 && t1.sf(n1, r1) < power) {
                r1--;
            }
            for (; r1 >= 0; r1--) {
                double en = n1 + t0.sf(n1, r1) * (n - n1);
                if (!(en < bestEn)) {
                    break;
                }
                int r = smallestR(r1, n1, n, t0);
                if (r < 0) {
                    // a smaller r1 only raises the type I error
                    break;
                }
                if (t1.reject(r1, n1, r, n) >= power) {
                    bestEn = en;
                    best = new SimonDesign(r1, n1, r, n);
                    break;
                }
            }
        }
        return best;
    }

    /** The smallest r in [r1, n - 1] whose type I error is at most alpha, or -1 if none. */
    private int smallestR(int r1, int n1, int n, BinomialTable t0) {
        int lo = r1;
        int hi = n - 1;
        if (t0.reject(r1, n1, hi, n) > alpha) {
            return -1;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t0.reject(r1, n1, mid, n) <= alpha) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
