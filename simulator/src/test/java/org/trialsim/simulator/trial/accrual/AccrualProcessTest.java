package org.trialsim.simulator.trial.accrual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialsim.protocol.TimeUnits.DAYS_PER_MONTH;
import static org.trialsim.protocol.TimeUnits.DAYS_PER_YEAR;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.simulator.random.RandomStreams;

/**
 * Accrual checked against its closed forms. Stochastic checks fail by chance with probability at most
 * 1e-4 each (for a seed picked at random; the seeds are fixed, so the outcome is too): z-scores are
 * compared with ±3.89 and χ² statistics with their 1 − 1e-4 quantile.
 */
class AccrualProcessTest {
    private static final double Z = 3.890591886;
    private static final double ALPHA = 1e-4;
    private static final long PURPOSE = RandomStreams.purpose("test:accrual");

    /** 10 a month after a 6-month ramp-up; 5 a month from month 12; suspended months 18-20; 8 a month from 20. */
    private static final AccrualPlan PLAN = new AccrualPlan(10, 6, List.of(new AccrualPlan.RateChange(12, 5),
            new AccrualPlan.RateChange(18, 0), new AccrualPlan.RateChange(20, 8)), 0);

    private static final int REPLICATES = 4000;
    private static final int PATIENTS = 300;
    /** Arrival days of {@link #REPLICATES} trials of {@link #PATIENTS} patients under {@link #PLAN}. */
    private static double[][] arrivals;

    @BeforeAll
    static void simulate() {
        AccrualProcess process = AccrualProcess.of(PLAN);
        RandomStreams streams = new RandomStreams(51);
        arrivals = new double[REPLICATES][PATIENTS];
        for (int r = 0; r < REPLICATES; r++) {
            process.arrivalDays(streams.stream(PURPOSE, r), arrivals[r], PATIENTS);
        }
    }

    private static double days(double months) {
        return months * DAYS_PER_MONTH;
    }

    /**
     * Λ by hand: over the ramp-up Λ = 10 m²/12 (m in months), then +10 a month to month 12 (90), +5 a
     * month to month 18 (120), flat to month 20, then +8 a month.
     */
    @ParameterizedTest(name = "month {0}: Λ = {1}, λ = {2} a month")
    @CsvSource({
            "0, 0, 0", "1, 0.8333333333333334, 1.6666666666666667", "3, 7.5, 5", "6, 30, 10", "8, 50, 10",
            "12, 90, 5", "14, 100, 5", "18, 120, 0", "19, 120, 0", "20, 120, 8", "21, 128, 8", "-1, 0, 0",
    })
    void theExpectedArrivalsAndTheRateAreTheClosedForms(double month, double expected, double perMonth) {
        AccrualProcess p = AccrualProcess.of(PLAN);
        assertThat(p.expectedArrivals(days(month))).isCloseTo(expected, within(1e-12 * (1 + expected)));
        assertThat(p.rate(days(month)) * DAYS_PER_MONTH).isCloseTo(perMonth, within(1e-12));
        if (month > 0 && perMonth > 0) {
            assertThat(p.dayOfExpectedArrivals(expected) / DAYS_PER_MONTH).isCloseTo(month, within(1e-12 * month));
        }
    }

    /** Λ⁻¹ inverts Λ everywhere: Λ(Λ⁻¹(m)) = m, and a suspension maps to the day accrual resumes. */
    @Test
    void theInverseInvertsTheExpectedArrivals() {
        AccrualProcess p = AccrualProcess.of(PLAN);
        for (double m = 0; m < 300; m += 0.37) {
            assertThat(p.expectedArrivals(p.dayOfExpectedArrivals(m))).isCloseTo(m, within(1e-10 * (1 + m)));
        }
        assertThat(p.dayOfExpectedArrivals(120)).isEqualTo(days(20));
        assertThat(AccrualProcess.of(AccrualPlan.of(4, 0, 0)).dayOfExpectedArrivals(10)).isCloseTo(days(2.5), within(1e-12));
    }

