package org.trialsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.Erfcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Distribution;

/**
 * Truncated normal (and log-normal) covariates follow the exact truncated distribution, however far
 * into a tail the bounds are: each case draws N values and compares them with the exact distribution
 * function by the Kolmogorov–Smirnov distance, and their mean with the exact mean of the truncated
 * normal.
 *
 * <p>The reference is computed independently of the sampler, from the scaled complementary error
 * function (Commons Numbers' Erfcx): the upper tail of the standard normal is Q(t) = φ(t)·R(t) with
 * Mills' ratio R(t) = √(π/2)·erfcx(t/√2), and ratios of tails are formed from ratios of R and of φ,
 * which stay finite where Q itself underflows (Q(90) ≈ 1e-1762).
 *
 * <p>False failures: by the Dvoretzky–Kiefer–Wolfowitz inequality, P(D &gt; ε) ≤ 2·exp(-2Nε²), so the
 * KS bound ε = √(ln(2/1e-6) / 2N) fails a correct sampler with probability below 1e-6; the mean is
 * allowed 5 Monte Carlo standard errors (exact variance), a chance of about 6e-7. With 12 cases, the
 * whole test fails falsely with probability below 2e-5. Seeds are fixed, so a run is reproducible.
 */
class TruncatedNormalTest {
    private static final int N = 100_000;
    private static final double KS_BOUND = Math.sqrt(Math.log(2 / 1e-6) / (2.0 * N));

    private static double[] draw(Distribution d, long seed) {
        ValueSampler sampler = ValueSampler.of(d, name -> 0, name -> null);
        Draws draws = new Draws().reset(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = sampler.sample(draws, new double[0]);
        }
        return x;
    }

    /** Mills' ratio Q(t)/φ(t), for any real t. */
    private static double mills(double t) {
        return Math.sqrt(Math.PI / 2) * Erfcx.value(t / Math.sqrt(2));
    }

    /**
     * The standard normal truncated to [a, b], 0 ≤ a &lt; b ≤ ∞ (the upper tail; a lower one is its
     * mirror image): its distribution function, mean and variance, each from tail ratios relative to a.
     */
    private record UpperTail(double a, double b) {
        /** Q(t)/Q(a) = exp(-(t² - a²)/2) · R(t)/R(a), computed as exp(-(t - a)(t + a)/2) to keep precision. */
        double tailRatio(double t) {
            return t == Double.POSITIVE_INFINITY ? 0 : Math.exp(-(t - a) * (t + a) / 2) * mills(t) / mills(a);
        }

        double cdf(double z) {
            return (1 - tailRatio(z)) / (1 - tailRatio(b));
        }

        /** E[Z] = (φ(a) - φ(b)) / (Q(a) - Q(b)), divided through by φ(a). */
        double mean() {
            double phiRatio = b == Double.POSITIVE_INFINITY ? 0 : Math.exp(-(b - a) * (b + a) / 2);
            return (1 - phiRatio) / (mills(a) * (1 - tailRatio(b)));
        }

        /** Var[Z] = 1 + (aφ(a) - bφ(b)) / (Q(a) - Q(b)) - E[Z]², divided through by φ(a). */
        double variance() {
            double bPhiRatio = b == Double.POSITIVE_INFINITY ? 0 : b * Math.exp(-(b - a) * (b + a) / 2);
            double mu = mean();
            return 1 + (a - bPhiRatio) / (mills(a) * (1 - tailRatio(b))) - mu * mu;
        }
    }

    /** The largest distance between the sample's distribution function and the exact one. */
    private static double ksDistance(double[] z, UpperTail exact) {
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        double d = 0;
        for (int i = 0; i < sorted.length; i++) {
            double f = exact.cdf(sorted[i]);
            d = Math.max(d, Math.max((i + 1.0) / sorted.length - f, f - (double) i / sorted.length));
        }
        return d;
    }

