package org.trialsim.simulator.cohort;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.run.RangeRunner;
import org.trialsim.simulator.stats.CountCodec;
import org.trialsim.simulator.stats.ExactSum;
import org.trialsim.simulator.stats.SurvivalAccumulator;

/**
 * Statistics of the patients of one arm's run, in fixed-size integer structures: merging shards is
 * exact and independent of order, so a seed gives identical results for any thread count.
 */
final class CohortAccumulator implements RangeRunner.Mergeable<CohortAccumulator> {
    /** Time on therapy is kept in thousandths of a day, cost in hundredths of a currency unit. */
    static final double TIME_SCALE = 1000;
    static final double COST_SCALE = 100;

    final ProtocolIndex index;
    final int arm;
    long presented;
    long enrolled;
    final long[] criterionFailed;
    final long[] criterionFirst;
    final long[] treatmentExcluded;
    final long[] riskAtEnrolment;
    long notOffered;
    long onArm;
    final long[] nodePatients;
    /**
     * Patients by what happened at each node: for a block, {@link PatientOutcome#GIVEN}, SUBSTITUTED or
     * SKIPPED; for a decision, its route; for an allocation, the arm.
     */
    final long[][] choices;
    final long[] died;
    final long[] relapsed;
    final long[][] toxicities;
    final long[] assessed;
    final long[] negative;
    final long[][] belowThreshold;
    final long[] remissionAt;
    long remission;
    long transplanted;
    ExactSum timeOnTherapy = new ExactSum();
    ExactSum cost = new ExactSum();
    final SurvivalAccumulator[] endpoints;
    final int horizonDays;
    private final double[][] thresholds;
    private final double remissionBelow;
    private final EndpointObservations observations;

    CohortAccumulator(ProtocolIndex index, int arm) {
        this.index = index;
        this.arm = arm;
        criterionFailed = new long[index.criteria()];
        criterionFirst = new long[index.criteria()];
        treatmentExcluded = new long[index.treatments()];
        riskAtEnrolment = new long[index.riskGroups().size()];
        int n = index.nodes();
        nodePatients = new long[n];
        choices = new long[n][];
        toxicities = new long[n][];
        for (int i = 0; i < n; i++) {
            boolean block = index.nodeType(i).equals("block");
            // an end node records choice 0
            choices[i] = new long[block ? 3 : Math.max(1, index.branches(i))];
            toxicities[i] = new long[index.toxicities(i)];
        }
        died = new long[n];
        relapsed = new long[n];
        int a = index.assessments();
        assessed = new long[a];
        negative = new long[a];
        remissionAt = new long[a];
        belowThreshold = new long[a][];
        thresholds = new double[a][];
        for (int i = 0; i < a; i++) {
            thresholds[i] = index.thresholds(i);
            belowThreshold[i] = new long[thresholds[i].length];
        }
        remissionBelow = index.remissionBelow();
        horizonDays = (int) Math.ceil(index.horizonDays());
        endpoints = new SurvivalAccumulator[index.endpoints()];
        for (int i = 0; i < endpoints.length; i++) {
            endpoints[i] = SurvivalAccumulator.of(horizonDays, index.endpoint(i).events().size());
        }
        observations = new EndpointObservations(index);
    }

    void add(PatientOutcome o) {
        presented++;
        if (!o.enrolled()) {
            for (int c = 0; c < criterionFailed.length; c++) {
                criterionFailed[c] += (o.failedCriteria() >>> c) & 1;
            }
            criterionFirst[o.firstFailedCriterion()]++;
            return;
        }
        enrolled++;
        for (int t = 0; t < treatmentExcluded.length; t++) {
            treatmentExcluded[t] += (o.ineligibleTreatments() >>> t) & 1;
        }
        if (o.initialRisk() >= 0) {
            riskAtEnrolment[o.initialRisk()]++;
        }
        if (o.notOffered()) {
            notOffered++;
        }
        addPath(o);
        if (o.arm() != arm) {
            return;
        }
        onArm++;
        double[] s = o.state();
        for (int a = 0; a < assessed.length; a++) {
            double mrd = s[index.assessmentSlot(a)];
            if (mrd == mrd) {
                assessed[a]++;
                negative[a] += countIf(mrd == 0);
                remissionAt[a] += countIf(mrd < remissionBelow);
                for (int t = 0; t < thresholds[a].length; t++) {
                    belowThreshold[a][t] += countIf(mrd < thresholds[a][t]);
                }
            }
        }
        remission += countIf(o.reachedRemission());
        transplanted += countIf(o.transplanted());
        timeOnTherapy.add(timeUnits(o.timeOnTherapy()));
        cost.add(costUnits(o.cost()));
        observations.observe(o);
        for (int e = 0; e < endpoints.length; e++) {
            if (observations.counts(e)) {
                endpoints[e].add(observations.time(e), observations.status(e));
            }
        }
    }

