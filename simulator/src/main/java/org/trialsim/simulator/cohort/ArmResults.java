package org.trialsim.simulator.cohort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.stats.BinomialIntervals;
import org.trialsim.simulator.stats.CurvePoint;
import org.trialsim.simulator.stats.ExactSum;
import org.trialsim.simulator.stats.Interval;
import org.trialsim.simulator.stats.MonteCarloError;
import org.trialsim.simulator.stats.SurvivalCurve;

/** Turns one arm's merged statistics into its {@link CohortResult.ArmResult}. */
final class ArmResults {
    private final Protocol protocol;
    private final ProtocolIndex index;

    ArmResults(CompiledProtocol compiled, ProtocolIndex index) {
        this.protocol = compiled.loaded().protocol();
        this.index = index;
    }

    CohortResult.ArmResult of(CohortAccumulator a) {
        return of(a, List.of(), List.of());
    }

    /** The arm's results with the first events at each data cut and its hazard ratios against control arms. */
    CohortResult.ArmResult of(CohortAccumulator a, List<FollowUpWindow> cuts, List<CohortResult.HazardRatio> hazardRatios) {
        String armId = index.arms().get(a.arm);
        var arm = protocol.arms().get(armId);
        boolean hasCost = protocol.pathway().nodes().values().stream()
                .anyMatch(n -> n instanceof Node.Block b && b.cost() != null);
        return new CohortResult.ArmResult(armId, arm.label(), flow(a), responses(a), endpoints(a), toxicities(a),
                proportion(a.remission, a.onArm), proportion(a.transplanted, a.onArm),
                summary(a.timeOnTherapy, CohortAccumulator.TIME_SCALE),
                hasCost ? summary(a.cost, CohortAccumulator.COST_SCALE) : null,
                hasCost ? protocol.currency() : null, cuts.stream().map(w -> DataCuts.of(w, a, index)).toList(),
                hazardRatios);
    }

    private CohortResult.Flow flow(CohortAccumulator a) {
        List<CohortResult.ScreenFailure> screen = new ArrayList<>();
        for (int c = 0; c < index.criteria(); c++) {
            if (!index.criterionIsTreatmentOnly(c)) {
                String id = index.criterionId(c);
                screen.add(new CohortResult.ScreenFailure(id, protocol.eligibility().get(id).description(), a.criterionFailed[c],
                        a.criterionFirst[c]));
            }
        }
        List<CohortResult.TreatmentExclusion> exclusions = new ArrayList<>();
        for (int t = 0; t < index.treatments(); t++) {
            exclusions.add(new CohortResult.TreatmentExclusion(index.treatment(t), a.treatmentExcluded[t]));
        }
        Map<String, Long> risk = new LinkedHashMap<>();
        for (int r = 0; r < index.riskGroups().size(); r++) {
            risk.put(index.riskGroups().get(r), a.riskAtEnrolment[r]);
        }
        List<CohortResult.NodeFlow> nodes = new ArrayList<>();
        for (int i = 0; i < index.nodes(); i++) {
            String id = index.nodeId(i);
            Node node = protocol.pathway().nodes().get(id);
            String type = index.nodeType(i);
            List<CohortResult.Branch> branches = null;
            if (node instanceof Node.Decision) {
                branches = new ArrayList<>();
                for (int r = 0; r < index.branches(i); r++) {
                    branches.add(new CohortResult.Branch(index.routeLabel(i, r), index.branchTarget(i, r), a.choices[i][r],
                            percent(a.choices[i][r], a.nodePatients[i])));
                }
            } else if (node instanceof Node.Allocation) {
                branches = new ArrayList<>();
                for (int r = 0; r < index.branches(i); r++) {
                    if (a.choices[i][r] > 0 || r == a.arm) {
                        branches.add(new CohortResult.Branch(index.arms().get(r), index.branchTarget(i, r), a.choices[i][r],
                                percent(a.choices[i][r], a.nodePatients[i])));
                    }
                }
            }
            boolean block = node instanceof Node.Block;
            nodes.add(new CohortResult.NodeFlow(id, type, node.label(), a.nodePatients[i], branches,
                    block ? a.given(i) : null, block ? a.substituted(i) : null, block ? a.skipped(i) : null,
                    block ? a.died[i] : null, block ? a.relapsed[i] : null));
        }
        return new CohortResult.Flow(a.presented, screen, a.enrolled, exclusions, risk, a.notOffered, a.onArm, nodes);
    }