    /**
     * The number of arrivals by day t is Poisson(Λ(t)): its mean over R replicates is within 3.89
     * standard errors √(Λ/R) of Λ, and its sample variance within 3.89 standard errors of Λ, the
     * standard error of a sample variance being √((μ₄ − σ⁴(R−3)/(R−1))/R) with the Poisson
     * μ₄ = Λ + 3Λ². The patients simulated (300) are far above Λ at these times (at most 152), so no
     * count is cut short by the sample size (the chance is below 1e-40).
     */
    @ParameterizedTest(name = "month {0}")
    @CsvSource({"0.5", "1", "3", "6", "9", "13", "19", "22.5"})
    void theNumberOfArrivalsByATimeIsPoissonWithMeanLambda(double month) {
        double t = days(month);
        double lambda = AccrualProcess.of(PLAN).expectedArrivals(t);
        double[] counts = new double[REPLICATES];
        for (int r = 0; r < REPLICATES; r++) {
            int n = 0;
            while (n < PATIENTS && arrivals[r][n] <= t) {
                n++;
            }
            assertThat(n).isLessThan(PATIENTS);
            counts[r] = n;
        }
        double mean = Arrays.stream(counts).average().orElseThrow();
        double variance = Arrays.stream(counts).map(c -> (c - mean) * (c - mean)).sum() / (REPLICATES - 1);
        double r = REPLICATES;
        double varianceError = Math.sqrt((lambda + 3 * lambda * lambda - lambda * lambda * (r - 3) / (r - 1)) / r);
        assertThat(mean).as("mean count").isCloseTo(lambda, within(Z * Math.sqrt(lambda / r)));
        assertThat(variance).as("variance of the count").isCloseTo(lambda, within(Z * varianceError));
    }

    /**
     * The shape of the rate, month by month over the first 24 months: arrivals pooled over all replicates
     * fall in each month in proportion to its expected count — (2k − 1)/12 × 10 in ramp-up month k, so
     * the first month has 1/11 of the sixth, then 10, 5, 0 and 8 a month. Given the total the pooled
     * counts are multinomial; Pearson's χ² over the 22 months with a positive rate, 21 degrees of freedom,
     * must stay below its 1 − 1e-4 quantile; the two suspended months must get no arrival at all.
     */
    @Test
    void arrivalsFollowTheRampUpAndThePiecewiseRates() {
        AccrualProcess p = AccrualProcess.of(PLAN);
        long[] observed = new long[24];
        for (double[] trial : arrivals) {
            for (double day : trial) {
                int month = (int) Math.floor(day / DAYS_PER_MONTH);
                if (month < 24) {
                    observed[month]++;
                }
            }
        }
        long total = Arrays.stream(observed).sum();
        double lambda24 = p.expectedArrivals(days(24));
        double x2 = 0;
        int cells = 0;
        for (int m = 0; m < 24; m++) {
            double share = (p.expectedArrivals(days(m + 1)) - p.expectedArrivals(days(m))) / lambda24;
            if (share == 0) {
                assertThat(observed[m]).as("month %d (suspended)", m + 1).isZero();
                continue;
            }
            if (m < 6) {
                assertThat(share * lambda24).isCloseTo((2 * m + 1) / 12.0 * 10, within(1e-9));
            }
            double e = share * total;
            x2 += (observed[m] - e) * (observed[m] - e) / e;
            cells++;
        }
        assertThat(cells).isEqualTo(22);
        assertThat(x2).isLessThan(ChiSquaredDistribution.of(cells - 1).inverseSurvivalProbability(ALPHA));
    }

    @Test
    void arrivalDaysIncrease() {
        for (double[] trial : arrivals) {
            assertThat(trial[0]).isPositive();
            for (int i = 1; i < PATIENTS; i++) {
                assertThat(trial[i]).isGreaterThan(trial[i - 1]);
            }
        }
    }

