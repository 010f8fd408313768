package org.trialsim.simulator.trial;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.simulator.run.RangeRunner;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.stats.ExactMoments;
import org.trialsim.simulator.stats.QuantileSketch;
import org.trialsim.simulator.trial.allocation.AllocationMethod;
import org.trialsim.simulator.trial.allocation.ResponseLearning;

/**
 * The operating characteristics of a design accumulated over a range of replicates in fixed memory:
 * counts of decisions, and exact sums and quantile sketches of what varies from trial to trial. Tallies
 * of neighbouring ranges merge exactly, so the result is the same for any thread count or split of the
 * replicates. The coverage of the effect's interval needs the true effect, which is known only once the
 * large trial that estimates it has run: each tally keeps the intervals of its own replicates (a chunk's
 * worth) until {@link #countCoverage} is given the truth.
 */
final class TrialTally implements RangeRunner.Mergeable<TrialTally> {
    private final TrialDesign design;
    private final AnalysisTally[] analyses;
    private final StratumTally[] strata;
    /** Per adjusted family of comparisons, the replicates that rejected at least one of its null hypotheses. */
    private final long[] anyRejected;
    /** Per adjusted family, the replicates that rejected all of them. */
    private final long[] allRejected;
    private long replicates;

    TrialTally(TrialDesign design, List<RandomizedStratum> randomized) {
        this.design = design;
        this.analyses = new AnalysisTally[design.analyses.size()];
        for (int a = 0; a < analyses.length; a++) {
            analyses[a] = new AnalysisTally(design.looks());
        }
        this.strata = new StratumTally[randomized.size()];
        for (int k = 0; k < strata.length; k++) {
            strata[k] = new StratumTally(randomized.get(k).arms().size());
        }
        this.anyRejected = new long[design.families.size()];
        this.allRejected = new long[design.families.size()];
    }

    /** Adds one replicate. */
    void add(ReplicateResult result) {
        replicates++;
        for (int a = 0; a < analyses.length; a++) {
            analyses[a].add(result.analyses()[a], design.analyses.get(a).margin());
        }
        for (int k = 0; k < strata.length; k++) {
            strata[k].add(result.strataCounts()[k], result.strataImbalance()[k], result.factorImbalance()[k], result.strataLeading()[k],
                    result.strataDropped()[k], result.strataStopped()[k]);
        }
        for (int f = 0; f < anyRejected.length; f++) {
            int rejected = 0;
            int[] family = design.families.get(f);
            for (int a : family) {
                rejected += result.analyses()[a].efficacy() ? 1 : 0;
            }
            anyRejected[f] += rejected > 0 ? 1 : 0;
            allRejected[f] += rejected == family.length ? 1 : 0;
        }
    }

    @Override
    public void merge(TrialTally next) {
        replicates += next.replicates;
        for (int a = 0; a < analyses.length; a++) {
            analyses[a].merge(next.analyses[a]);
        }
        for (int k = 0; k < strata.length; k++) {
            strata[k].merge(next.strata[k]);
        }
        for (int f = 0; f < anyRejected.length; f++) {
            anyRejected[f] += next.anyRejected[f];
            allRejected[f] += next.allRejected[f];
        }
    }

    /**
     * Writes the tally's exact state, once its coverage is counted (docs/shards.md, "the partial tallies"):
     * the replicates (8 bytes), the number of analyses and of randomized strata (4 bytes each), each
     * analysis, each stratum, the number of adjusted families (4 bytes) and for each the replicates that rejected any
     * and all of its hypotheses (8 bytes each).
     *
     * @throws IllegalStateException if intervals wait for their coverage to be counted
     */
    void writeTo(DataOutput out) throws IOException {
        out.writeLong(replicates);
        out.writeInt(analyses.length);
        out.writeInt(strata.length);
        for (AnalysisTally a : analyses) {
            a.writeTo(out);
        }
        for (StratumTally k : strata) {
            k.writeTo(out);
        }
        out.writeInt(anyRejected.length);
        for (int f = 0; f < anyRejected.length; f++) {
            out.writeLong(anyRejected[f]);
            out.writeLong(allRejected[f]);
        }
    }