    private List<CohortResult.Response> responses(CohortAccumulator a) {
        List<CohortResult.Response> responses = new ArrayList<>();
        for (int i = 0; i < index.assessments(); i++) {
            if (a.assessed[i] == 0) {
                continue;
            }
            double[] thresholds = index.thresholds(i);
            List<CohortResult.ThresholdRate> below = new ArrayList<>();
            for (int t = 0; t < thresholds.length; t++) {
                below.add(new CohortResult.ThresholdRate(thresholds[t], proportion(a.belowThreshold[i][t], a.assessed[i])));
            }
            String id = index.assessmentId(i);
            responses.add(new CohortResult.Response(id, protocol.assessments().get(id).label(), a.assessed[i],
                    proportion(a.negative[i], a.assessed[i]), below, proportion(a.remissionAt[i], a.assessed[i])));
        }
        return responses;
    }

    private List<CohortResult.EndpointResult> endpoints(CohortAccumulator a) {
        List<Double> landmarkYears = protocol.followUp().landmarkYears();
        if (landmarkYears.isEmpty()) {
            List<Double> years = new ArrayList<>();
            for (int y = 1; y <= Math.floor(protocol.followUp().horizonYears()); y++) {
                years.add((double) y);
            }
            landmarkYears = years;
        }
        double[] landmarkDays = landmarkYears.stream().mapToDouble(y -> Math.min(y * TimeUnits.DAYS_PER_YEAR, a.horizonDays)).toArray();
        List<CohortResult.EndpointResult> results = new ArrayList<>();
        for (int e = 0; e < index.endpoints(); e++) {
            Endpoint endpoint = index.endpoint(e);
            var acc = a.endpoints[e];
            long patients = acc.count();
            if (patients == 0) {
                continue;
            }
            SurvivalCurve km = acc.kaplanMeier();
            long events = km.at(a.horizonDays).events();
            List<CohortResult.Incidence> incidence = new ArrayList<>();
            if (endpoint.events().size() > 1) {
                for (int k = 0; k < endpoint.events().size(); k++) {
                    SurvivalCurve cif = acc.cumulativeIncidence(k + 1);
                    incidence.add(new CohortResult.Incidence(endpoint.events().get(k).name().toLowerCase(Locale.ROOT),
                            points(cif.at(landmarkDays)), points(cif.atEvery(TimeUnits.DAYS_PER_MONTH))));
                }
            }
            results.add(new CohortResult.EndpointResult(index.endpointId(e), endpoint.label(),
                    endpoint.origin().name().toLowerCase(Locale.ROOT), patients, events, points(km.at(landmarkDays)),
                    points(km.atEvery(TimeUnits.DAYS_PER_MONTH)), incidence));
        }
        return results;
    }

    private static List<CohortResult.SurvivalPoint> points(List<CurvePoint> points) {
        List<CohortResult.SurvivalPoint> out = new ArrayList<>(points.size());
        for (CurvePoint p : points) {
            out.add(new CohortResult.SurvivalPoint(round(p.timeDays() / TimeUnits.DAYS_PER_YEAR, 1e4), p.atRisk(),
                    p.estimate(), p.standardError(), p.lower(), p.upper()));
        }
        return out;
    }

    private List<CohortResult.BlockToxicity> toxicities(CohortAccumulator a) {
        List<CohortResult.BlockToxicity> blocks = new ArrayList<>();
        for (int i = 0; i < index.nodes(); i++) {
            String id = index.nodeId(i);
            if (!(protocol.pathway().nodes().get(id) instanceof Node.Block b) || a.given(i) == 0) {
                continue;
            }
            List<CohortResult.ToxicityRate> rates = new ArrayList<>();
            for (int k = 0; k < index.toxicities(i); k++) {
                String tox = index.toxicityId(i, k);
                rates.add(new CohortResult.ToxicityRate(tox, b.toxicities().get(tox).label(), proportion(a.toxicities[i][k], a.given(i))));
            }
            if (rates.isEmpty() && b.deathProbability() == null) {
                continue;
            }
            blocks.add(new CohortResult.BlockToxicity(id, b.label(), a.given(i), rates, proportion(a.died[i], a.given(i))));
        }
        return blocks;
    }

    static CohortResult.Proportion proportion(long count, long of) {
        if (of == 0) {
            return new CohortResult.Proportion(count, of, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double p = (double) count / of;
        Interval ci = BinomialIntervals.wilson(count, of, 0.95);
        return new CohortResult.Proportion(count, of, p, MonteCarloError.ofProportion(count, of), ci.lower(), ci.upper());
    }

    private static CohortResult.Summary summary(ExactSum sum, double scale) {
        return new CohortResult.Summary(sum.count(), sum.mean() / scale, sum.standardDeviation() / scale, sum.standardError() / scale);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : round(100.0 * part / whole, 100);
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
