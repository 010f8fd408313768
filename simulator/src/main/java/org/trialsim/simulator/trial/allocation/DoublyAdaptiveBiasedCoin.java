package org.trialsim.simulator.trial.allocation;

import org.trialsim.protocol.Design;

/**
 * Hu and Zhang's doubly adaptive biased coin (Hu and Zhang 2004, "Asymptotic properties of doubly adaptive biased
 * coin designs for multitreatment clinical trials", Ann. Statist. 32:268–301): the next patient gets arm k with
 * probability g_k(x, ρ̂), where x is the vector of the arms' shares of the patients allocated so far and ρ̂ the
 * target allocation estimated from the response rates:
 *
 * <pre>
 *   g_k(x, ρ) = ρ_k (ρ_k/x_k)^γ / Σ_j ρ_j (ρ_j/x_j)^γ
 * </pre>
 *
 * <p>For two arms, with x and ρ the first arm's shares, g(x, ρ) = ρ (ρ/x)^γ / (ρ (ρ/x)^γ + (1−ρ) ((1−ρ)/(1−x))^γ),
 * g(0, ρ) = 1, g(1, ρ) = 0 (γ &gt; 0); {@link #allocation(double, double, double)} computes it, and the
 * allocator keeps using it for two arms so that two-arm designs allocate as they always did;
 * {@link #allocation(double[], double[], double, double[])} is the K-arm function, equal to it at K = 2 up to
 * rounding.
 *
 * <p>γ = 0 gives g = ρ̂, the sequential maximum-likelihood procedure (Melfi, Page and Geraldes 2001); a larger γ pulls
 * the allocation harder towards the target and makes its variance smaller. Hu and Zhang's asymptotics for this
 * family of g: the shares N/n converge to ρ and √n(N/n − ρ) is asymptotically normal with covariance
 *
 * <pre>
 *   Σ_DBCD = Σ₁/(1+2γ) + 2(1+γ)/(1+2γ) · Σ₃,   Σ₁ = diag(ρ) − ρρᵀ,   Σ₃ = (∂ρ/∂p) V (∂ρ/∂p)ᵀ,   V = diag(p_k q_k / ρ_k)
 * </pre>
 *
 * <p>(Σ₃ the part due to estimating ρ, the lower bound of Hu, Rosenberger and Zhang 2006, reached as γ → ∞; for two
 * arms n·Var(N₁/n) → ρ(1−ρ)/(1+2γ) + 2(1+γ)/(1+2γ) · σ²₃). The formula is quoted from the paper as stated in this
 * project's two-arm documentation and checked here by simulation against the limits for two and three arms
 * (DoublyAdaptiveBiasedCoinTest), not re-derived. Pure functions; the allocator ({@link ResponseAdaptiveAllocator})
 * supplies the estimates and the shares.
 */
final class DoublyAdaptiveBiasedCoin {
    private DoublyAdaptiveBiasedCoin() {
    }

    /**
     * Hu and Zhang's allocation function g(x, ρ), the probability of the first arm.
     *
     * <p>Computed as 1 / (1 + (1−ρ)/ρ · (x(1−ρ) / (ρ(1−x)))^γ), equal to the formula above, so that the
     * γ-th power of a large ratio overflows to the right limit (g → 0) instead of to ∞/∞, and x = 0 or 1 give
     * g = 1 or 0 (γ &gt; 0) and g = ρ (γ = 0) without a special case.
     *
     * @param x     the first arm's share of the patients so far, in [0, 1]
     * @param rho   the target share of the first arm, in (0, 1)
     * @param gamma γ ≥ 0
     */
    static double allocation(double x, double rho, double gamma) {
        double odds = (x * (1 - rho)) / (rho * (1 - x));
        return 1 / (1 + (1 - rho) / rho * Math.pow(odds, gamma));
    }

