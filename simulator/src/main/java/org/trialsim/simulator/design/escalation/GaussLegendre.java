package org.trialsim.simulator.design.escalation;

/**
 * The n-point Gauss–Legendre rule on [−1, 1]: exact for polynomials of degree below 2n. The nodes are the
 * roots of the Legendre polynomial P_n, found by Newton's method from cos(π (i − 1/4) / (n + 1/2))
 * (Press et al., Numerical Recipes, 3rd ed., section 4.6, routine gauleg).
 */
final class GaussLegendre {
    private static final int MAX_ITERATIONS = 100;

    private final double[] nodes;
    private final double[] weights;

    /**
     * The rule with n points.
     *
     * @throws IllegalArgumentException unless 1 &lt;= n &lt;= 200
     */
    GaussLegendre(int n) {
        if (n < 1 || n > 200) {
            throw new IllegalArgumentException("n must be from 1 to 200, not " + n);
        }
        nodes = new double[n];
        weights = new double[n];
        int m = (n + 1) / 2;
        for (int i = 0; i < m; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double pp = 0;
            for (int its = 0; its < MAX_ITERATIONS; its++) {
                double p1 = 1;
                double p2 = 0;
                for (int j = 0; j < n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2.0 * j + 1) * z * p2 - j * p3) / (j + 1);
                }
                pp = n * (z * p1 - p2) / (z * z - 1);
                double z1 = z;
                z = z1 - p1 / pp;
                if (Math.abs(z - z1) <= 1e-15) {
                    break;
                }
            }
            nodes[i] = -z;
            nodes[n - 1 - i] = z;
            weights[i] = 2 / ((1 - z * z) * pp * pp);
            weights[n - 1 - i] = weights[i];
        }
        if (n % 2 == 1) {
            nodes[m - 1] = 0;
        }
    }

    int size() {
        return nodes.length;
    }

    double node(int j) {
        return nodes[j];
    }

    double weight(int j) {
        return weights[j];
    }
}