    /**
     * The time transformation couples plans through the same unit-rate process (common random numbers):
     * a plan with every rate doubled and every duration halved gives each patient exactly half the
     * arrival day; doubling the rate of a plan without ramp-up does the same.
     */
    @Test
    void plansCompareOnTheSameDraws() {
        AccrualProcess slow = AccrualProcess.of(AccrualPlan.of(10, 6, 0).withChange(12, 5));
        AccrualProcess fast = AccrualProcess.of(AccrualPlan.of(20, 3, 0).withChange(6, 10));
        double[] a = new double[PATIENTS];
        double[] b = new double[PATIENTS];
        RandomStreams streams = new RandomStreams(52);
        slow.arrivalDays(streams.stream(PURPOSE, 1), a, PATIENTS);
        fast.arrivalDays(streams.stream(PURPOSE, 1), b, PATIENTS);
        for (int i = 0; i < PATIENTS; i++) {
            assertThat(b[i]).isCloseTo(a[i] / 2, within(1e-12 * a[i]));
        }
        AccrualProcess.of(AccrualPlan.of(3, 0, 0)).arrivalDays(streams.stream(PURPOSE, 2), a, PATIENTS);
        AccrualProcess.of(AccrualPlan.of(6, 0, 0)).arrivalDays(streams.stream(PURPOSE, 2), b, PATIENTS);
        for (int i = 0; i < PATIENTS; i++) {
            assertThat(b[i]).isCloseTo(a[i] / 2, within(1e-12 * a[i]));
        }
    }

    /**
     * Days to loss to follow-up are exponential with mean 365.25/rate: over n = 40 000 draws the mean is
     * within 3.89 standard errors (mean/√n) of it, and the draws fall evenly into the ten deciles of that
     * exponential (Pearson's χ², 9 degrees of freedom, below its 1 − 1e-4 quantile).
     */
    @ParameterizedTest(name = "{0} a year")
    @CsvSource({"0.05", "0.2", "1.5"})
    void dropoutTimesAreExponentialWithTheRightMean(double perYear) {
        AccrualProcess p = AccrualProcess.of(AccrualPlan.of(10, 6, perYear));
        double mean = DAYS_PER_YEAR / perYear;
        assertThat(p.dropoutMeanDays()).isCloseTo(mean, within(1e-9 * mean));
        int n = 40_000;
        double[] days = new double[n + 5];
        p.dropoutDays(new RandomStreams(53).stream(PURPOSE, (long) (perYear * 100)), days, n);
        assertThat(days[n]).isZero();
        double sum = 0;
        long[] deciles = new long[10];
        for (int i = 0; i < n; i++) {
            sum += days[i];
            double u = 1 - Math.exp(-days[i] / mean);
            deciles[Math.min(9, (int) (u * 10))]++;
        }
        assertThat(sum / n).isCloseTo(mean, within(Z * mean / Math.sqrt(n)));
        double x2 = 0;
        for (long d : deciles) {
            x2 += (d - n / 10.0) * (d - n / 10.0) / (n / 10.0);
        }
        assertThat(x2).isLessThan(ChiSquaredDistribution.of(9).inverseSurvivalProbability(ALPHA));
    }

    @Test
    void withoutDropoutEveryoneStaysAndNothingIsDrawn() {
        UniformRandomProvider rng = new RandomStreams(54).stream(PURPOSE, 0);
        double[] days = new double[10];
        AccrualProcess.of(AccrualPlan.of(10, 0, 0)).dropoutDays(rng, days, 10);
        assertThat(days).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(rng.nextLong()).isEqualTo(new RandomStreams(54).stream(PURPOSE, 0).nextLong());
    }

    @Test
    void theSameStreamGivesTheSameArrivalsAndAnotherStreamOthers() {
        AccrualProcess p = AccrualProcess.of(PLAN);
        double[] again = new double[PATIENTS];
        double[] other = new double[PATIENTS];
        p.arrivalDays(new RandomStreams(51).stream(PURPOSE, 17), again, PATIENTS);
        p.arrivalDays(new RandomStreams(51).stream(PURPOSE, 18), other, PATIENTS);
        assertThat(again).isEqualTo(arrivals[17]);
        assertThat(other).isNotEqualTo(arrivals[17]);
    }