    /**
     * The target share ρ_1 of the first arm for the response rates p_1 and p_2 (each in (0, 1)).
     *
     * <ul>
     *   <li>Neyman: √(p_1 q_1) / (√(p_1 q_1) + √(p_2 q_2)), the allocation that minimizes the variance of
     *   p̂_1 − p̂_2 for the total sample size;</li>
     *   <li>RSIHR: √p_1 / (√p_1 + √p_2), the allocation that minimizes the expected number of non-responders
     *   for a fixed variance of p̂_1 − p̂_2 (Rosenberger, Stallard, Ivanova, Harper and Ricks 2001).</li>
     * </ul>
     */
    static double target(Design.ResponseAdaptive.TargetAllocation target, double p1, double p2) {
        double a = target == Design.ResponseAdaptive.TargetAllocation.NEYMAN ? Math.sqrt(p1 * (1 - p1)) : Math.sqrt(p1);
        double b = target == Design.ResponseAdaptive.TargetAllocation.NEYMAN ? Math.sqrt(p2 * (1 - p2)) : Math.sqrt(p2);
        return a / (a + b);
    }

    /**
     * The K-arm targets ρ for the response rates p (each in (0, 1)), written into {@code rho}:
     *
     * <ul>
     *   <li>Neyman: ρ_k ∝ √(p_k q_k), the allocation that minimizes Σ_k p_k q_k / n_k, the sum of the variances of
     *   the arms' estimated rates, for the total n (Lagrange: p_k q_k / n_k² is the same for every arm); for two arms
     *   the variance of p̂_1 − p̂_2;</li>
     *   <li>RSIHR: ρ_k ∝ √p_k, the generalisation of Rosenberger et al.'s two-arm optimum that R's RARtrials uses for
     *   K arms ({@code dabcd_min_var}, "generalized RSIHR", with Hu and Zhang's g). It is not an optimum for
     *   K &gt; 2: the constrained optimal allocations for K arms (Tymofyeyev, Rosenberger and Hu 2007; Jeon and Hu
     *   2010), which minimize the expected non-responders subject to a power constraint and a least share, are a
     *   different thing, with no closed form.</li>
     * </ul>
     *
     * <p>For two arms ρ_1 is {@link #target(Design.ResponseAdaptive.TargetAllocation, double, double)}'s.
     */
    static void target(Design.ResponseAdaptive.TargetAllocation target, double[] p, double[] rho) {
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            rho[k] = target == Design.ResponseAdaptive.TargetAllocation.NEYMAN ? Math.sqrt(p[k] * (1 - p[k])) : Math.sqrt(p[k]);
            sum += rho[k];
        }
        for (int k = 0; k < p.length; k++) {
            rho[k] /= sum;
        }
    }

    /**
     * Hu and Zhang's K-arm allocation function g(x, ρ), written into {@code g}.
     *
     * <p>Computed on the log scale, w_k = exp(ln ρ_k + γ(ln ρ_k − ln x_k) − max), so that no power overflows.
     * γ = 0 gives ρ. With γ &gt; 0 and arms that have no patient yet (x_k = 0, where ρ_k(ρ_k/x_k)^γ is infinite) those
     * arms share the next patient in proportion to ρ_k^(1+γ), the limit of g as their shares go to 0 together, and
     * the others get none; for two arms this is g(0, ρ) = 1.
     *
     * @param x     the arms' shares of the patients so far, each in [0, 1], summing to 1
     * @param rho   the target shares, each in (0, 1), summing to 1
     * @param gamma γ ≥ 0
     * @param g     receives the probabilities
     */
    static void allocation(double[] x, double[] rho, double gamma, double[] g) {
        int k = x.length;
        if (gamma == 0) {
            System.arraycopy(rho, 0, g, 0, k);
            return;
        }
        boolean empty = false;
        for (int j = 0; j < k; j++) {
            empty |= x[j] == 0;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double log = Math.log(rho[j]);
            g[j] = empty ? (x[j] == 0 ? (1 + gamma) * log : Double.NEGATIVE_INFINITY) : log + gamma * (log - Math.log(x[j]));
            max = Math.max(max, g[j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            g[j] = Math.exp(g[j] - max);
            sum += g[j];
        }
        for (int j = 0; j < k; j++) {
            g[j] /= sum;
        }
    }
}
