package org.trialsim.simulator.trial.allocation;

import org.trialsim.protocol.Design;

/**
 * Hu and Zhang's doubly adaptive biased coin for two arms (Hu and Zhang 2004, Ann. Statist. 32:268–301):
 * the next patient gets the first arm with probability g(x, ρ̂), where x is the first arm's share of the
 * patients allocated so far and ρ̂ the target allocation estimated from the response rates:
 *
 * <pre>
 *   g(x, ρ) = ρ (ρ/x)^γ / (ρ (ρ/x)^γ + (1−ρ) ((1−ρ)/(1−x))^γ),   g(0, ρ) = 1, g(1, ρ) = 0 (γ &gt; 0)
 * </pre>
 *
 * <p>γ = 0 gives g = ρ̂, the sequential maximum-likelihood procedure (Melfi, Page and Geraldes 2001); a larger γ pulls
 * the allocation harder towards the target and makes its variance smaller (Hu and Zhang: asymptotically
 * n·Var(x) → ρ(1−ρ)/(1+2γ) + 2(1+γ)/(1+2γ) · σ²₃, σ²₃ the part due to estimating ρ). Pure functions; the
 * allocator ({@link ResponseAdaptiveAllocator}) supplies the estimates and the share.
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
}
