package org.trialsim.simulator.trial;

import java.util.Arrays;
import java.util.List;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.Patients;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.trial.accrual.AccrualProcess;

/**
 * Simulates the design's replicates one at a time and has each analysis conclude on it: what a
 * worker thread keeps from replicate to replicate (the trial builder and the analyses' data). Not
 * thread-safe.
 */
final class ReplicateAnalyser {
    private final TrialDesign design;
    private final VirtualTrial trial;
    private final List<Analysis.Data> data;
    private final List<RandomizedStratum> strata;

    ReplicateAnalyser(TrialDesign design, CompiledProtocol protocol, RandomStreams streams, boolean nullScenario) {
        this(design, protocol, streams, nullScenario, Patients.of(protocol, streams));
    }

    /** As the other constructor, with the given simulator of the patients (of this protocol and these streams). */
    ReplicateAnalyser(TrialDesign design, CompiledProtocol protocol, RandomStreams streams, boolean nullScenario, Patients patients) {
        this.design = design;
        this.data = design.analyses.stream().map(a -> a.newData(design, streams, nullScenario)).toList();
        this.trial = new VirtualTrial(design, protocol, streams, data, nullScenario, protocol.index().nodes(), patients);
        this.strata = RandomizedStratum.of(protocol, design);
    }

    /** Simulates replicate r of the design and analyses it. */
    ReplicateResult run(long r, AccrualProcess accrual) {
        trial.looks().keep(false);
        trial.simulate(r, design.sampleSize, accrual);
        return conclude(false, 1);
    }

    /** Simulates replicate r of the design, analyses it, and adds a row for each look of each analysis to {@code rows}. */
    ReplicateResult run(long r, AccrualProcess accrual, List<ReplicateLook> rows) {
        trial.looks().keep(true);
        trial.simulate(r, design.sampleSize, accrual);
        Conclusion[] conclusions = new Conclusion[data.size()];
        int[] lastRow = new int[conclusions.length];
        for (int a = 0; a < conclusions.length; a++) {
            trial.looks().clear();
            conclusions[a] = data.get(a).conclude(trial, false, 1);
            addRows(r, a, conclusions[a], rows);
            lastRow[a] = rows.size() - 1;
        }
        trial.looks().keep(false);
        Conclusion[] adjusted = FamilyAdjustment.apply(design, conclusions);
        for (int a = 0; a < conclusions.length; a++) {
            if (adjusted[a] != conclusions[a]) {
                // the family's adjustment changed the decision the analysis's last look noted
                ReplicateLook row = rows.get(lastRow[a]);
                rows.set(lastRow[a], new ReplicateLook(row.replicate(), row.analysis(), row.look(), row.patients(), row.events(),
                        row.months(), row.statistic(), row.pValue(), row.estimate(), row.lower(), row.upper(),
                        adjusted[a].efficacy() ? ReplicateLook.EFFICACY : ReplicateLook.NOT_REJECTED));
            }
        }
        return withAllocation(adjusted);
    }

    /** The rows of analysis a's looks: each look it made, the last one the conclusion. */
    private void addRows(long r, int a, Conclusion c, List<ReplicateLook> rows) {
        LookLog looks = trial.looks();
        int last = looks.size() - 1;
        if (last < 0 || looks.look(last) != c.look()) {
            throw new IllegalStateException("analysis " + (a + 1) + " concluded at look " + (c.look() + 1) + " without noting it");
        }
        for (int k = 0; k < last; k++) {
            rows.add(new ReplicateLook(r, a + 1, looks.look(k) + 1, looks.patients(k), looks.events(k),
                    looks.day(k) / TimeUnits.DAYS_PER_MONTH, looks.statistic(k), looks.pValue(k), Double.NaN, Double.NaN, Double.NaN,
                    ReplicateLook.CONTINUE));
        }
        String decision = c.efficacy() ? ReplicateLook.EFFICACY : c.futility() ? ReplicateLook.FUTILITY : ReplicateLook.NOT_REJECTED;
        rows.add(new ReplicateLook(r, a + 1, c.look() + 1, c.patients(), c.events(), c.day() / TimeUnits.DAYS_PER_MONTH,
                looks.statistic(last), looks.pValue(last), c.estimate(), c.lower(), c.upper(), decision));
    }

    /** Simulates a trial of the given size and accrual (replicate -1) and analyses it at its final look only. */
    ReplicateResult runLarge(int patients, AccrualProcess accrual) {
        trial.simulate(-1, patients, accrual);
        return conclude(true, patients / (double) design.sampleSize);
    }

    /** The design. */
    TrialDesign design() {
        return design;
    }

    /** The trial last simulated; for tests. */
    VirtualTrial trial() {
        return trial;
    }

    private ReplicateResult conclude(boolean finalOnly, double scale) {
        Conclusion[] conclusions = new Conclusion[data.size()];
        for (int a = 0; a < conclusions.length; a++) {
            conclusions[a] = data.get(a).conclude(trial, finalOnly, scale);
        }
        return withAllocation(FamilyAdjustment.apply(design, conclusions));
    }

    /** The conclusions, with what each randomized stratum's allocator did in the trial last simulated. */
    private ReplicateResult withAllocation(Conclusion[] conclusions) {
        int[][] counts = new int[strata.size()][];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = new int[strata.get(k).arms().size()];
        }
        double[] imbalance = new double[strata.size()];
        double[] factorImbalance = new double[strata.size()];
        int[] leading = new int[strata.size()];
        Arrays.fill(leading, -1);
        int[] dropped = new int[strata.size()];
        int[] stopped = new int[strata.size()];
        trial.reportAllocation(strata, counts, imbalance, factorImbalance, leading, dropped, stopped);
        return new ReplicateResult(conclusions, counts, imbalance, factorImbalance, leading, dropped, stopped);
    }
}
