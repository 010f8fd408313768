package org.trialsim.simulator.cohort;

import org.trialsim.protocol.Endpoint;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.stats.ExactSum;
import org.trialsim.simulator.stats.SurvivalAccumulator;

/**
 * Statistics of the patients of one arm's run, in fixed-size integer structures: merging shards is
 * exact and independent of order, so a seed gives identical results for any thread count.
 */
final class CohortAccumulator {
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
    final long[][] branches;
    final long[] given;
    final long[] substituted;
    final long[] skipped;
    final long[] died;
    final long[] relapsed;
    final long[][] toxicities;
    final long[] assessed;
    final long[] negative;
    final long[][] belowThreshold;
    final long[] remissionAt;
    long remission;
    long transplanted;
    final ExactSum timeOnTherapy = new ExactSum();
    final ExactSum cost = new ExactSum();
    final SurvivalAccumulator[] endpoints;
    final int horizonDays;
    private final boolean[] isBlock;
    private final double[][] thresholds;
    // each endpoint's definition as arrays, read for every patient
    private final boolean[] remissionOnly;
    private final boolean[] fromAllocation;
    private final Endpoint.EventKind[][] endpointEvents;

    CohortAccumulator(ProtocolIndex index, int arm) {
        this.index = index;
        this.arm = arm;
        criterionFailed = new long[index.criteria()];
        criterionFirst = new long[index.criteria()];
        treatmentExcluded = new long[index.treatments()];
        riskAtEnrolment = new long[index.riskGroups().size()];
        int n = index.nodes();
        nodePatients = new long[n];
        branches = new long[n][];
        toxicities = new long[n][];
        for (int i = 0; i < n; i++) {
            branches[i] = new long[index.branches(i)];
            toxicities[i] = new long[index.toxicities(i)];
        }
        isBlock = new boolean[n];
        for (int i = 0; i < n; i++) {
            isBlock[i] = index.nodeType(i).equals("block");
        }
        given = new long[n];
        substituted = new long[n];
        skipped = new long[n];
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
        horizonDays = (int) Math.ceil(index.horizonDays());
        endpoints = new SurvivalAccumulator[index.endpoints()];
        remissionOnly = new boolean[endpoints.length];
        fromAllocation = new boolean[endpoints.length];
        endpointEvents = new Endpoint.EventKind[endpoints.length][];
        for (int i = 0; i < endpoints.length; i++) {
            Endpoint endpoint = index.endpoint(i);
            endpoints[i] = SurvivalAccumulator.of(horizonDays, endpoint.events().size());
            remissionOnly[i] = endpoint.remissionOnly();
            fromAllocation[i] = endpoint.origin() == Endpoint.Origin.ALLOCATION;
            endpointEvents[i] = endpoint.events().toArray(Endpoint.EventKind[]::new);
        }
    }

    void add(PatientOutcome o) {
        presented++;
        if (!o.enrolled()) {
            for (int c = 0; c < criterionFailed.length; c++) {
                if ((o.failedCriteria() & (1L << c)) != 0) {
                    criterionFailed[c]++;
                }
            }
            criterionFirst[o.firstFailedCriterion()]++;
            return;
        }
        enrolled++;
        for (int t = 0; t < treatmentExcluded.length; t++) {
            if ((o.ineligibleTreatments() & (1L << t)) != 0) {
                treatmentExcluded[t]++;
            }
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
                if (mrd == 0) {
                    negative[a]++;
                }
                if (mrd < index.remissionBelow()) {
                    remissionAt[a]++;
                }
                for (int t = 0; t < thresholds[a].length; t++) {
                    if (mrd < thresholds[a][t]) {
                        belowThreshold[a][t]++;
                    }
                }
            }
        }
        if (o.reachedRemission()) {
            remission++;
        }
        if (o.transplanted()) {
            transplanted++;
        }
        timeOnTherapy.add(Math.round(o.timeOnTherapy() * TIME_SCALE));
        cost.add(Math.round(o.cost() * COST_SCALE));
        for (int e = 0; e < endpoints.length; e++) {
            addEndpoint(e, o);
        }
    }

    private void addPath(PatientOutcome o) {
        for (int i = 0; i < o.pathLength(); i++) {
            int node = o.pathNode(i);
            int choice = o.pathChoice(i);
            if (isBlock[node]) {
                if (choice == PatientOutcome.SUBSTITUTED) {
                    nodePatients[node]++;
                    substituted[node]++;
                    continue;
                }
                if (choice == PatientOutcome.SKIPPED) {
                    nodePatients[node]++;
                    skipped[node]++;
                    continue;
                }
                nodePatients[node]++;
                given[node]++;
                long tox = o.pathToxicities(i);
                for (int k = 0; k < toxicities[node].length; k++) {
                    if ((tox & (1L << k)) != 0) {
                        toxicities[node][k]++;
                    }
                }
            } else {
                nodePatients[node]++;
                if (branches[node].length > 0) {
                    branches[node][choice]++;
                }
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

    private void addEndpoint(int e, PatientOutcome o) {
        if (remissionOnly[e] && !o.reachedRemission()) {
            return;
        }
        double origin = fromAllocation[e] ? o.allocationTime() : 0;
        if (origin != origin) {
            return;
        }
        double first = Double.POSITIVE_INFINITY;
        int cause = SurvivalAccumulator.CENSORED;
        Endpoint.EventKind[] events = endpointEvents[e];
        for (int k = 0; k < events.length; k++) {
            double t = switch (events[k]) {
                case FAILURE -> o.failureTime();
                case RELAPSE -> o.relapseTime();
                case DEATH -> o.deathTime();
            };
            if (t < first) {
                first = t;
                cause = k + 1;
            }
        }
        double horizon = index.horizonDays();
        if (first > horizon) {
            endpoints[e].add(horizon - origin, SurvivalAccumulator.CENSORED);
        } else {
            endpoints[e].add(first - origin, cause);
        }
    }

    void merge(CohortAccumulator other) {
        presented += other.presented;
        enrolled += other.enrolled;
        add(criterionFailed, other.criterionFailed);
        add(criterionFirst, other.criterionFirst);
        add(treatmentExcluded, other.treatmentExcluded);
        add(riskAtEnrolment, other.riskAtEnrolment);
        notOffered += other.notOffered;
        onArm += other.onArm;
        add(nodePatients, other.nodePatients);
        for (int i = 0; i < branches.length; i++) {
            add(branches[i], other.branches[i]);
            add(toxicities[i], other.toxicities[i]);
        }
        add(given, other.given);
        add(substituted, other.substituted);
        add(skipped, other.skipped);
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

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }
}
