package org.trialsim.simulator.design.escalation;

import org.trialsim.simulator.stats.Estimate;

/** Trial-by-trial differences between two designs run on the same patients, mergeable in a fixed order. */
final class PairTally {
    private final int trueMtd;
    private long trials;
    private long same;
    private final Moments duration = new Moments();
    private final Moments patients = new Moments();
    private final Moments dlts = new Moments();
    private final Moments above = new Moments();
    private final Moments suspended = new Moments();
    private final Moments correct = new Moments();

    PairTally(EscalationScenario scenario) {
        this.trueMtd = scenario.trueMtd();
    }

    /** Adds the two designs' outcomes on one replicate. */
    void add(TrialEngine first, TrialEngine second) {
        trials++;
        if (first.selected == second.selected) {
            same++;
        }
        duration.add(first.duration - second.duration);
        patients.add(first.patients - second.patients);
        dlts.add(first.dltCount - second.dltCount);
        above.add(first.aboveTrueMtd - second.aboveTrueMtd);
        suspended.add(first.suspended - second.suspended);
        correct.add((first.selected == trueMtd ? 1 : 0) - (second.selected == trueMtd ? 1 : 0));
    }

    void merge(PairTally o) {
        trials += o.trials;
        same += o.same;
        duration.merge(o.duration);
        patients.merge(o.patients);
        dlts.merge(o.dlts);
        above.merge(o.above);
        suspended.merge(o.suspended);
        correct.merge(o.correct);
    }

    EscalationResult.Comparison comparison(EscalationDesign first, EscalationDesign second) {
        return new EscalationResult.Comparison(first, second, duration.meanEstimate(), patients.meanEstimate(),
                dlts.meanEstimate(), above.meanEstimate(), suspended.meanEstimate(), correct.meanEstimate(),
                Estimate.ofProportion(same, trials));
    }
}
