package org.trialsim.simulator.engine;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialsim.protocol.Distribution;

/**
 * Draws a covariate value in the state vector's encoding: a number as itself, a category as the index
 * of its level, a yes/no value as 0 or 1. Built once from a {@link Distribution}; stateless.
 */
abstract class ValueSampler {

    /** Draws a value; {@code state} holds the covariates drawn before this one. */
    abstract double sample(Draws draws, double[] state);

    /**
     * The same as {@code sampler.sample(draws, state)}, for the loop over a patient's covariates. Called
     * through the class, {@code sample} sees every kind of sampler at one call site and compiles to a
     * call the JIT cannot inline; testing the (final) classes here, most frequent first, turns it into
     * a type comparison and an inlined body.
     */
    static double draw(ValueSampler sampler, Draws draws, double[] state) {
        if (sampler instanceof TwoLevels t) {
            return t.sample(draws, state);
        }
        if (sampler instanceof Discrete d) {
            return d.sample(draws, state);
        }
        if (sampler instanceof TruncatedNormal n) {
            return n.sample(draws, state);
        }
        if (sampler instanceof Histogram h) {
            return h.sample(draws, state);
        }
        if (sampler instanceof Uniform u) {
            return u.sample(draws, state);
        }
        return sampler.sample(draws, state);
    }