    /**
     * Reads what {@link #writeTo} wrote, for the same design and strata.
     *
     * @throws IOException if the input ends early, or its analyses, looks, strata or arms are not the design's
     */
    static TrialTally readFrom(DataInput in, TrialDesign design, List<RandomizedStratum> randomized) throws IOException {
        TrialTally t = new TrialTally(design, randomized);
        t.replicates = in.readLong();
        expect(in.readInt(), t.analyses.length, "analyses");
        expect(in.readInt(), t.strata.length, "randomized strata");
        for (AnalysisTally a : t.analyses) {
            a.readFrom(in);
        }
        for (StratumTally k : t.strata) {
            k.readFrom(in);
        }
        expect(in.readInt(), t.anyRejected.length, "families of comparisons");
        for (int f = 0; f < t.anyRejected.length; f++) {
            t.anyRejected[f] = in.readLong();
            t.allRejected[f] = in.readLong();
            if (t.anyRejected[f] < 0 || t.allRejected[f] < 0 || t.allRejected[f] > t.anyRejected[f] || t.anyRejected[f] > t.replicates) {
                throw new IOException("impossible counts of a family's rejections (" + t.anyRejected[f] + " any, " + t.allRejected[f]
                        + " all, of " + t.replicates + " replicates)");
            }
        }
        return t;
    }

    /** The number of replicates tallied. */
    long replicates() {
        return replicates;
    }

    private static void expect(int read, int expected, String what) throws IOException {
        if (read != expected) {
            throw new IOException("it has " + read + " " + what + ", the design " + expected);
        }
    }

    /** Counts how often the intervals held since the last call contain each analysis's true effect, and forgets them. */
    void countCoverage(List<Truth> truths) {
        for (int a = 0; a < analyses.length; a++) {
            analyses[a].countCoverage(truths.get(a).value());
        }
    }

    /**
     * The operating characteristics of analysis a, given its true effect. The bias's standard error
     * combines the Monte Carlo errors of the mean estimate and of the true value.
     */
    TrialResult.AnalysisResult result(int a, Truth truth) {
        Analysis analysis = design.analyses.get(a);
        AnalysisTally t = analyses[a];
        List<TrialResult.Look> looks = new ArrayList<>();
        DataCuts cuts = design.cuts(analysis);
        boolean interim = analysis.groupSequential() && cuts.looks() > 1;
        for (int k = 0; k < cuts.looks() && (interim || k == 0); k++) {
            Double futility = interim && cuts.hasFutilityBound(k) ? cuts.futilityBounds()[k] : null;
            double bound = analysis.groupSequential() ? cuts.boundaries().efficacyBound(k) : Double.NaN;
            looks.add(new TrialResult.Look(k + 1, cuts.informationFractions()[k], bound, futility,
                    Estimate.ofProportion(t.efficacyAt[k], replicates), Estimate.ofProportion(t.futilityAt[k], replicates)));
        }
        TrialResult.Allocation allocation = analysis.comparesArms()
                ? new TrialResult.Allocation(distribution(t.control), distribution(t.experimental), distribution(t.imbalance)) : null;
        ExactMoments estimate = t.estimate;
        double mean = estimate.mean();
        double se = estimate.standardError();
        double biasSe = Math.sqrt(se * se + truth.standardError() * truth.standardError());
        TrialResult.Effect effect = new TrialResult.Effect(analysis.measure(), truth.value(), truth.standardError(), truth.method().label(),
                estimate.count(), new Estimate(mean, se), estimate.standardDeviation(), new Estimate(mean - truth.value(), biasSe),
                Estimate.ofProportion(t.covered, t.intervals),
                t.landmark.count() == 0 ? null : new Estimate(t.landmark.mean(), t.landmark.standardError()));
        Margin m = analysis.margin();
        TrialResult.MarginResult margin = m == null ? null : new TrialResult.MarginResult(m.hypothesis().label(), m.nullHypothesis(),
                m.value(), m.onHazardRatio() ? "hazard ratio" : "difference in response rates",
                Estimate.ofProportion(t.beyondMargin, replicates));
        return new TrialResult.AnalysisResult(analysis.label(), analysis.test(), Estimate.ofProportion(t.rejections, replicates), looks,
                distribution(t.patients), distribution(t.events), distribution(t.months), allocation, effect, margin);
    }

