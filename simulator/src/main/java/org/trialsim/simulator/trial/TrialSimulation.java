package org.trialsim.simulator.trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.trialsim.protocol.TrialsimVersion;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.run.RangeRunner;
import org.trialsim.simulator.stats.TimeUnits;
import org.trialsim.simulator.trial.accrual.AccrualProcess;

/**
 * Simulates a trial design many times and reports its operating characteristics. The replicates run
 * on the {@link RangeRunner} in chunks; each replicate's conclusions are stored at its index and
 * summarised in index order, so the result does not depend on the thread count.
 */
public final class TrialSimulation {
    /** Replicates per unit of work. */
    private static final int CHUNK = 16;
    /** Patients of the large trial that estimates the true effect. */
    static final int TRUTH_PATIENTS = 200_000;

    private final CompiledProtocol protocol;
    private final TrialDesign design;
    private final AccrualProcess accrual;

    /**
     * A simulation of the protocol's trial design.
     *
     * @throws IllegalArgumentException if the protocol has no design with analyses (none, or a phase 1-2 design)
     */
    public TrialSimulation(CompiledProtocol protocol) {
        this.protocol = protocol;
        this.design = TrialDesign.of(protocol);
        this.accrual = AccrualProcess.of(design.accrual);
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
        ReplicateResult[] outcomes = new ReplicateResult[replicates];
        CompletableFuture<ReplicateResult> truth = new CompletableFuture<>();
        if (options.nullScenario()) {
            truth.complete(null);
        }
        AtomicBoolean truthTaken = new AtomicBoolean(options.nullScenario());
        RangeRunner.of(options.threads(), progress).run(IndexRange.of(replicates), CHUNK, () -> {
            ReplicateAnalyser worker = new ReplicateAnalyser(design, protocol, streams, options.nullScenario());
            return chunk -> {
                // the large trial that estimates the true effect runs beside the replicates, on the first worker free
                if (truthTaken.compareAndSet(false, true)) {
                    truth.complete(truth(streams));
                }
                ReplicateResult[] results = new ReplicateResult[(int) chunk.size()];
                for (long r = chunk.from(); r < chunk.to(); r++) {
                    results[(int) (r - chunk.from())] = worker.run(r, accrual);
                }
                return new Chunk(chunk.from(), results);
            };
        }, chunk -> System.arraycopy(chunk.results, 0, outcomes, (int) chunk.from, chunk.results.length));
        ReplicateResult truthRun = truth.join();
        List<TrialResult.AnalysisResult> analyses = new ArrayList<>();
        for (int a = 0; a < design.analyses.size(); a++) {
            analyses.add(new Summaries(design, a).summarise(outcomes, truthRun, options.nullScenario()));
        }
        var loaded = protocol.loaded();
        TrialResult.Provenance provenance = new TrialResult.Provenance("trialsim", TrialsimVersion.get(), loaded.protocol().id(),
                loaded.source(), loaded.contentHash(), loaded.settings(), options.seed(),
                RandomStreams.GENERATOR, replicates);
        return new TrialResult(provenance, design.type + (design.label == null ? "" : ": " + design.label),
                options.nullScenario() ? "null" : "alternative", analyses, strataAllocation(outcomes));
    }

    /** The results of a chunk of replicates, from its first. */
    private record Chunk(long from, ReplicateResult[] results) {
    }

    /** Allocation per randomizing stratum, over the replicates. */
    private List<TrialResult.StratumAllocation> strataAllocation(ReplicateResult[] outcomes) {
        List<RandomizedStratum> strata = RandomizedStratum.of(protocol, design);
        boolean factors = design.factorSlots.length > 0;
        int r = outcomes.length;
        List<TrialResult.StratumAllocation> list = new ArrayList<>();
        for (int k = 0; k < strata.size(); k++) {
            RandomizedStratum stratum = strata.get(k);
            Map<String, TrialResult.Distribution> patients = new LinkedHashMap<>();
            double[] values = new double[r];
            for (int arm = 0; arm < stratum.arms().size(); arm++) {
                for (int i = 0; i < r; i++) {
                    values[i] = outcomes[i].strataCounts()[k][arm];
                }
                patients.put(stratum.arms().get(arm), distribution(values, r));
            }
            for (int i = 0; i < r; i++) {
                values[i] = outcomes[i].strataImbalance()[k];
            }
            TrialResult.Distribution imbalance = distribution(values, r);
            TrialResult.Distribution factorImbalance = null;
            if (factors) {
                for (int i = 0; i < r; i++) {
                    values[i] = outcomes[i].factorImbalance()[k];
                }
                factorImbalance = distribution(values, r);
            }
            list.add(new TrialResult.StratumAllocation(stratum.nodeId(), stratum.stratumId(), patients, imbalance, factorImbalance));
        }
        return list;
    }