    /**
     * Each case: a normal or log-normal covariate and where it lies on the standard scale, as an upper
     * tail [a, b] after reflecting a lower one (mirror = -1) and taking log10 for a log-normal.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the issue's case: 90 to 91 sd above the mean  | normal    | 10 | 1    | 100      | 101      | 90    | 91       | 1
            one-sided, 40 sd above                        | normal    | 0  | 1    | 40       |          | 40    | Infinity | 1
            one-sided, 40 sd below                        | normal    | 0  | 1    |          | -40      | 40    | Infinity | -1
            two-sided below the mean, far out             | normal    | 0  | 2    | -1000    | -600     | 300   | 500      | -1
            a thin slice far out                          | normal    | 0  | 1    | 50       | 50.001   | 50    | 50.001   | 1
            from the mean up                              | normal    | 5  | 2    | 5        |          | 0     | Infinity | 1
            a moderate tail                               | normal    | 0  | 1    | 1        | 3        | 1     | 3        | 1
            a thin slice just above the mean              | normal    | 0  | 1    | 0.001    | 0.01     | 0.001 | 0.01     | 1
            log-normal, 100 sd above on the log scale     | lognormal | 1  | 0.1  | 1e10     |          | 100   | Infinity | 1
            log-normal, below the median                  | lognormal | 1  | 1    | 1e-3     | 1e-2     | 2     | 3        | -1
            """)
    void followsTheExactTruncatedDistribution(String name, String type, double center, double spread, Double min, Double max,
                                              double a, double b, int mirror) {
        Distribution d = type.equals("normal") ? new Distribution.Normal(center, spread, min, max)
                : new Distribution.LogNormal(center, spread, min, max);
        double[] x = draw(d, 7);
        double location = type.equals("normal") ? center : Math.log10(center);
        double[] z = Arrays.stream(x).map(v -> mirror * ((type.equals("normal") ? v : Math.log10(v)) - location) / spread).toArray();
        UpperTail exact = new UpperTail(a, b);
        for (double v : x) {
            assertThat(v).isBetween(min == null ? Double.NEGATIVE_INFINITY : min, max == null ? Double.POSITIVE_INFINITY : max);
        }
        assertThat(Arrays.stream(x).distinct().count()).as("not all on a bound").isGreaterThan(N / 2);
        assertThat(ksDistance(z, exact)).as("Kolmogorov–Smirnov distance").isLessThan(KS_BOUND);
        double mean = Arrays.stream(z).average().orElseThrow();
        double se = Math.sqrt(exact.variance() / N);
        assertThat(mean).as("mean on the standard scale (exact %s)", exact.mean()).isCloseTo(exact.mean(), org.assertj.core.data.Offset.offset(5 * se));
    }

    @Test
    void theIssuesCaseIsNoLongerAlwaysTheUpperBound() {
        double[] x = draw(new Distribution.Normal(10.0, 1.0, 100.0, 101.0), 1);
        // the truncated distribution has its mass within about 1/90 of the lower bound: mean 100 + 0.0111
        assertThat(Arrays.stream(x).average().orElseThrow()).isCloseTo(100.0111, org.assertj.core.data.Offset.offset(0.0002));
        assertThat(Arrays.stream(x).filter(v -> v == 101.0).count()).isZero();
    }

    @Test
    void aBoundBeyondEveryDoubleOfSpreadIsTheValueItself() {
        // (1 - 0) / 1e-300 standard deviations: the excess over the bound, about sd / a = 1e-600, is below any double
        double[] x = draw(new Distribution.Normal(0.0, 1e-300, 1.0, 2.0), 3);
        assertThat(x).containsOnly(1.0);
    }

    @Test
    void aSpreadOfZeroIsTheMeanWithinTheBounds() {
        assertThat(draw(new Distribution.Normal(5.0, 0.0, 6.0, 7.0), 3)).containsOnly(6.0);
    }
}