    /**
     * The families of comparisons whose alpha the design adjusts, over the replicates; null when it adjusts none
     * (so that the result of such a design is as before).
     *
     * @param armIds the protocol's arm ids, by the arm indices of the analyses
     */
    List<TrialResult.Family> families(List<String> armIds) {
        if (design.families.isEmpty()) {
            return null;
        }
        List<TrialResult.Family> list = new ArrayList<>();
        for (int f = 0; f < anyRejected.length; f++) {
            int[] family = design.families.get(f);
            Analysis first = design.analyses.get(family[0]);
            List<String> labels = new ArrayList<>();
            for (int a : family) {
                labels.add(design.analyses.get(a).label());
            }
            list.add(new TrialResult.Family(armIds.get(first.control()), design.multiplicity.label(), labels, design.alpha,
                    design.level(first), Estimate.ofProportion(anyRejected[f], replicates), Estimate.ofProportion(allRejected[f], replicates)));
        }
        return list;
    }

    /**
     * Allocation in each randomized stratum over the replicates. The best arm of a stratum is chosen by
     * the true effect of the first analysis that compares exactly its two arms, when that effect is
     * clearly not none (beyond 1.96 of its standard errors; an exact effect needs only to differ from 0).
     *
     * @param truths the analyses' true effects
     * @param armIds the protocol's arm ids, by the arm indices of the analyses
     */
    List<TrialResult.StratumAllocation> strataAllocation(List<RandomizedStratum> randomized, List<Truth> truths, List<String> armIds) {
        boolean factors = design.factorSlots.length > 0;
        boolean adaptive = design.allocation instanceof AllocationMethod.ResponseAdaptive;
        boolean drops = adaptive && ((AllocationMethod.ResponseAdaptive) design.allocation).dropBelow() > 0;
        boolean stops = adaptive && ((AllocationMethod.ResponseAdaptive) design.allocation).stops();
        List<TrialResult.StratumAllocation> list = new ArrayList<>();
        for (int k = 0; k < strata.length; k++) {
            RandomizedStratum stratum = randomized.get(k);
            StratumTally t = strata[k];
            Map<String, TrialResult.Distribution> patients = new LinkedHashMap<>();
            Map<String, TrialResult.ArmAllocation> arms = new LinkedHashMap<>();
            for (int arm = 0; arm < stratum.arms().size(); arm++) {
                patients.put(stratum.arms().get(arm), distribution(t.patients[arm]));
                ExactMoments share = t.share[arm];
                arms.put(stratum.arms().get(arm), new TrialResult.ArmAllocation(t.patients[arm].quantile(0.025),
                        t.patients[arm].quantile(0.975), new Estimate(share.mean(), share.standardError()),
                        adaptive ? Estimate.ofProportion(t.leading[arm], replicates) : null,
                        drops ? Estimate.ofProportion(t.dropped[arm], replicates) : null));
            }
            String best = null;
            String by = null;
            for (int a = 0; a < design.analyses.size() && best == null; a++) {
                Analysis analysis = design.analyses.get(a);
                Truth truth = truths.get(a);
                if (!analysis.comparesArms() || stratum.arms().size() != 2 || truth.method() == Truth.Method.NULL_HYPOTHESIS
                        || !stratum.arms().contains(armIds.get(analysis.control()))
                        || !stratum.arms().contains(armIds.get(analysis.experimental()))) {
                    continue;
                }
                if (truth.value() == 0 || Math.abs(truth.value()) <= 1.96 * truth.standardError()) {
                    break;
                }
                // a log hazard ratio below 0 favours the experimental arm; a difference in response rates above 0 does
                boolean experimentalBetter = analysis instanceof SurvivalComparison ? truth.value() < 0 : truth.value() > 0;
                best = armIds.get(experimentalBetter ? analysis.experimental() : analysis.control());
                by = "the true " + analysis.measure() + " of " + analysis.label() + " (" + truth.method().label() + ")";
            }
            Estimate bestShare = best == null ? null : arms.get(best).share();
            list.add(new TrialResult.StratumAllocation(stratum.nodeId(), stratum.stratumId(), patients, distribution(t.imbalance),
                    factors ? distribution(t.factorImbalance) : null, arms, best, by, bestShare,
                    stops ? Estimate.ofProportion(t.stoppedSuperiority, replicates) : null,
                    stops ? Estimate.ofProportion(t.stoppedFutility, replicates) : null));
        }
        return list;
    }

    static TrialResult.Distribution distribution(QuantileSketch s) {
        ExactMoments m = s.moments();
        return new TrialResult.Distribution(m.mean(), m.standardError(), m.standardDeviation(), s.min(), s.quantile(0.1),
                s.quantile(0.5), s.quantile(0.9), s.max());
    }

