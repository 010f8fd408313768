package org.trialsim.simulator.calibration;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * Nelder and Mead's simplex search for a minimum within the unit box [0, 1]^k, with a bounded number of
 * evaluations. It needs no derivatives, and works for one parameter as for several (BOBYQA needs two or
 * more), which suits an objective measured by simulation. A point the simplex would move outside the
 * box is put back on its face. The coefficients are the usual ones (reflection 1, expansion 2,
 * contraction ½, shrinking ½; Lagarias et al., SIAM J Optim 1998).
 *
 * <p>An objective may return {@link Double#POSITIVE_INFINITY} for a point it cannot evaluate; the simplex
 * moves away from it. Deterministic: the same objective and start give the same path.
 */
final class NelderMead {
    private NelderMead() {
    }

    /**
     * The best point found, its value, the evaluations made, and whether the simplex shrank below the
     * tolerance (rather than running out of evaluations).
     */
    record Result(double[] point, double value, int evaluations, boolean converged) {
    }

    /** Receives each evaluation as it is made (for progress). */
    @FunctionalInterface
    interface Listener {
        void evaluated(int evaluations);
    }

    /**
     * Minimizes f over [0, 1]^k from the start.
     *
     * @param f              the objective
     * @param start          the first point, each coordinate in [0, 1]
     * @param step           the initial simplex's edge, in (0, 1]
     * @param tolerance      stop when every vertex lies within this (in every coordinate) of the best
     * @param maxEvaluations stop after this many evaluations (at least k + 1, to build the simplex)
     * @param listener       told of each evaluation
     */
    static Result minimize(ToDoubleFunction<double[]> f, double[] start, double step, double tolerance, int maxEvaluations,
                           Listener listener) {
        int k = start.length;
        if (k == 0 || !(step > 0 && step <= 1) || !(tolerance > 0) || maxEvaluations < k + 1) {
            throw new IllegalArgumentException("no parameters, a step outside (0, 1], a tolerance not above 0, or fewer evaluations"
                    + " than the simplex has vertices");
        }
        Budget budget = new Budget(f, maxEvaluations, listener);
        double[][] x = new double[k + 1][];
        double[] fx = new double[k + 1];
        try {
            x[0] = clamp(start.clone());
            fx[0] = budget.value(x[0]);
            for (int i = 0; i < k; i++) {
                double[] v = x[0].clone();
                v[i] += v[i] + step <= 1 ? step : -step;
                x[i + 1] = clamp(v);
                fx[i + 1] = budget.value(x[i + 1]);
            }
            while (true) {
                order(x, fx);
                if (size(x) < tolerance) {
                    return budget.result(true);
                }
                double[] centroid = new double[k];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        centroid[j] += x[i][j] / k;
                    }
                }
                double[] worst = x[k];
                double[] reflected = along(centroid, worst, 1);
                double fr = budget.value(reflected);
                if (fr < fx[0]) {
                    double[] expanded = along(centroid, worst, 2);
                    double fe = budget.value(expanded);
                    replaceWorst(x, fx, fe < fr ? expanded : reflected, Math.min(fe, fr));
                } else if (fr < fx[k - 1]) {
                    replaceWorst(x, fx, reflected, fr);
                } else {
                    double[] contracted = fr < fx[k] ? along(centroid, worst, 0.5) : along(centroid, worst, -0.5);
                    double fc = budget.value(contracted);
                    if (fc < Math.min(fr, fx[k])) {
                        replaceWorst(x, fx, contracted, fc);
                    } else {
                        for (int i = 1; i <= k; i++) {
                            for (int j = 0; j < k; j++) {
                                x[i][j] = x[0][j] + 0.5 * (x[i][j] - x[0][j]);
                            }
                            fx[i] = budget.value(x[i]);
                        }
                    }
                }
            }
        } catch (Budget.Spent spent) {
            return budget.result(false);
        }
    }

    /** centroid + t·(centroid − worst), put back into the box. */
    private static double[] along(double[] centroid, double[] worst, double t) {
        double[] p = new double[centroid.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = centroid[j] + t * (centroid[j] - worst[j]);
        }
        return clamp(p);
    }

    private static double[] clamp(double[] p) {
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.min(1, Math.max(0, p[j]));
        }
        return p;
    }

    private static void replaceWorst(double[][] x, double[] fx, double[] p, double value) {
        x[x.length - 1] = p;
        fx[fx.length - 1] = value;
    }

    /** Sorts the vertices by value, ties kept in their order (a stable sort), so the search is deterministic. */
    private static void order(double[][] x, double[] fx) {
        Integer[] idx = new Integer[fx.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, Comparator.comparingDouble(i -> fx[i]));
        double[][] xs = new double[x.length][];
        double[] fs = new double[fx.length];
        for (int i = 0; i < idx.length; i++) {
            xs[i] = x[idx[i]];
            fs[i] = fx[idx[i]];
        }
        System.arraycopy(xs, 0, x, 0, x.length);
        System.arraycopy(fs, 0, fx, 0, fx.length);
    }

    /** The largest distance, in any coordinate, of a vertex from the best one. */
    private static double size(double[][] x) {
        double size = 0;
        for (int i = 1; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                size = Math.max(size, Math.abs(x[i][j] - x[0][j]));
            }
        }
        return size;
    }

    /** Counts evaluations, keeps the best point seen, and stops the search when the budget is spent. */
    private static final class Budget {
        private final ToDoubleFunction<double[]> f;
        private final int max;
        private final Listener listener;
        private int used;
        private double[] best;
        private double bestValue = Double.POSITIVE_INFINITY;

        Budget(ToDoubleFunction<double[]> f, int max, Listener listener) {
            this.f = f;
            this.max = max;
            this.listener = listener;
        }

        double value(double[] p) {
            if (used == max) {
                throw new Spent();
            }
            double v = f.applyAsDouble(p.clone());
            used++;
            listener.evaluated(used);
            if (Double.isNaN(v)) {
                v = Double.POSITIVE_INFINITY;
            }
            if (best == null || v < bestValue) {
                best = p.clone();
                bestValue = v;
            }
            return v;
        }

        Result result(boolean converged) {
            return new Result(best.clone(), bestValue, used, converged);
        }

        /** Thrown when the budget is spent: the search ends with the best point seen. */
        static final class Spent extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Spent() {
                super(null, null, false, false);
            }
        }
    }
}
