package org.trialsim.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * The yardstick of issue 12: a trial loop written for the one design of
 * {@code examples/two-arm-exponential.yaml} (220 patients arriving at 10 a month, permuted blocks of 2,
 * exponential deaths with a median of 12 months and a hazard ratio of 0.6, one log-rank test at the
 * 120th death at a one-sided 0.025, the Cox estimate), against the general engine on that file, both on
 * one thread and alternated in one JVM; prints each round's microseconds of processor time a trial and
 * the median ratio engine ÷ loop. The target of ten times rpact at 100,000 replicates asks the
 * engine to run about as fast as such a loop (which, as a whole process on two threads, is about eight
 * times rpact).
 *
 * <p>The loop does what a programmer who knows the design would write and nothing more: every random
 * draw as the engine makes it (the per-patient SplitMix64 stream re-seeded from the patient's index and
 * Commons RNG's ziggurat exponential; the allocation from one XoRoShiRo128++ stream per replicate,
 * though not the engine's numbers, so the replicates differ from the engine's while their distribution is
 * the same), the cut by quickselect, only the events sorted (the censored times come in order from the
 * accrual), the risk-set table in one merge, the log-rank z, and Newton's iterations of the Cox score
 * (Breslow's form, which equals Efron's without tied times, as continuous times have none). It keeps only
 * the number of rejections and the sum of the estimates: no per-arm counts, looks, quantile sketches,
 * margin, strata, dropout or horizon, which the engine does for every design. Both powers are printed, to
 * show the loop simulates the same design (they agree within Monte Carlo error, about 0.4 points at
 * 10,000 replicates).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.trialsim.benchmarks.DesignLoop examples/two-arm-exponential.yaml 7 20000
 * </pre>
 *
 * Arguments: the example's file (read by the engine only), the rounds after two of warm-up, and the
 * replicates of each run. {@link DesignLoopProcess} runs the loop alone as a whole process, which
 * {@code benchmarks/compare-rpact.sh} times beside rpact and trialsim.
 */
public final class DesignLoop {
    private static final int PATIENTS = 220;
    private static final int EVENTS = 120;
    private static final double DAYS_PER_MONTH = 365.25 / 12;
    private static final double PATIENTS_PER_MONTH = 10;
    private static final double CONTROL_RATE_PER_DAY = Math.log(2) / 365.25;
    private static final double HAZARD_RATIO = 0.6;
    private static final double CRITICAL_Z = 1.959963984540054;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final double[] entry = new double[PATIENTS];
    private final double[] time = new double[PATIENTS];
    private final double[] day = new double[PATIENTS];
    private final double[] selected = new double[PATIENTS];
    private final int[] arm = new int[PATIENTS];
    private final double[][] events = new double[2][PATIENTS];
    private final double[][] censored = new double[2][PATIENTS];
    private final int[] atRisk0 = new int[PATIENTS];
    private final int[] atRisk1 = new int[PATIENTS];
    private final int[] dead0 = new int[PATIENTS];
    private final int[] dead1 = new int[PATIENTS];
    private final PatientStream patient = new PatientStream();
    private final ContinuousSampler exponential = ZigguratSampler.Exponential.of(patient);
    private final long deathKey = mix(0x6a09e667f3bcc909L);
    private long rejections;
    private double estimates;

    DesignLoop() {
        for (int i = 0; i < PATIENTS; i++) {
            entry[i] = (i + 1) / PATIENTS_PER_MONTH * DAYS_PER_MONTH;
        }
    }

    /** Prints each round and the median ratio; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DesignLoop examples/two-arm-exponential.yaml ROUNDS REPLICATES");
            System.exit(2);
        }
        TrialSimulation engine = new TrialSimulation(CompiledProtocol.of(new ProtocolReader().read(Path.of(args[0]))),
                Registry.builtIns());
        int rounds = Integer.parseInt(args[1]);
        int replicates = Integer.parseInt(args[2]);
        TrialOptions options = new TrialOptions(replicates, 1, 1, false);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] ratios = new double[rounds];
        for (int round = -2; round < rounds; round++) {
            long start = os.getProcessCpuTime();
            TrialResult result = engine.run(options, Progress.NONE);
            double engineMicros = (os.getProcessCpuTime() - start) / 1e3 / replicates;
            DesignLoop loop = new DesignLoop();
            start = os.getProcessCpuTime();
            for (int r = 0; r < replicates; r++) {
                loop.replicate(r + (long) replicates * (round + 2));
            }
            double loopMicros = (os.getProcessCpuTime() - start) / 1e3 / replicates;
            if (round >= 0) {
                ratios[round] = engineMicros / loopMicros;
                System.out.println(String.format(Locale.ROOT, "round %d: engine %.1f us a trial (power %.4f), loop %.1f us (power %.4f,"
                        + " mean log HR %.4f), ratio %.2f", round + 1, engineMicros, result.analyses().get(0).rejection().value(), loopMicros,
                        loop.rejections / (double) replicates, loop.estimates / replicates, ratios[round]));
            }
        }
        Arrays.sort(ratios);
        System.out.println(String.format(Locale.ROOT, "median ratio engine / loop: %.2f (range %.2f-%.2f)", ratios[rounds / 2],
                ratios[0], ratios[rounds - 1]));
    }

    /** The replicates rejected so far. */
    long rejections() {
        return rejections;
    }