    /** One analysis over the replicates. */
    private static final class AnalysisTally {
        long rejections;
        final long[] efficacyAt;
        final long[] futilityAt;
        final QuantileSketch patients = new QuantileSketch();
        final QuantileSketch events = new QuantileSketch();
        final QuantileSketch months = new QuantileSketch();
        final QuantileSketch control = new QuantileSketch();
        final QuantileSketch experimental = new QuantileSketch();
        final QuantileSketch imbalance = new QuantileSketch();
        final ExactMoments estimate = new ExactMoments();
        final ExactMoments landmark = new ExactMoments();
        long covered;
        long intervals;
        /** Replicates whose interval lay wholly beyond the margin (a comparison with one). */
        long beyondMargin;
        /** The finite intervals of replicates whose coverage is not counted yet: lower, upper, lower, … */
        private double[] pending = new double[16];
        private int pendingCount;

        AnalysisTally(int looks) {
            efficacyAt = new long[looks];
            futilityAt = new long[looks];
        }

        void add(Conclusion o, Margin margin) {
            if (margin != null && margin.intervalBeyond(o.lower(), o.upper())) {
                beyondMargin++;
            }
            if (o.efficacy()) {
                rejections++;
                efficacyAt[o.look()]++;
            } else if (o.futility()) {
                futilityAt[o.look()]++;
            }
            patients.add(o.patients());
            events.add(o.events());
            months.add(o.day() / TimeUnits.DAYS_PER_MONTH);
            control.add(o.control());
            experimental.add(o.experimental());
            imbalance.add(Math.abs(o.experimental() - o.control()));
            if (Double.isFinite(o.estimate())) {
                estimate.add(o.estimate());
            }
            if (Double.isFinite(o.lower()) && Double.isFinite(o.upper())) {
                if (pendingCount + 2 > pending.length) {
                    pending = Arrays.copyOf(pending, pending.length * 2);
                }
                pending[pendingCount++] = o.lower();
                pending[pendingCount++] = o.upper();
            }
            if (Double.isFinite(o.landmark())) {
                landmark.add(o.landmark());
            }
        }

