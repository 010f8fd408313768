package org.trialsim.simulator.design.escalation;

import java.util.ArrayList;
import java.util.List;
import org.trialsim.simulator.stats.Estimate;

/** One design's statistics over a run of trials, in primitive arrays, mergeable in a fixed order. */
final class DesignTally {
    private final int levels;
    private final int trueMtd;
    private long trials;
    private final long[] selected;
    private long correct;
    private final long[] patientsHistogram;
    private final long[] dltHistogram;
    private final Moments[] patientsAtLevel;
    private final Moments[] dltsAtLevel;
    private final Moments patients = new Moments();
    private final Moments dlts = new Moments();
    private final Moments above = new Moments();
    private final Moments duration = new Moments();
    private final Moments suspended = new Moments();
    private final Moments lost = new Moments();
    private final Moments wait = new Moments();
    private final Moments leftWaiting = new Moments();

    /**
     * An empty tally.
     *
     * @param scenario    the scenario simulated
     * @param maxPatients the most patients the design can treat in one trial
     */
    DesignTally(EscalationScenario scenario, int maxPatients) {
        this.levels = scenario.levels();
        this.trueMtd = scenario.trueMtd();
        this.selected = new long[levels + 1];
        this.patientsHistogram = new long[maxPatients + 1];
        this.dltHistogram = new long[maxPatients + 1];
        this.patientsAtLevel = new Moments[levels + 1];
        this.dltsAtLevel = new Moments[levels + 1];
        for (int d = 0; d <= levels; d++) {
            patientsAtLevel[d] = new Moments();
            dltsAtLevel[d] = new Moments();
        }
    }

    void add(TrialEngine e) {
        trials++;
        selected[e.selected]++;
        if (e.selected == trueMtd) {
            correct++;
        }
        patientsHistogram[e.patients]++;
        dltHistogram[e.dltCount]++;
        for (int d = 1; d <= levels; d++) {
            patientsAtLevel[d].add(e.patientsAtLevel[d]);
            dltsAtLevel[d].add(e.dltsAtLevel[d]);
        }
        patients.add(e.patients);
        dlts.add(e.dltCount);
        above.add(e.aboveTrueMtd);
        duration.add(e.duration);
        suspended.add(e.suspended);
        lost.add(e.lost);
        wait.add(e.meanWait);
        leftWaiting.add(e.leftWaiting);
    }

    void merge(DesignTally o) {
        trials += o.trials;
        correct += o.correct;
        for (int i = 0; i < selected.length; i++) {
            selected[i] += o.selected[i];
            patientsAtLevel[i].merge(o.patientsAtLevel[i]);
            dltsAtLevel[i].merge(o.dltsAtLevel[i]);
        }
        for (int i = 0; i < patientsHistogram.length; i++) {
            patientsHistogram[i] += o.patientsHistogram[i];
            dltHistogram[i] += o.dltHistogram[i];
        }
        patients.merge(o.patients);
        dlts.merge(o.dlts);
        above.merge(o.above);
        duration.merge(o.duration);
        suspended.merge(o.suspended);
        lost.merge(o.lost);
        wait.merge(o.wait);
        leftWaiting.merge(o.leftWaiting);
    }

    EscalationResult.DesignSummary summary(EscalationDesign design) {
        List<Estimate> mtd = new ArrayList<>(levels + 1);
        for (long s : selected) {
            mtd.add(Estimate.ofProportion(s, trials));
        }
        List<Estimate> atLevel = new ArrayList<>(levels + 1);
        List<Estimate> dltsAt = new ArrayList<>(levels + 1);
        for (int d = 0; d <= levels; d++) {
            atLevel.add(patientsAtLevel[d].meanEstimate());
            dltsAt.add(dltsAtLevel[d].meanEstimate());
        }
        return new EscalationResult.DesignSummary(design, mtd, Estimate.ofProportion(correct, trials), patients.meanEstimate(),
                new CountDistribution(boxed(patientsHistogram)), atLevel, dltsAt, dlts.meanEstimate(),
                new CountDistribution(boxed(dltHistogram)), above.meanEstimate(), duration.meanEstimate(),
                duration.sdEstimate(), suspended.meanEstimate(), lost.meanEstimate(), wait.meanEstimate(),
                leftWaiting.meanEstimate());
    }

    private static List<Long> boxed(long[] a) {
        int last = a.length - 1;
        List<Long> list = new ArrayList<>(a.length);
        for (int i = 0; i <= last; i++) {
            list.add(a[i]);
        }
        return list;
    }
}