    private void addPath(PatientOutcome o) {
        for (int i = 0; i < o.pathLength(); i++) {
            int node = o.pathNode(i);
            nodePatients[node]++;
            choices[node][o.pathChoice(i)]++;
            // adds each toxicity's bit rather than branching on it: toxicities are random and mispredict
            long tox = o.pathToxicities(i);
            long[] counts = toxicities[node];
            for (int k = 0; k < counts.length; k++) {
                counts[k] += (tox >>> k) & 1;
            }
        }
        if (o.notOffered()) {
            nodePatients[o.allocationNode()]++;
        }
        int interrupted = o.interruptedAt();
        if (interrupted >= 0) {
            if (o.relapseTime() < Double.POSITIVE_INFINITY) {
                relapsed[interrupted]++;
            } else {
                died[interrupted]++;
            }
        }
    }

    @Override
    public void merge(CohortAccumulator other) {
        presented += other.presented;
        enrolled += other.enrolled;
        add(criterionFailed, other.criterionFailed);
        add(criterionFirst, other.criterionFirst);
        add(treatmentExcluded, other.treatmentExcluded);
        add(riskAtEnrolment, other.riskAtEnrolment);
        notOffered += other.notOffered;
        onArm += other.onArm;
        add(nodePatients, other.nodePatients);
        for (int i = 0; i < choices.length; i++) {
            add(choices[i], other.choices[i]);
            add(toxicities[i], other.toxicities[i]);
        }
        add(died, other.died);
        add(relapsed, other.relapsed);
        add(assessed, other.assessed);
        add(negative, other.negative);
        add(remissionAt, other.remissionAt);
        for (int a = 0; a < belowThreshold.length; a++) {
            add(belowThreshold[a], other.belowThreshold[a]);
        }
        remission += other.remission;
        transplanted += other.transplanted;
        timeOnTherapy.merge(other.timeOnTherapy);
        cost.merge(other.cost);
        for (int e = 0; e < endpoints.length; e++) {
            endpoints[e].merge(other.endpoints[e]);
        }
    }

    /**
     * Writes every count (docs/shards.md, "the cohort's partial tallies"): the six single counts, then
     * each array of counts in the order of the fields, the two exact sums and the endpoints' survival
     * counts. What the index gives (thresholds, horizon) is not written: the reader has the protocol.
     */
    void writeTo(DataOutput out) throws IOException {
        for (long c : new long[] {presented, enrolled, notOffered, onArm, remission, transplanted}) {
            CountCodec.writeCount(out, c);
        }
        for (long[] counts : arrays()) {
            CountCodec.writeCounts(out, counts);
        }
        timeOnTherapy.writeTo(out);
        cost.writeTo(out);
        for (SurvivalAccumulator e : endpoints) {
            e.writeTo(out);
        }
    }

    /**
     * Reads what {@link #writeTo} wrote into this empty accumulator.
     *
     * @throws IOException if it ends early or its counts do not have this protocol's shape
     */
    void readFrom(DataInput in) throws IOException {
        presented = CountCodec.readCount(in);
        enrolled = CountCodec.readCount(in);
        notOffered = CountCodec.readCount(in);
        onArm = CountCodec.readCount(in);
        remission = CountCodec.readCount(in);
        transplanted = CountCodec.readCount(in);
        for (long[] counts : arrays()) {
            CountCodec.addCounts(in, counts, "the cohort's counts");
        }
        timeOnTherapy = ExactSum.readFrom(in);
        cost = ExactSum.readFrom(in);
        for (SurvivalAccumulator e : endpoints) {
            e.addFrom(in);
        }
        if (enrolled > presented || onArm > enrolled || timeOnTherapy.count() != onArm || cost.count() != onArm) {
            throw new IOException("its counts do not add up (" + presented + " presented, " + enrolled + " enrolled, " + onArm
                    + " on the arm)");
        }
    }

    /** Every array of counts, in the codec's order. */
    private List<long[]> arrays() {
        List<long[]> all = new ArrayList<>(List.of(criterionFailed, criterionFirst, treatmentExcluded, riskAtEnrolment, nodePatients));
        for (int i = 0; i < choices.length; i++) {
            all.add(choices[i]);
            all.add(toxicities[i]);
        }
        all.addAll(List.of(died, relapsed, assessed, negative, remissionAt));
        all.addAll(List.of(belowThreshold));
        return all;
    }

    /** Time on therapy as it is summed: whole thousandths of a day. */
    static long timeUnits(double days) {
        return Math.round(days * TIME_SCALE);
    }

    /** A cost as it is summed: whole hundredths of a currency unit. */
    static long costUnits(double cost) {
        return Math.round(cost * COST_SCALE);
    }

    /** Patients given the block. */
    long given(int node) {
        return choices[node][PatientOutcome.GIVEN];
    }

    /** Patients who had the block's substitute instead. */
    long substituted(int node) {
        return choices[node][PatientOutcome.SUBSTITUTED];
    }

    /** Patients who skipped the block. */
    long skipped(int node) {
        return choices[node][PatientOutcome.SKIPPED];
    }

    /**
     * 1 if the condition holds, else 0: counting with it adds without a jump, where an if would
     * mispredict on outcomes that are random from one patient to the next.
     */
    private static int countIf(boolean condition) {
        return condition ? 1 : 0;
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }
}