        void merge(AnalysisTally o) {
            rejections += o.rejections;
            for (int k = 0; k < efficacyAt.length; k++) {
                efficacyAt[k] += o.efficacyAt[k];
                futilityAt[k] += o.futilityAt[k];
            }
            patients.merge(o.patients);
            events.merge(o.events);
            months.merge(o.months);
            control.merge(o.control);
            experimental.merge(o.experimental);
            imbalance.merge(o.imbalance);
            estimate.merge(o.estimate);
            landmark.merge(o.landmark);
            covered += o.covered;
            intervals += o.intervals;
            beyondMargin += o.beyondMargin;
            if (o.pendingCount > 0) {
                if (pendingCount + o.pendingCount > pending.length) {
                    pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingCount + o.pendingCount));
                }
                System.arraycopy(o.pending, 0, pending, pendingCount, o.pendingCount);
                pendingCount += o.pendingCount;
            }
        }

        void writeTo(DataOutput out) throws IOException {
            if (pendingCount > 0) {
                throw new IllegalStateException("a tally is written before the coverage of its intervals is counted");
            }
            out.writeLong(rejections);
            out.writeInt(efficacyAt.length);
            for (int k = 0; k < efficacyAt.length; k++) {
                out.writeLong(efficacyAt[k]);
                out.writeLong(futilityAt[k]);
            }
            for (QuantileSketch q : new QuantileSketch[] {patients, events, months, control, experimental, imbalance}) {
                q.writeTo(out);
            }
            estimate.writeTo(out);
            landmark.writeTo(out);
            out.writeLong(covered);
            out.writeLong(intervals);
            out.writeLong(beyondMargin);
        }

        void readFrom(DataInput in) throws IOException {
            rejections = in.readLong();
            expect(in.readInt(), efficacyAt.length, "looks");
            for (int k = 0; k < efficacyAt.length; k++) {
                efficacyAt[k] = in.readLong();
                futilityAt[k] = in.readLong();
            }
            for (QuantileSketch q : new QuantileSketch[] {patients, events, months, control, experimental, imbalance}) {
                q.merge(QuantileSketch.readFrom(in));
            }
            estimate.merge(ExactMoments.readFrom(in));
            landmark.merge(ExactMoments.readFrom(in));
            covered = in.readLong();
            intervals = in.readLong();
            beyondMargin = in.readLong();
        }

        void countCoverage(double truth) {
            for (int j = 0; j < pendingCount; j += 2) {
                intervals++;
                if (pending[j] <= truth && truth <= pending[j + 1]) {
                    covered++;
                }
            }
            pendingCount = 0;
        }
    }

    /** One randomized stratum over the replicates. */
    private static final class StratumTally {
        final QuantileSketch[] patients;
        /** Per arm, its share of the stratum's patients in trials that had any. */
        final ExactMoments[] share;
        /** Per arm, trials whose learning allocator ended with the arm's probability the highest. */
        final long[] leading;
        /** Per arm, trials whose learning allocator dropped it. */
        final long[] dropped;
        /** Trials this stratum's learning allocator stopped for superiority, and for futility. */
        long stoppedSuperiority;
        long stoppedFutility;
        final QuantileSketch imbalance = new QuantileSketch();
        final QuantileSketch factorImbalance = new QuantileSketch();

        StratumTally(int arms) {
            patients = new QuantileSketch[arms];
            share = new ExactMoments[arms];
            leading = new long[arms];
            dropped = new long[arms];
            for (int arm = 0; arm < arms; arm++) {
                patients[arm] = new QuantileSketch();
                share[arm] = new ExactMoments();
            }
        }

        void add(int[] counts, double imbalanceOfTrial, double factorImbalanceOfTrial, int leadingArm, int droppedArms, int stopped) {
            stoppedSuperiority += stopped == ResponseLearning.STOP_SUPERIORITY ? 1 : 0;
            stoppedFutility += stopped == ResponseLearning.STOP_FUTILITY ? 1 : 0;
            for (int arm = 0; arm < dropped.length; arm++) {
                dropped[arm] += droppedArms >>> arm & 1;
            }
            int total = 0;
            for (int arm = 0; arm < patients.length; arm++) {
                patients[arm].add(counts[arm]);
                total += counts[arm];
            }
            for (int arm = 0; total > 0 && arm < patients.length; arm++) {
                share[arm].add((double) counts[arm] / total);
            }
            if (leadingArm >= 0) {
                leading[leadingArm]++;
            }
            imbalance.add(imbalanceOfTrial);
            factorImbalance.add(factorImbalanceOfTrial);
        }

        void writeTo(DataOutput out) throws IOException {
            out.writeInt(patients.length);
            for (int arm = 0; arm < patients.length; arm++) {
                patients[arm].writeTo(out);
                share[arm].writeTo(out);
                out.writeLong(leading[arm]);
                out.writeLong(dropped[arm]);
            }
            out.writeLong(stoppedSuperiority);
            out.writeLong(stoppedFutility);
            imbalance.writeTo(out);
            factorImbalance.writeTo(out);
        }

        void readFrom(DataInput in) throws IOException {
            expect(in.readInt(), patients.length, "arms in a stratum");
            for (int arm = 0; arm < patients.length; arm++) {
                patients[arm].merge(QuantileSketch.readFrom(in));
                share[arm].merge(ExactMoments.readFrom(in));
                long led = in.readLong();
                if (led < 0) {
                    throw new IOException("a negative count of trials an arm led (" + led + ")");
                }
                leading[arm] += led;
                long gone = in.readLong();
                if (gone < 0) {
                    throw new IOException("a negative count of trials that dropped an arm (" + gone + ")");
                }
                dropped[arm] += gone;
            }
            long superiority = in.readLong();
            long futility = in.readLong();
            if (superiority < 0 || futility < 0) {
                throw new IOException("a negative count of trials stopped at an update (" + superiority + ", " + futility + ")");
            }
            stoppedSuperiority += superiority;
            stoppedFutility += futility;
            imbalance.merge(QuantileSketch.readFrom(in));
            factorImbalance.merge(QuantileSketch.readFrom(in));
        }

        void merge(StratumTally o) {
            for (int arm = 0; arm < patients.length; arm++) {
                patients[arm].merge(o.patients[arm]);
                share[arm].merge(o.share[arm]);
                leading[arm] += o.leading[arm];
                dropped[arm] += o.dropped[arm];
            }
            stoppedSuperiority += o.stoppedSuperiority;
            stoppedFutility += o.stoppedFutility;
            imbalance.merge(o.imbalance);
            factorImbalance.merge(o.factorImbalance);
        }
    }
}
