package org.trialsim.simulator.trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.trialsim.protocol.TrialsimVersion;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.cohort.Progress;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.trial.accrual.AccrualProcess;

/**
 * Simulates a trial design many times and reports its operating characteristics. Replicates are
 * handed to worker threads in chunks; each replicate's outcome is stored at its index and summarised in
 * index order, so the result does not depend on the thread count.
 */
public final class TrialSimulation {
    /** Replicates per unit of work. */
    private static final int CHUNK = 16;
    /** Patients of the large trial that estimates the true effect. */
    static final int TRUTH_PATIENTS = 200_000;

    private final CompiledProtocol protocol;
    private final TrialSpec spec;

    /** A simulation of the protocol's trial design. */
    public TrialSimulation(CompiledProtocol protocol) {
        this.protocol = protocol;
        this.spec = TrialSpec.of(protocol.loaded().protocol());
    }

    /**
     * Runs the replicates.
     *
     * @param options  replicates, seed, threads, scenario
     * @param progress receives progress from worker threads
     */
    public TrialResult run(TrialOptions options, Progress progress) {
        RandomStreams streams = new RandomStreams(options.seed());
        int replicates = options.replicates();
        ReplicateOutcome[] outcomes = new ReplicateOutcome[replicates];
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        int chunks = (replicates + CHUNK - 1) / CHUNK;
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "trialsim-trial");
            t.setDaemon(true);
            return t;
        });
        ReplicateOutcome truth;
        try {
            // the large trial that estimates the true effect runs beside the replicates, not after them
            Future<ReplicateOutcome> truthRun = options.nullScenario() ? null : pool.submit(() -> truth(streams));
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < Math.min(options.threads(), chunks); w++) {
                futures.add(pool.submit(() -> {
                    ReplicateRunner runner = runner(streams, options.nullScenario());
                    int chunk;
                    while ((chunk = nextChunk.getAndIncrement()) < chunks) {
                        int from = chunk * CHUNK;
                        int to = Math.min(replicates, from + CHUNK);
                        for (int r = from; r < to; r++) {
                            outcomes[r] = runner.run(r);
                        }
                        progress.update(done.addAndGet(to - from), replicates);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            truth = truthRun == null ? null : truthRun.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the simulation was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<TrialResult.AnalysisResult> analyses = new ArrayList<>();
        for (int a = 0; a < spec.analyses.size(); a++) {
            analyses.add(new Summaries(spec, a).summarise(outcomes, truth, options.nullScenario()));
        }
        var loaded = protocol.loaded();
        TrialResult.Provenance provenance = new TrialResult.Provenance("trialsim", TrialsimVersion.get(), loaded.protocol().id(),
                loaded.source(), loaded.contentHash(), loaded.settings(), options.seed(),
                RandomStreams.GENERATOR, replicates);
        String label = loaded.protocol().design().label();
        return new TrialResult(provenance, spec.designType + (label == null ? "" : ": " + label),
                options.nullScenario() ? "null" : "alternative", analyses, strataAllocation(outcomes));
    }

    /** Allocation per randomizing stratum, over the replicates. */
    private List<TrialResult.StratumAllocation> strataAllocation(ReplicateOutcome[] outcomes) {
        List<RandomizedStratum> strata = RandomizedStratum.of(protocol, spec);
        boolean factors = spec.randomizationFactorSlots.length > 0;
        int r = outcomes.length;
        List<TrialResult.StratumAllocation> list = new ArrayList<>();
        for (int k = 0; k < strata.size(); k++) {
            RandomizedStratum stratum = strata.get(k);
            Map<String, TrialResult.Distribution> patients = new LinkedHashMap<>();
            double[] values = new double[r];
            for (int arm = 0; arm < stratum.arms().size(); arm++) {
                for (int i = 0; i < r; i++) {
                    values[i] = outcomes[i].strataCounts[k][arm];
                }
                patients.put(stratum.arms().get(arm), distribution(values, r));
            }
            for (int i = 0; i < r; i++) {
                values[i] = outcomes[i].strataImbalance[k];
            }
            TrialResult.Distribution imbalance = distribution(values, r);
            TrialResult.Distribution factorImbalance = null;
            if (factors) {
                for (int i = 0; i < r; i++) {
                    values[i] = outcomes[i].strataFactorImbalance[k];
                }
                factorImbalance = distribution(values, r);
            }
            list.add(new TrialResult.StratumAllocation(stratum.nodeId(), stratum.stratumId(), patients, imbalance, factorImbalance));
        }
        return list;
    }

    private ReplicateRunner runner(RandomStreams streams, boolean nullScenario) {
        return new ReplicateRunner(spec, protocol, streams, nullScenario);
    }

    /**
     * The effect the design estimates, from one very large trial: the same design with about
     * {@value #TRUTH_PATIENTS} patients, accrued proportionally faster so that its calendar shape is
     * the same, analysed once at the scaled final cut.
     */
    private ReplicateOutcome truth(RandomStreams streams) {
        int scale = Math.max(1, Math.min((int) (ReplicateRunner.STRIDE / spec.sampleSize) - 1,
                (TRUTH_PATIENTS + spec.sampleSize - 1) / spec.sampleSize));
        ReplicateRunner runner = runner(streams, false);
        return runner.run(-1, spec.sampleSize * scale, AccrualProcess.of(spec.accrual.withRatesTimes(scale)), true);
    }

    /** The replicates' outcomes for one analysis, summarised. */
    private static final class Summaries {
        private final TrialSpec spec;
        private final int a;

        Summaries(TrialSpec spec, int a) {
            this.spec = spec;
            this.a = a;
        }

        TrialResult.AnalysisResult summarise(ReplicateOutcome[] outcomes, ReplicateOutcome truthRun, boolean nullScenario) {
            TrialSpec.Analysis analysis = spec.analyses.get(a);
            int r = outcomes.length;
            long rejections = 0;
            long[] efficacyAt = new long[spec.looks()];
            long[] futilityAt = new long[spec.looks()];
            double[] patients = new double[r];
            double[] events = new double[r];
            double[] months = new double[r];
            double[] estimate = new double[r];
            double[] control = new double[r];
            double[] experimental = new double[r];
            double[] imbalance = new double[r];
            double[] landmark = new double[r];
            int estimated = 0;
            int landmarks = 0;
            double truth = nullScenario ? 0 : truthRun.estimate[a];
            double truthSe = nullScenario ? 0 : (truthRun.upper[a] - truthRun.lower[a]) / (2 * 1.96);
            long covered = 0;
            long intervals = 0;
            for (int i = 0; i < r; i++) {
                ReplicateOutcome o = outcomes[i];
                if (o.efficacy[a]) {
                    rejections++;
                    efficacyAt[o.look[a]]++;
                } else if (o.futility[a]) {
                    futilityAt[o.look[a]]++;
                }
                patients[i] = o.patients[a];
                events[i] = o.events[a];
                months[i] = o.day[a] / TrialSpec.DAYS_PER_MONTH;
                control[i] = o.control[a];
                experimental[i] = o.experimental[a];
                imbalance[i] = Math.abs(o.experimental[a] - o.control[a]);
                if (Double.isFinite(o.estimate[a])) {
                    estimate[estimated++] = o.estimate[a];
                }
                if (Double.isFinite(o.lower[a]) && Double.isFinite(o.upper[a])) {
                    intervals++;
                    if (o.lower[a] <= truth && truth <= o.upper[a]) {
                        covered++;
                    }
                }
                if (Double.isFinite(o.landmark[a])) {
                    landmark[landmarks++] = o.landmark[a];
                }
            }
            List<TrialResult.Look> looks = new ArrayList<>();
            boolean interim = analysis.kind() == TrialSpec.Kind.SURVIVAL_TWO_ARMS && spec.looks() > 1;
            for (int k = 0; k < spec.looks() && (interim || k == 0); k++) {
                Double futility = interim && k < spec.futilityBounds.length ? spec.futilityBounds[k] : null;
                double bound = analysis.kind() == TrialSpec.Kind.SURVIVAL_TWO_ARMS ? spec.boundaries.efficacyBound(k) : Double.NaN;
                looks.add(new TrialResult.Look(k + 1, spec.informationFractions[k], bound, futility,
                        proportion(efficacyAt[k], r), proportion(futilityAt[k], r)));
            }
            boolean randomized = analysis.kind() == TrialSpec.Kind.SURVIVAL_TWO_ARMS || analysis.kind() == TrialSpec.Kind.RESPONSE_TWO_ARMS;
            TrialResult.Allocation allocation = randomized
                    ? new TrialResult.Allocation(distribution(control, r), distribution(experimental, r), distribution(imbalance, r)) : null;
            double[] est = Arrays.copyOf(estimate, estimated);
            double mean = mean(est);
            double sd = sd(est, mean);
            TrialResult.Effect effect = new TrialResult.Effect(measure(analysis), truth, truthSe,
                    new TrialResult.Estimate(mean, sd / Math.sqrt(Math.max(1, estimated))), sd,
                    new TrialResult.Estimate(mean - truth, sd / Math.sqrt(Math.max(1, estimated))),
                    proportion(covered, intervals),
                    landmarks == 0 ? null : new TrialResult.Estimate(mean(Arrays.copyOf(landmark, landmarks)),
                            sd(Arrays.copyOf(landmark, landmarks), mean(Arrays.copyOf(landmark, landmarks))) / Math.sqrt(landmarks)));
            return new TrialResult.AnalysisResult(analysis.label(), test(analysis), proportion(rejections, r), looks,
                    distribution(patients, r), distribution(events, r), distribution(months, r), allocation, effect);
        }

        private static String measure(TrialSpec.Analysis analysis) {
            return switch (analysis.kind()) {
                case SURVIVAL_TWO_ARMS -> "log hazard ratio (experimental vs control, Cox)";
                case SURVIVAL_VS_HISTORY -> "log observed/expected events against the historical curve";
                case RESPONSE_TWO_ARMS -> "difference in response rates (experimental minus control)";
                case RESPONSE_VS_HISTORY -> "response rate";
            };
        }

        private static String test(TrialSpec.Analysis analysis) {
            return switch (analysis.kind()) {
                case SURVIVAL_TWO_ARMS -> analysis.strataSlots().length > 0 ? "stratified log-rank" : "log-rank";
                case SURVIVAL_VS_HISTORY -> "one-sample log-rank against the historical curve";
                case RESPONSE_TWO_ARMS -> "Fisher's exact test";
                case RESPONSE_VS_HISTORY -> "exact binomial test against the historical rate";
            };
        }
    }

    static TrialResult.Estimate proportion(long count, long of) {
        if (of == 0) {
            return new TrialResult.Estimate(Double.NaN, Double.NaN);
        }
        double p = (double) count / of;
        return new TrialResult.Estimate(p, Math.sqrt(p * (1 - p) / of));
    }

    static TrialResult.Distribution distribution(double[] values, int n) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        double mean = mean(sorted);
        double sd = sd(sorted, mean);
        return new TrialResult.Distribution(mean, sd / Math.sqrt(n), sd, sorted[0], quantile(sorted, 0.1), quantile(sorted, 0.5),
                quantile(sorted, 0.9), sorted[n - 1]);
    }

    /** Quantile by linear interpolation between order statistics (R's type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    static double sd(double[] values, double mean) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