    /**
     * The effect the design estimates, from one very large trial: the same design with about
     * {@value #TRUTH_PATIENTS} patients, accrued proportionally faster so that its calendar shape is
     * the same, analysed once at the scaled final cut.
     */
    private ReplicateResult truth(RandomStreams streams) {
        int scale = Math.max(1, Math.min((int) (VirtualTrial.STRIDE / design.sampleSize) - 1,
                (TRUTH_PATIENTS + design.sampleSize - 1) / design.sampleSize));
        return new ReplicateAnalyser(design, protocol, streams, false).runLarge(design.sampleSize * scale, AccrualProcess.of(design.accrual.withRatesTimes(scale)));
    }

    /** The replicates' outcomes for one analysis, summarised. */
    private static final class Summaries {
        private final TrialDesign design;
        private final int a;

        Summaries(TrialDesign design, int a) {
            this.design = design;
            this.a = a;
        }

        TrialResult.AnalysisResult summarise(ReplicateResult[] outcomes, ReplicateResult truthRun, boolean nullScenario) {
            Analysis analysis = design.analyses.get(a);
            int r = outcomes.length;
            long rejections = 0;
            long[] efficacyAt = new long[design.looks()];
            long[] futilityAt = new long[design.looks()];
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
            double truth = nullScenario ? 0 : truthRun.analyses()[a].estimate();
            double truthSe = nullScenario ? 0 : (truthRun.analyses()[a].upper() - truthRun.analyses()[a].lower()) / (2 * 1.96);
            long covered = 0;
            long intervals = 0;
            for (int i = 0; i < r; i++) {
                Conclusion o = outcomes[i].analyses()[a];
                if (o.efficacy()) {
                    rejections++;
                    efficacyAt[o.look()]++;
                } else if (o.futility()) {
                    futilityAt[o.look()]++;
                }
                patients[i] = o.patients();
                events[i] = o.events();
                months[i] = o.day() / TimeUnits.DAYS_PER_MONTH;
                control[i] = o.control();
                experimental[i] = o.experimental();
                imbalance[i] = Math.abs(o.experimental() - o.control());
                if (Double.isFinite(o.estimate())) {
                    estimate[estimated++] = o.estimate();
                }
                if (Double.isFinite(o.lower()) && Double.isFinite(o.upper())) {
                    intervals++;
                    if (o.lower() <= truth && truth <= o.upper()) {
                        covered++;
                    }
                }
                if (Double.isFinite(o.landmark())) {
                    landmark[landmarks++] = o.landmark();
                }
            }
            List<TrialResult.Look> looks = new ArrayList<>();
            DataCuts cuts = design.cuts;
            boolean interim = analysis.groupSequential() && cuts.looks() > 1;
            for (int k = 0; k < cuts.looks() && (interim || k == 0); k++) {
                Double futility = interim && cuts.hasFutilityBound(k) ? cuts.futilityBounds()[k] : null;
                double bound = analysis.groupSequential() ? cuts.boundaries().efficacyBound(k) : Double.NaN;
                looks.add(new TrialResult.Look(k + 1, cuts.informationFractions()[k], bound, futility,
                        proportion(efficacyAt[k], r), proportion(futilityAt[k], r)));
            }
            TrialResult.Allocation allocation = analysis.comparesArms()
                    ? new TrialResult.Allocation(distribution(control, r), distribution(experimental, r), distribution(imbalance, r)) : null;
            double[] est = Arrays.copyOf(estimate, estimated);
            double mean = mean(est);
            double sd = sd(est, mean);
            TrialResult.Effect effect = new TrialResult.Effect(analysis.measure(), truth, truthSe,
                    new TrialResult.Estimate(mean, sd / Math.sqrt(Math.max(1, estimated))), sd,
                    new TrialResult.Estimate(mean - truth, sd / Math.sqrt(Math.max(1, estimated))),
                    proportion(covered, intervals),
                    landmarks == 0 ? null : new TrialResult.Estimate(mean(Arrays.copyOf(landmark, landmarks)),
                            sd(Arrays.copyOf(landmark, landmarks), mean(Arrays.copyOf(landmark, landmarks))) / Math.sqrt(landmarks)));
            return new TrialResult.AnalysisResult(analysis.label(), analysis.test(), proportion(rejections, r), looks,
                    distribution(patients, r), distribution(events, r), distribution(months, r), allocation, effect);
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