    /**
     * Compiles a distribution.
     *
     * @param slotOf the state slot of a covariate, for conditional distributions
     * @param levelsOf the levels of a categorical covariate, for conditional distributions
     */
    static ValueSampler of(Distribution d, java.util.function.ToIntFunction<String> slotOf,
                           java.util.function.Function<String, List<String>> levelsOf) {
        if (d instanceof Distribution.Categorical c) {
            return discrete(cumulative(List.copyOf(c.probabilities().values())));
        }
        if (d instanceof Distribution.Bernoulli b) {
            return discrete(new double[] {1 - b.probability(), 1});
        }
        if (d instanceof Distribution.Constant c) {
            return new Constant(c.value());
        }
        if (d instanceof Distribution.Uniform u) {
            return new Uniform(u.min(), u.max());
        }
        if (d instanceof Distribution.Normal n) {
            return TruncatedNormal.of(n.mean(), n.sd(), n.min(), n.max(), false);
        }
        if (d instanceof Distribution.LogNormal n) {
            return TruncatedNormal.of(Math.log10(n.median()), n.log10Sd(),
                    n.min() == null || n.min() <= 0 ? null : Math.log10(n.min()),
                    n.max() == null ? null : Math.log10(n.max()), true);
        }
        if (d instanceof Distribution.Histogram h) {
            double[] breaks = h.breaks().stream().mapToDouble(Double::doubleValue).toArray();
            return new Histogram(breaks, cumulative(h.probabilities()));
        }
        Distribution.Conditional c = (Distribution.Conditional) d;
        List<String> levels = levelsOf.apply(c.on());
        ValueSampler[] cases = new ValueSampler[levels.size()];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = of(c.cases().get(levels.get(i)), slotOf, levelsOf);
        }
        return new Conditional(slotOf.applyAsInt(c.on()), cases);
    }

    private static ValueSampler discrete(double[] cumulative) {
        return cumulative.length == 2 ? new TwoLevels(cumulative[0]) : new Discrete(cumulative);
    }

    private static double[] cumulative(List<Double> p) {
        double[] c = new double[p.size()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += p.get(i);
            c[i] = sum;
        }
        c[c.length - 1] = 1; // validation allows a rounding error of 1e-6 in the sum
        return c;
    }

    /**
     * The index i with cumulative[i-1] ≤ u < cumulative[i] (the last if none): the number of cumulative
     * probabilities at or below u, which are a prefix of the non-decreasing array. Counted without
     * jumps, where a search would mispredict on about every other random draw.
     */
    static int index(double[] cumulative, double u) {
        int i = 0;
        for (int k = 0; k < cumulative.length - 1; k++) {
            i += u >= cumulative[k] ? 1 : 0;
        }
        return i;
    }

    /** A level index (categorical) or 0/1 (Bernoulli) from one uniform. */
    static final class Discrete extends ValueSampler {
        private final double[] cumulative;

        Discrete(double[] cumulative) {
            this.cumulative = cumulative;
        }

        @Override
        double sample(Draws draws, double[] state) {
            return index(cumulative, draws.uniform());
        }
    }

    /**
     * A yes/no value or a category of two levels: the same index as {@link Discrete}'s (1 when the
     * uniform is at or above the first level's probability) without its loop, for the commonest kind
     * of covariate.
     */
    static final class TwoLevels extends ValueSampler {
        private final double first;

        TwoLevels(double first) {
            this.first = first;
        }

        @Override
        double sample(Draws draws, double[] state) {
            return draws.uniform() >= first ? 1 : 0;
        }
    }

    static final class Constant extends ValueSampler {
        private final double value;

        Constant(double value) {
            this.value = value;
        }

        double value() {
            return value;
        }

        @Override
        double sample(Draws draws, double[] state) {
            return value;
        }
    }

    static final class Uniform extends ValueSampler {
        private final double min;
        private final double width;

        Uniform(double min, double max) {
            this.min = min;
            this.width = max - min;
        }

        @Override
        double sample(Draws draws, double[] state) {
            return min + width * draws.uniform();
        }
    }

    /** Piecewise uniform: one uniform picks the bin and, rescaled, the place within it. */
    static final class Histogram extends ValueSampler {
        private final double[] breaks;
        private final double[] cumulative;

        Histogram(double[] breaks, double[] cumulative) {
            this.breaks = breaks;
            this.cumulative = cumulative;
        }

        @Override
        double sample(Draws draws, double[] state) {
            double u = draws.uniform();
            int i = index(cumulative, u);
            double low = i == 0 ? 0 : cumulative[i - 1];
            double within = cumulative[i] > low ? (u - low) / (cumulative[i] - low) : 0.5;
            return breaks[i] + within * (breaks[i + 1] - breaks[i]);
        }
    }

    /**
     * A normal (or, on the log10 scale, log-normal) distribution truncated to [min, max]: by rejection
     * from the Ziggurat sampler when most of the mass lies within the bounds; by inverting the
     * distribution function when the bounds hold the mean between them; otherwise, when the interval
     * lies in one tail, by rejection from an exponential proposal (Robert 1995, "Simulation of truncated
     * normal variables", Statistics and Computing 5:121-125), which is exact however far out the
     * interval is, where the distribution function's values round to 0 or 1.
     */
    static final class TruncatedNormal extends ValueSampler {
        private final double mean;
        private final double sd;
        private final double min;
        private final double max;
        private final boolean log10;
        private final NormalDistribution inverse; // the bounds hold the mean: inversion; else null
        private final Tail tail;                   // the interval lies in one tail; else null

        private TruncatedNormal(double mean, double sd, double min, double max, boolean log10, NormalDistribution inverse, Tail tail) {
            this.mean = mean;
            this.sd = sd;
            this.min = min;
            this.max = max;
            this.log10 = log10;
            this.inverse = inverse;
            this.tail = tail;
        }

        static TruncatedNormal of(double mean, double sd, Double min, Double max, boolean log10) {
            double lo = min == null ? Double.NEGATIVE_INFINITY : min;
            double hi = max == null ? Double.POSITIVE_INFINITY : max;
            if (sd == 0) {
                return new TruncatedNormal(Math.min(Math.max(mean, lo), hi), 0, lo, hi, log10, null, null);
            }
            NormalDistribution normal = NormalDistribution.of(mean, sd);
            double mass = normal.cumulativeProbability(hi) - normal.cumulativeProbability(lo);
            if (mass > 0.5) {
                return new TruncatedNormal(mean, sd, lo, hi, log10, null, null);
            }
            if (lo < mean && mean < hi) {
                return new TruncatedNormal(mean, sd, lo, hi, log10, normal, null);
            }
            // above the mean as it is, or below it reflected about the mean
            Tail tail = lo >= mean ? new Tail(lo, 1, (lo - mean) / sd, (hi - lo) / sd, sd)
                    : new Tail(hi, -1, (mean - hi) / sd, (hi - lo) / sd, sd);
            return new TruncatedNormal(mean, sd, lo, hi, log10, null, tail);
        }

        @Override
        double sample(Draws draws, double[] state) {
            double x;
            if (sd == 0) {
                x = mean;
            } else if (tail != null) {
                x = Math.min(Math.max(tail.sample(draws), min), max);
            } else if (inverse == null) {
                do {
                    x = mean + sd * draws.gaussian();
                } while (x < min || x > max);
            } else {
                double pLo = inverse.cumulativeProbability(min);
                double pHi = inverse.cumulativeProbability(max);
                x = inverse.inverseCumulativeProbability(pLo + (pHi - pLo) * draws.uniform());
                x = Math.min(Math.max(x, min), max);
            }
            return log10 ? Math.pow(10, x) : x;
        }
    }

    /**
     * A standard normal Z truncated to [a, a + width], a &gt;= 0, drawn as a + W: the proposal W is
     * exponential with rate alpha = (a + sqrt(a² + 4)) / 2, truncated to [0, width] and drawn by
     * inversion, accepted with probability exp(-((W - d)² - m²) / 2), where d = alpha - a and m is the
     * distance from alpha to the interval (the largest the density ratio gets on it). Everything is kept
     * relative to the bound, so that nothing overflows or cancels however large a is (d = 2 / (a +
     * sqrt(a² + 4)) without subtraction; a = +∞, when the standard deviation is tiny beside the distance
     * to the bound, puts every draw on the bound, which is exact to double precision). The value is
     * {@code bound + direction · sd · W}.
     */
    private static final class Tail {
        private final double bound;
        private final double direction;
        private final double sd;
        private final double width;
        private final double alpha;
        private final double d;
        private final double m;
        /** exp(-alpha · width) - 1: the inversion of the truncated exponential. */
        private final double truncation;

        Tail(double bound, double direction, double a, double width, double sd) {
            this.bound = bound;
            this.direction = direction;
            this.sd = sd;
            this.width = width;
            this.d = 1 / (a / 2 + Math.hypot(a / 2, 1));
            this.alpha = a + d;
            this.m = Math.max(0, d - width);
            this.truncation = Math.expm1(-alpha * width);
        }

        double sample(Draws draws) {
            double w;
            double u;
            do {
                w = -Math.log1p(draws.uniform() * truncation) / alpha;
                u = draws.uniform();
            } while (!(u <= Math.exp(-0.5 * ((w - d) * (w - d) - m * m))) || w > width);
            return bound + direction * sd * w;
        }
    }

    /** A distribution chosen by the level of an earlier covariate. */
    static final class Conditional extends ValueSampler {
        private final int slot;
        private final ValueSampler[] cases;

        Conditional(int slot, ValueSampler[] cases) {
            this.slot = slot;
            this.cases = cases;
        }

        @Override
        double sample(Draws draws, double[] state) {
            return draw(cases[(int) state[slot]], draws, state);
        }
    }

}