    @Test
    void regularArrivalsComeWhenEachPatientIsExpected() {
        double[] days = new double[5];
        AccrualProcess.of(AccrualPlan.of(10, 0, 0)).regularArrivalDays(days, 5);
        assertThat(days).containsExactly(new double[] {3.04375, 6.0875, 9.13125, 12.175, 15.21875}, within(1e-12));
        // with a 2-month ramp-up to 10 a month, 10 patients are expected by its end and 20 a month later
        double[] ramp = new double[20];
        AccrualProcess.of(AccrualPlan.of(10, 2, 0)).regularArrivalDays(ramp, 20);
        assertThat(ramp[9]).isCloseTo(2 * DAYS_PER_MONTH, within(1e-9));
        assertThat(ramp[19]).isCloseTo(3 * DAYS_PER_MONTH, within(1e-9));
        assertThat(ramp[0]).isCloseTo(2 * DAYS_PER_MONTH * Math.sqrt(0.1), within(1e-9));
    }

    @Test
    void ratesTimesAFactorKeepTheCalendar() {
        AccrualPlan plan = AccrualPlan.of(10, 2, 0.1).withChange(12, 4);
        AccrualPlan faster = plan.withRatesTimes(3);
        assertThat(faster).isEqualTo(AccrualPlan.of(30, 2, 0.1).withChange(12, 12));
        assertThat(AccrualProcess.of(faster).dayOfExpectedArrivals(3 * 150)).isCloseTo(AccrualProcess.of(plan).dayOfExpectedArrivals(150),
                within(1e-9));
    }

    @Test
    void readsTheProtocolsRateChanges() {
        AccrualPlan plan = AccrualPlan.of(new Design.Accrual(10.0, 2.0, null, null, List.of(new Design.RateChange(12.0, 4.0))));
        assertThat(plan).isEqualTo(AccrualPlan.of(10, 2, 0).withChange(12, 4));
    }

    /**
     * A protocol's accrual: the built-in AALL1331 (12.4 a month after a 6-month ramp-up) reaches its 670
     * patients, in expectation, at month 3 + 670/12.4 = 57.0 (the ramp-up costs half its length),
     * matching the trial's enrolment from December 2014 to September 2019 (Brown et al., JAMA 2021;
     * published-figures.md §4a): 57 months.
     */
    @Test
    void readsTheProtocolsAccrual() throws Exception {
        Design.Randomized design = (Design.Randomized) BuiltinProtocols.load("aall1331").protocol().design();
        AccrualPlan plan = AccrualPlan.of(design.accrual());
        assertThat(plan).isEqualTo(AccrualPlan.of(12.4, 6, 0));
        double months = AccrualProcess.of(plan).dayOfExpectedArrivals(design.sampleSize()) / DAYS_PER_MONTH;
        assertThat(months).isCloseTo(3 + 670 / 12.4, within(1e-9)).isCloseTo(57, within(0.5));
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', value = {
            "0 | 6 | 0 | -1 | 0 | patientsPerMonth must be finite and positive: 0.0",
            "10 | NaN | 0 | -1 | 0 | rampUpMonths must be finite and non-negative: NaN",
            "10 | 6 | -0.1 | -1 | 0 | dropoutPerYear must be finite and non-negative: -0.1",
            "10 | 6 | 0 | 5 | 3 | the change at month 5.0 must come at or after the end of the ramp-up (month 6.0)",
            "10 | 6 | 0 | 8 | 0 | the last rate must be positive",
            "10 | 6 | 0 | 8 | -2 | must be finite and non-negative: -2.0",
    })
    void refusesBadPlans(double rate, double ramp, double dropout, double changeMonth, double changeRate, String message) {
        assertThatThrownBy(() -> {
            AccrualPlan plan = new AccrualPlan(rate, ramp, null, dropout);
            if (changeMonth >= 0) {
                plan.withChange(changeMonth, changeRate);
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void refusesChangesOutOfOrderAndShortArrays() {
        assertThatThrownBy(() -> AccrualPlan.of(10, 0, 0).withChange(12, 5).withChange(12, 6))
                .hasMessageContaining("the change at month 12.0 must come after the previous change (month 12.0)");
        AccrualProcess p = AccrualProcess.of(AccrualPlan.of(10, 0, 0));
        UniformRandomProvider rng = new RandomStreams(55).stream(PURPOSE, 0);
        assertThatThrownBy(() -> p.arrivalDays(rng, new double[3], 4)).hasMessageContaining("at least n = 4 values, not 3");
        assertThatThrownBy(() -> p.dropoutDays(rng, new double[3], -1)).hasMessageContaining("n must be non-negative");
    }
}