    /** The sum of the replicates' Cox estimates of the log hazard ratio so far. */
    double estimates() {
        return estimates;
    }

    /** Simulates and analyses replicate {@code r} (its allocation stream is seeded from {@code r}). */
    void replicate(long r) {
        UniformRandomProvider allocation = new XoRoShiRo128PlusPlus(mix(r + GOLDEN_GAMMA), mix(r + 2 * GOLDEN_GAMMA));
        for (int i = 0; i < PATIENTS; i += 2) {
            int first = (int) (allocation.nextLong() >>> 63);
            arm[i] = first;
            arm[i + 1] = 1 - first;
        }
        long base = r * 1_000_000L;
        for (int i = 0; i < PATIENTS; i++) {
            patient.state = mix(deathKey + GOLDEN_GAMMA + mix(base + i));
            double t = exponential.sample() / (arm[i] == 1 ? HAZARD_RATIO * CONTROL_RATE_PER_DAY : CONTROL_RATE_PER_DAY);
            time[i] = t;
            day[i] = entry[i] + t;
        }
        System.arraycopy(day, 0, selected, 0, PATIENTS);
        double cut = kthSmallest(selected, EVENTS - 1);
        int[] eventCount = new int[2];
        int[] censoredFrom = {PATIENTS, PATIENTS};
        for (int i = 0; i < PATIENTS && entry[i] <= cut; i++) {
            int a = arm[i];
            if (day[i] <= cut) {
                events[a][eventCount[a]++] = time[i];
            } else {
                censored[a][--censoredFrom[a]] = cut - entry[i];
            }
        }
        Arrays.sort(events[0], 0, eventCount[0]);
        Arrays.sort(events[1], 0, eventCount[1]);
        int rows = table(eventCount, censoredFrom);
        double z = logRankZ(rows);
        if (z >= CRITICAL_Z) {
            rejections++;
        }
        estimates += coxLogHazardRatio(rows);
    }

    /** The risk-set table: per distinct event time, the numbers at risk and the deaths in each arm. */
    private int table(int[] eventCount, int[] censoredFrom) {
        int e0 = 0;
        int e1 = 0;
        int c0 = censoredFrom[0];
        int c1 = censoredFrom[1];
        int risk0 = eventCount[0] + PATIENTS - c0;
        int risk1 = eventCount[1] + PATIENTS - c1;
        int rows = 0;
        while (e0 < eventCount[0] || e1 < eventCount[1]) {
            double first0 = e0 < eventCount[0] ? events[0][e0] : Double.POSITIVE_INFINITY;
            double first1 = e1 < eventCount[1] ? events[1][e1] : Double.POSITIVE_INFINITY;
            double t = Math.min(first0, first1);
            while (c0 < PATIENTS && censored[0][c0] < t) {
                c0++;
                risk0--;
            }
            while (c1 < PATIENTS && censored[1][c1] < t) {
                c1++;
                risk1--;
            }
            int d0 = 0;
            int d1 = 0;
            while (e0 < eventCount[0] && events[0][e0] == t) {
                e0++;
                d0++;
            }
            while (e1 < eventCount[1] && events[1][e1] == t) {
                e1++;
                d1++;
            }
            atRisk0[rows] = risk0;
            atRisk1[rows] = risk1;
            dead0[rows] = d0;
            dead1[rows] = d1;
            rows++;
            risk0 -= d0;
            risk1 -= d1;
        }
        return rows;
    }

    /** The log-rank z, positive when the experimental arm (1) does better. */
    private double logRankZ(int rows) {
        double observedMinusExpected = 0;
        double variance = 0;
        for (int k = 0; k < rows; k++) {
            double n = atRisk0[k] + atRisk1[k];
            double d = dead0[k] + dead1[k];
            observedMinusExpected += dead1[k] - d * atRisk1[k] / n;
            if (n > 1) {
                variance += d * atRisk0[k] * atRisk1[k] * (n - d) / (n * n * (n - 1));
            }
        }
        return -observedMinusExpected / Math.sqrt(variance);
    }

    /** Newton's iterations of the Cox score from 0 until a step below 1e-12. */
    private double coxLogHazardRatio(int rows) {
        double beta = 0;
        for (int iteration = 0; iteration < 30; iteration++) {
            double risk = Math.exp(beta);
            double score = 0;
            double information = 0;
            for (int k = 0; k < rows; k++) {
                double s1 = atRisk1[k] * risk;
                double mean = s1 / (atRisk0[k] + s1);
                int d = dead0[k] + dead1[k];
                score += dead1[k] - d * mean;
                information += d * mean * (1 - mean);
            }
            double step = score / information;
            beta += step;
            if (Math.abs(step) < 1e-12) {
                break;
            }
        }
        return beta;
    }

    /** The k-th smallest (from 0) by quickselect; reorders the array. */
    private static double kthSmallest(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double x = a[i];
                    a[i++] = a[j];
                    a[j--] = x;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** The SplitMix64 finaliser, as the engine's RandomStreams.mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A SplitMix64 stream re-seeded per patient without allocating, as the engine's SplitMix64Stream. */
    private static final class PatientStream implements UniformRandomProvider {
        private long state;

        @Override
        public long nextLong() {
            return mix(state += GOLDEN_GAMMA);
        }
    }
}
