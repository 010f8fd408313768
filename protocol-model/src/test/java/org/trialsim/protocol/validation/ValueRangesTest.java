package org.trialsim.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.Range;
import org.trialsim.protocol.TestProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;

/**
 * Every number of a protocol has a {@link Range}, and validation holds each bound exactly: the value
 * just inside passes, the value just outside (and 1e309, which a file reads as infinity) is an error at the field's path
 * that gives the range and its reason. Each row changes a valid base protocol with {@code --set}
 * settings, X standing for the value tried.
 */
class ValueRangesTest {
    /** The two-arm test protocol with a randomized design. */
    private static final String BASE = TestProtocols.text(TestProtocols.TWO_ARM) + """
            design:
              type: randomized
              sampleSize: 200
              comparisons: [{control: control, experimental: experimental, endpoint: efs}]
              accrual: {patientsPerMonth: 10, rampUpMonths: 6}
              randomization: {method: minimization, factors: [sex, risk]}
              analysis: {alpha: 0.025, events: 80}
              assumption: an example design
            """;
    private static final String EXTRA = "population.covariates.extra={assumption: test, distribution: ";
    private static final String ESCALATION = "design={type: phase-1-2, assumption: test, escalation: {method: rolling-six, "
            + "levels: [{dose: 1, dltProbability: 0.1}, {dose: 2, dltProbability: 0.2}]";
    private static final String TWO_STAGE = "design={type: phase-1-2, assumption: test, twoStage: {";

    private static LoadedProtocol load(List<String> settings) throws ProtocolException {
        List<Setting> parsed = settings.stream().map(Setting::parse).toList();
        return new ProtocolReader().read("base.yaml", BASE.getBytes(StandardCharsets.UTF_8), parsed);
    }

    private static List<Problem> errors(List<String> settings) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> load(settings));
        return e == null ? List.of() : e.errors();
    }

    /**
     * The settings of a row with the value put in for X; settings are separated by " ; ". LEVELS30 is
     * a list of 30 dose levels, LEVELS31 of 31, TOXICITIES65 a mapping of 65 toxicities, CRITERIA65 one of 65
     * eligibility criteria.
     */
    private static List<String> settings(String template, String value) {
        return Arrays.stream(template.split(" ; ")).map(s -> expand(s.replace("X", value))).toList();
    }

    private static String expand(String setting) {
        return setting.replace("LEVELS30", levels(30)).replace("LEVELS31", levels(31))
                .replace("TOXICITIES65", IntStream.range(0, 65).mapToObj(i -> "t" + i + ": {probability: 0.1}")
                        .collect(Collectors.joining(", ", "{", "}")))
                .replace("CRITERIA65", IntStream.range(0, 65).mapToObj(i -> "c" + i + ": {include: age > 0}")
                        .collect(Collectors.joining(", ", "{", "}")));
    }

    private static String levels(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "{dose: " + i + ", dltProbability: 0.1}").collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void theBaseIsValid() throws Exception {
        assertThat(load(List.of()).protocol().design()).isNotNull();
    }

    /**
     * Each bound of each field. {@code alone} is false where no value of the field is valid on its own
     * at that bound (p of minimization at its share of the ratio, a rate that must exceed another at
     * the other's bound): there the value just inside passes the field's own range only.
     */
    @ParameterizedTest(name = "{0} {1}: {2} passes, {3} fails")
    @CsvSource(delimiter = '|', textBlock = """
            Distribution.Categorical.probabilities | min | 0 | -4.9e-324 | population.covariates.sex.distribution.probabilities.female | true | population.covariates.sex.distribution.probabilities={female: X, male: 1}
            Distribution.Categorical.probabilities | max | 1 | 1.0000000000000002 | population.covariates.sex.distribution.probabilities.female | true | population.covariates.sex.distribution.probabilities={female: X, male: 0}
            Distribution.Bernoulli.probability | min | 0 | -4.9e-324 | population.covariates.extra.distribution.probability | true | EXTRA{type: bernoulli, probability: X}}
            Distribution.Bernoulli.probability | max | 1 | 1.0000000000000002 | population.covariates.extra.distribution.probability | true | EXTRA{type: bernoulli, probability: X}}
            Distribution.Constant.value | min | -1e15 | -1000000000000000.1 | population.covariates.extra.distribution.value | true | EXTRA{type: constant, value: X}}
            Distribution.Constant.value | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.value | true | EXTRA{type: constant, value: X}}
            Distribution.Uniform.min | min | -1e15 | -1000000000000000.1 | population.covariates.extra.distribution.min | true | EXTRA{type: uniform, min: X, max: 0}}
            Distribution.Uniform.min | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.min | true | EXTRA{type: uniform, min: X, max: 1e15}}
            Distribution.Uniform.max | min | -1e15 | -1000000000000000.1 | population.covariates.extra.distribution.max | true | EXTRA{type: uniform, min: -1e15, max: X}}
            Distribution.Uniform.max | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.max | true | EXTRA{type: uniform, min: 0, max: X}}
            Distribution.Normal.mean | min | -1e15 | -1000000000000000.1 | population.covariates.extra.distribution.mean | true | EXTRA{type: normal, mean: X, sd: 1}}
            Distribution.Normal.mean | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.mean | true | EXTRA{type: normal, mean: X, sd: 1}}
            Distribution.Normal.sd | min | 0 | -4.9e-324 | population.covariates.extra.distribution.sd | true | EXTRA{type: normal, mean: 0, sd: X}}
            Distribution.Normal.sd | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.sd | true | EXTRA{type: normal, mean: 0, sd: X}}
            Distribution.Normal.min | min | -1e15 | -1000000000000000.1 | population.covariates.extra.distribution.min | true | EXTRA{type: normal, mean: 0, sd: 1, min: X}}
            Distribution.Normal.min | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.min | true | EXTRA{type: normal, mean: 0, sd: 1, min: X}}
            Distribution.Normal.max | min | -1e15 | -1000000000000000.1 | population.covariates.extra.distribution.max | true | EXTRA{type: normal, mean: 0, sd: 1, max: X}}
            Distribution.Normal.max | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.max | true | EXTRA{type: normal, mean: 0, sd: 1, max: X}}
            Distribution.LogNormal.median | min | 4.9e-324 | 0 | population.covariates.extra.distribution.median | true | EXTRA{type: lognormal, median: X, log10Sd: 1}}
            Distribution.LogNormal.median | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.median | true | EXTRA{type: lognormal, median: X, log10Sd: 1}}
            Distribution.LogNormal.log10Sd | min | 0 | -4.9e-324 | population.covariates.extra.distribution.log10Sd | true | EXTRA{type: lognormal, median: 1, log10Sd: X}}
            Distribution.LogNormal.log10Sd | max | 10 | 10.000000000000002 | population.covariates.extra.distribution.log10Sd | true | EXTRA{type: lognormal, median: 1, log10Sd: X}}
            Distribution.LogNormal.min | min | 0 | -4.9e-324 | population.covariates.extra.distribution.min | true | EXTRA{type: lognormal, median: 1, log10Sd: 1, min: X}}
            Distribution.LogNormal.min | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.min | true | EXTRA{type: lognormal, median: 1, log10Sd: 1, min: X}}
            Distribution.LogNormal.max | min | 4.9e-324 | 0 | population.covariates.extra.distribution.max | true | EXTRA{type: lognormal, median: 1, log10Sd: 1, max: X}}
            Distribution.LogNormal.max | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.max | true | EXTRA{type: lognormal, median: 1, log10Sd: 1, max: X}}
            Distribution.Histogram.breaks | min | -1e15 | -1000000000000000.1 | population.covariates.extra.distribution.breaks[0] | true | EXTRA{type: histogram, breaks: [X, 0], probabilities: [1]}}
            Distribution.Histogram.breaks | max | 1e15 | 1000000000000000.1 | population.covariates.extra.distribution.breaks[1] | true | EXTRA{type: histogram, breaks: [0, X], probabilities: [1]}}
            Distribution.Histogram.probabilities | min | 0 | -4.9e-324 | population.covariates.extra.distribution.probabilities[0] | true | EXTRA{type: histogram, breaks: [0, 1, 2], probabilities: [X, 1]}}
            Distribution.Histogram.probabilities | max | 1 | 1.0000000000000002 | population.covariates.extra.distribution.probabilities[0] | true | EXTRA{type: histogram, breaks: [0, 1, 2], probabilities: [X, 0]}}
            Assessment.detectionLimit | min | 4.9e-324 | 0 | assessments.eoi.detectionLimit | true | assessments.eoi.detectionLimit=X
            Assessment.detectionLimit | max | 0.9999999999999999 | 1 | assessments.eoi.detectionLimit | true | assessments.eoi.detectionLimit=X
            Assessment.thresholds | min | 4.9e-324 | 0 | assessments.eoi.thresholds[0] | true | assessments.eoi.thresholds=[X]
            Assessment.thresholds | max | 1 | 1.0000000000000002 | assessments.eoi.thresholds[0] | true | assessments.eoi.thresholds=[X]
            Assessment.Drift.log10PerYear | min | -3 | -3.0000000000000004 | assessments.eoi.drift.log10PerYear | true | assessments.eoi.drift={log10PerYear: X}
            Assessment.Drift.log10PerYear | max | 3 | 3.0000000000000004 | assessments.eoi.drift.log10PerYear | true | assessments.eoi.drift={log10PerYear: X}
            Pathway.remissionBelow | min | 4.9e-324 | 0 | pathway.remissionBelow | true | pathway.remissionBelow=X
            Pathway.remissionBelow | max | 1 | 1.0000000000000002 | pathway.remissionBelow | true | pathway.remissionBelow=X
            Node.Block.durationDays | min | 0 | -4.9e-324 | pathway.nodes.chemo.durationDays | true | pathway.nodes.chemo.durationDays=X
            Node.Block.durationDays | max | 36525 | 36525.00000000001 | pathway.nodes.chemo.durationDays | true | pathway.nodes.chemo.durationDays=X
            Node.Block.deathProbability | min | 0 | -4.9e-324 | pathway.nodes.chemo.deathProbability | true | pathway.nodes.chemo.deathProbability=X
            Node.Block.deathProbability | max | 1 | 1.0000000000000002 | pathway.nodes.chemo.deathProbability | true | pathway.nodes.chemo.deathProbability=X
            Node.Block.cost | min | 0 | -4.9e-324 | pathway.nodes.chemo.cost | true | pathway.nodes.chemo.cost=X
            Node.Block.cost | max | 1e11 | 100000000000.00002 | pathway.nodes.chemo.cost | true | pathway.nodes.chemo.cost=X
            Dose.amount | min | 0 | -4.9e-324 | pathway.nodes.chemo.dose.amount | true | pathway.nodes.chemo.dose={agent: a, amount: X}
            Dose.amount | max | 1e15 | 1000000000000000.1 | pathway.nodes.chemo.dose.amount | true | pathway.nodes.chemo.dose={agent: a, amount: X}
            MrdResponse.log10Shift | min | -12 | -12.000000000000002 | pathway.nodes.chemo.mrdResponse.log10Shift | true | pathway.nodes.chemo.mrdResponse.log10Shift=X
            MrdResponse.log10Shift | max | 12 | 12.000000000000002 | pathway.nodes.chemo.mrdResponse.log10Shift | true | pathway.nodes.chemo.mrdResponse.log10Shift=X
            MrdResponse.log10Sd | min | 0 | -4.9e-324 | pathway.nodes.chemo.mrdResponse.log10Sd | true | pathway.nodes.chemo.mrdResponse.log10Sd=X
            MrdResponse.log10Sd | max | 12 | 12.000000000000002 | pathway.nodes.chemo.mrdResponse.log10Sd | true | pathway.nodes.chemo.mrdResponse.log10Sd=X
            MrdResponse.carryOver | min | 0 | -4.9e-324 | pathway.nodes.chemo.mrdResponse.carryOver | true | pathway.nodes.chemo.mrdResponse.carryOver=X
            MrdResponse.carryOver | max | 2 | 2.0000000000000004 | pathway.nodes.chemo.mrdResponse.carryOver | true | pathway.nodes.chemo.mrdResponse.carryOver=X
            MrdResponse.Adjustment.log10Shift | min | -12 | -12.000000000000002 | pathway.nodes.chemo.mrdResponse.adjustments[0].log10Shift | true | pathway.nodes.chemo.mrdResponse.adjustments=[{when: age > 5, log10Shift: X}]
            MrdResponse.Adjustment.log10Shift | max | 12 | 12.000000000000002 | pathway.nodes.chemo.mrdResponse.adjustments[0].log10Shift | true | pathway.nodes.chemo.mrdResponse.adjustments=[{when: age > 5, log10Shift: X}]
            MrdResponse.Resistance.probability | min | 0 | -4.9e-324 | pathway.nodes.chemo.mrdResponse.resistant.probability | true | pathway.nodes.chemo.mrdResponse.resistant={probability: X, log10Shift: 0, log10Sd: 1}
            MrdResponse.Resistance.probability | max | 1 | 1.0000000000000002 | pathway.nodes.chemo.mrdResponse.resistant.probability | true | pathway.nodes.chemo.mrdResponse.resistant={probability: X, log10Shift: 0, log10Sd: 1}
            MrdResponse.Resistance.log10Shift | min | -12 | -12.000000000000002 | pathway.nodes.chemo.mrdResponse.resistant.log10Shift | true | pathway.nodes.chemo.mrdResponse.resistant={probability: 0.1, log10Shift: X, log10Sd: 1}
            MrdResponse.Resistance.log10Shift | max | 12 | 12.000000000000002 | pathway.nodes.chemo.mrdResponse.resistant.log10Shift | true | pathway.nodes.chemo.mrdResponse.resistant={probability: 0.1, log10Shift: X, log10Sd: 1}
            MrdResponse.Resistance.log10Sd | min | 0 | -4.9e-324 | pathway.nodes.chemo.mrdResponse.resistant.log10Sd | true | pathway.nodes.chemo.mrdResponse.resistant={probability: 0.1, log10Shift: 0, log10Sd: X}
            MrdResponse.Resistance.log10Sd | max | 12 | 12.000000000000002 | pathway.nodes.chemo.mrdResponse.resistant.log10Sd | true | pathway.nodes.chemo.mrdResponse.resistant={probability: 0.1, log10Shift: 0, log10Sd: X}
            MrdResponse.Resistance.carryOver | min | 0 | -4.9e-324 | pathway.nodes.chemo.mrdResponse.resistant.carryOver | true | pathway.nodes.chemo.mrdResponse.resistant={probability: 0.1, log10Shift: 0, log10Sd: 1, carryOver: X}
            MrdResponse.Resistance.carryOver | max | 2 | 2.0000000000000004 | pathway.nodes.chemo.mrdResponse.resistant.carryOver | true | pathway.nodes.chemo.mrdResponse.resistant={probability: 0.1, log10Shift: 0, log10Sd: 1, carryOver: X}
            Toxicity.probability | min | 0 | -4.9e-324 | pathway.nodes.blina.toxicities.crs.probability | true | pathway.nodes.blina.toxicities.crs.probability=X
            Toxicity.probability | max | 1 | 1.0000000000000002 | pathway.nodes.blina.toxicities.crs.probability | true | pathway.nodes.blina.toxicities.crs.probability=X
            Route.probability | min | 0 | -4.9e-324 | pathway.nodes.decide.routes[1].probability | true | pathway.nodes.decide.routes[1].probability=X
            Route.probability | max | 1 | 1.0000000000000002 | pathway.nodes.decide.routes[1].probability | true | pathway.nodes.decide.routes[1].probability=X
            Stratum.ratio | min | 1 | 0 | pathway.nodes.randomize.strata.all.ratio.control | true | design=null ; pathway.nodes.randomize.strata.all.ratio.control=X
            Stratum.ratio | max | 100 | 101 | pathway.nodes.randomize.strata.all.ratio.control | true | design=null ; pathway.nodes.randomize.strata.all.ratio.control=X
            EventRule.hazardRatio | min | 0.001 | 0.0009999999999999998 | outcomes.relapse[0].hazardRatio | true | outcomes.relapse[0].hazardRatio=X
            EventRule.hazardRatio | max | 1000 | 1000.0000000000001 | outcomes.relapse[0].hazardRatio | true | outcomes.relapse[0].hazardRatio=X
            ArmHazardRatios.relapse | min | 0.001 | 0.0009999999999999998 | outcomes.armHazardRatios.experimental.relapse | true | outcomes.armHazardRatios={experimental: {relapse: X, assumption: test}}
            ArmHazardRatios.relapse | max | 1000 | 1000.0000000000001 | outcomes.armHazardRatios.experimental.relapse | true | outcomes.armHazardRatios={experimental: {relapse: X, assumption: test}}
            ArmHazardRatios.deathInRemission | min | 0.001 | 0.0009999999999999998 | outcomes.armHazardRatios.experimental.deathInRemission | true | outcomes.armHazardRatios={experimental: {deathInRemission: X, assumption: test}}
            ArmHazardRatios.deathInRemission | max | 1000 | 1000.0000000000001 | outcomes.armHazardRatios.experimental.deathInRemission | true | outcomes.armHazardRatios={experimental: {deathInRemission: X, assumption: test}}
            ArmHazardRatios.deathAfterEvent | min | 0.001 | 0.0009999999999999998 | outcomes.armHazardRatios.experimental.deathAfterEvent | true | outcomes.armHazardRatios={experimental: {deathAfterEvent: X, assumption: test}}
            ArmHazardRatios.deathAfterEvent | max | 1000 | 1000.0000000000001 | outcomes.armHazardRatios.experimental.deathAfterEvent | true | outcomes.armHazardRatios={experimental: {deathAfterEvent: X, assumption: test}}
            EventRule.curedFraction | min | 0 | -4.9e-324 | outcomes.relapse[0].curedFraction | true | outcomes.relapse[0].curedFraction=X
            EventRule.curedFraction | max | 0.9999999999999999 | 1 | outcomes.relapse[0].curedFraction | true | outcomes.relapse[0].curedFraction=X
            FollowUp.horizonYears | min | 0.1 | 0.09999999999999999 | followUp.horizonYears | true | followUp.horizonYears=X
            FollowUp.horizonYears | max | 100 | 100.00000000000001 | followUp.horizonYears | true | followUp.horizonYears=X
            FollowUp.landmarkYears | min | 4.9e-324 | 0 | followUp.landmarkYears[0] | true | followUp={horizonYears: 100, landmarkYears: [X]}
            FollowUp.landmarkYears | max | 100 | 100.00000000000001 | followUp.landmarkYears[0] | true | followUp={horizonYears: 100, landmarkYears: [X]}
            HazardCurve.Piecewise.fromDays | min | 0 | -4.9e-324 | outcomes.curves.low.fromDays[0] | true | outcomes.curves.low={type: piecewise, fromDays: [X], ratesPerYear: [0.1]}
            HazardCurve.Piecewise.fromDays | max | 36525 | 36525.00000000001 | outcomes.curves.low.fromDays[1] | true | outcomes.curves.low={type: piecewise, fromDays: [0, X], ratesPerYear: [0.1, 0.02]}
            HazardCurve.Piecewise.ratesPerYear | min | 0 | -4.9e-324 | outcomes.curves.low.ratesPerYear[0] | true | outcomes.curves.low={type: piecewise, fromDays: [0], ratesPerYear: [X]}
            HazardCurve.Piecewise.ratesPerYear | max | 1000 | 1000.0000000000001 | outcomes.curves.low.ratesPerYear[0] | true | outcomes.curves.low={type: piecewise, fromDays: [0], ratesPerYear: [X]}
            HazardCurve.Survival.atDays | min | 4.9e-324 | 0 | outcomes.curves.high.atDays[0] | true | outcomes.curves.high={type: survival, atDays: [X], survival: [1]}
            HazardCurve.Survival.atDays | max | 36525 | 36525.00000000001 | outcomes.curves.high.atDays[0] | true | outcomes.curves.high={type: survival, atDays: [X], survival: [0.5]}
            HazardCurve.Survival.survival | min | 4.9e-324 | 0 | outcomes.curves.high.survival[0] | true | outcomes.curves.high={type: survival, atDays: [365], survival: [X]}
            HazardCurve.Survival.survival | max | 1 | 1.0000000000000002 | outcomes.curves.high.survival[0] | true | outcomes.curves.high={type: survival, atDays: [365], survival: [X]}
            HazardCurve.Survival.tailRatePerYear | min | 0 | -4.9e-324 | outcomes.curves.high.tailRatePerYear | true | outcomes.curves.high.tailRatePerYear=X
            HazardCurve.Survival.tailRatePerYear | max | 1000 | 1000.0000000000001 | outcomes.curves.high.tailRatePerYear | true | outcomes.curves.high.tailRatePerYear=X
            Design.Randomized.sampleSize | min | 2 | 1 | design.sampleSize | true | design.analysis={alpha: 0.025} ; design.sampleSize=X
            Design.Randomized.sampleSize | max | 100000 | 100001 | design.sampleSize | true | design.accrual.patientsPerMonth=1000 ; design.sampleSize=X
            Design.Comparison.landmarkYears | min | 4.9e-324 | 0 | design.comparisons[0].landmarkYears | true | design.comparisons[0].landmarkYears=X
            Design.Comparison.landmarkYears | max | 100 | 100.00000000000001 | design.comparisons[0].landmarkYears | true | followUp.horizonYears=100 ; design.comparisons[0].landmarkYears=X
            Design.Accrual.patientsPerMonth | min | 0.01 | 0.009999999999999998 | design.accrual.patientsPerMonth | true | design.analysis={alpha: 0.025} ; design.sampleSize=2 ; design.accrual.patientsPerMonth=X
            Design.Accrual.patientsPerMonth | max | 100000 | 100000.00000000001 | design.accrual.patientsPerMonth | true | design.accrual.patientsPerMonth=X
            Design.Accrual.rampUpMonths | min | 0 | -4.9e-324 | design.accrual.rampUpMonths | true | design.accrual.rampUpMonths=X
            Design.Accrual.rampUpMonths | max | 1200 | 1200.0000000000002 | design.accrual.rampUpMonths | true | design.accrual.rampUpMonths=X
            Design.Accrual.dropoutPerYear | min | 0 | -4.9e-324 | design.accrual.dropoutPerYear | true | design.accrual.dropoutPerYear=X
            Design.Accrual.dropoutPerYear | max | 100 | 100.00000000000001 | design.accrual.dropoutPerYear | true | design.accrual.dropoutPerYear=X
            Design.RateChange.fromMonth | min | 0 | -4.9e-324 | design.accrual.changes[0].fromMonth | true | design.accrual={patientsPerMonth: 10, changes: [{fromMonth: X, patientsPerMonth: 5}]}
            Design.RateChange.fromMonth | max | 1200 | 1200.0000000000002 | design.accrual.changes[0].fromMonth | true | design.accrual={patientsPerMonth: 10, changes: [{fromMonth: X, patientsPerMonth: 5}]}
            Design.RateChange.patientsPerMonth | min | 0 | -4.9e-324 | design.accrual.changes[0].patientsPerMonth | true | design.accrual={patientsPerMonth: 10, changes: [{fromMonth: 12, patientsPerMonth: X}, {fromMonth: 24, patientsPerMonth: 5}]}
            Design.RateChange.patientsPerMonth | max | 100000 | 100000.00000000001 | design.accrual.changes[0].patientsPerMonth | true | design.accrual={patientsPerMonth: 10, changes: [{fromMonth: 12, patientsPerMonth: X}]}
            Design.Randomization.blockSizes | min | 1 | 0 | design.randomization.blockSizes[0] | true | pathway.nodes.randomize.strata={young: {when: age < 10, ratio: {control: 1}}, old: {ratio: {experimental: 1}}} ; design.randomization={method: permuted-blocks, blockSizes: [X]}
            Design.Randomization.blockSizes | max | 1000 | 1001 | design.randomization.blockSizes[0] | true | pathway.nodes.randomize.strata={young: {when: age < 10, ratio: {control: 1}}, old: {ratio: {experimental: 1}}} ; design.randomization={method: permuted-blocks, blockSizes: [X]}
            Design.Randomization.p | min | 4.9e-324 | 0 | design.randomization.p | false | design.randomization.p=X
            Design.Randomization.p | max | 1 | 1.0000000000000002 | design.randomization.p | true | design.randomization.p=X
            Design.Analysis.alpha | min | 4.9e-324 | 0 | design.analysis.alpha | true | design.analysis.alpha=X
            Design.Analysis.alpha | max | 0.49999999999999994 | 0.5 | design.analysis.alpha | true | design.analysis.alpha=X
            Design.Analysis.events | min | 1 | 0 | design.analysis.events | true | design.analysis.events=X
            Design.Analysis.events | max | 100000 | 100001 | design.analysis.events | true | design.sampleSize=100000 ; design.accrual.patientsPerMonth=1000 ; design.analysis.events=X
            Design.Analysis.followUpMonths | min | 0 | -4.9e-324 | design.analysis.followUpMonths | true | design.analysis={alpha: 0.025, followUpMonths: X}
            Design.Analysis.followUpMonths | max | 1200 | 1200.0000000000002 | design.analysis.followUpMonths | true | design.analysis={alpha: 0.025, followUpMonths: X}
            Design.Analysis.calendarMonths | min | 4.9e-324 | 0 | design.analysis.calendarMonths | true | design.analysis={alpha: 0.025, calendarMonths: X}
            Design.Analysis.calendarMonths | max | 1200 | 1200.0000000000002 | design.analysis.calendarMonths | true | design.analysis={alpha: 0.025, calendarMonths: X}
            Design.Analysis.informationFractions | min | 4.9e-324 | 0 | design.analysis.informationFractions[0] | true | design.analysis={alpha: 0.025, events: 80, informationFractions: [X, 1], spending: pocock}
            Design.Analysis.informationFractions | max | 1 | 1.0000000000000002 | design.analysis.informationFractions[1] | true | design.analysis={alpha: 0.025, events: 80, informationFractions: [0.5, X], spending: pocock}
            Design.Analysis.margin | min | -0.9999999999999999 | -1 | design.analysis.margin | false | design.analysis.margin=X ; design.analysis.hypothesis=non-inferiority
            Design.Analysis.margin | max | 10 | 10.000000000000002 | design.analysis.margin | true | design.analysis.margin=X ; design.analysis.hypothesis=non-inferiority
            Design.Analysis.futilityBounds | min | -10 | -10.000000000000002 | design.analysis.futilityBounds[0] | true | design.analysis={alpha: 0.025, events: 80, informationFractions: [0.5, 1], spending: pocock, futilityBounds: [X]}
            Design.Analysis.futilityBounds | max | 10 | 10.000000000000002 | design.analysis.futilityBounds[0] | true | design.analysis={alpha: 0.025, events: 80, informationFractions: [0.5, 1], spending: pocock, futilityBounds: [X]}
            Design.Analysis.periodMonths | min | 1 | 0.9999999999999999 | design.analysis.periodMonths | true | design.analysis={alpha: 0.025, events: 80, stratifyBy: [period], periodMonths: X}
            Design.Analysis.periodMonths | max | 1200 | 1200.0000000000002 | design.analysis.periodMonths | true | design.analysis={alpha: 0.025, events: 80, stratifyBy: [period], periodMonths: X}
            Design.SingleArmSurvival.sampleSize | min | 1 | 0 | design.sampleSize | true | design={type: single-arm-survival, arm: control, endpoint: efs, sampleSize: X, historicalCurve: high, assumption: test}
            Design.SingleArmSurvival.sampleSize | max | 100000 | 100001 | design.sampleSize | true | design={type: single-arm-survival, arm: control, endpoint: efs, sampleSize: X, historicalCurve: high, accrual: {patientsPerMonth: 1000}, assumption: test}
            Design.SingleArmResponse.historicalRate | min | 4.9e-324 | 0 | design.historicalRate | true | design={type: single-arm-response, arm: control, response: cr, historicalRate: X, sampleSize: 10, assumption: test}
            Design.SingleArmResponse.historicalRate | max | 0.9999999999999999 | 1 | design.historicalRate | false | design={type: single-arm-response, arm: control, response: cr, historicalRate: X, sampleSize: 10, assumption: test}
            Design.SingleArmResponse.expectedRate | min | 4.9e-324 | 0 | design.expectedRate | false | design={type: single-arm-response, arm: control, response: cr, historicalRate: 0.5, expectedRate: X, sampleSize: 10, assumption: test}
            Design.SingleArmResponse.expectedRate | max | 0.9999999999999999 | 1 | design.expectedRate | true | design={type: single-arm-response, arm: control, response: cr, historicalRate: 0.5, expectedRate: X, sampleSize: 10, assumption: test}
            Design.SingleArmResponse.sampleSize | min | 1 | 0 | design.sampleSize | true | design={type: single-arm-response, arm: control, response: cr, historicalRate: 0.01, sampleSize: X, assumption: test}
            Design.SingleArmResponse.sampleSize | max | 100000 | 100001 | design.sampleSize | true | design={type: single-arm-response, arm: control, response: cr, historicalRate: 0.5, sampleSize: X, assumption: test}
            Design.SingleArmResponse.alpha | min | 4.9e-324 | 0 | design.alpha | false | design={type: single-arm-response, arm: control, response: cr, historicalRate: 0.5, sampleSize: 10, alpha: X, assumption: test}
            Design.SingleArmResponse.alpha | max | 0.49999999999999994 | 0.5 | design.alpha | true | design={type: single-arm-response, arm: control, response: cr, historicalRate: 0.5, sampleSize: 10, alpha: X, assumption: test}
            Design.Escalation.startLevel | min | 1 | 0 | design.escalation.startLevel | true | ESCALATION, startLevel: X}}
            Design.Escalation.startLevel | max | 30 | 31 | design.escalation.startLevel | true | design={type: phase-1-2, assumption: test, escalation: {method: rolling-six, levels: LEVELS30, startLevel: X}}
            Design.Escalation.dltWindowDays | min | 1 | 0.9999999999999999 | design.escalation.dltWindowDays | true | ESCALATION, dltWindowDays: X}}
            Design.Escalation.dltWindowDays | max | 365 | 365.00000000000006 | design.escalation.dltWindowDays | true | ESCALATION, dltWindowDays: X}}
            Design.Escalation.interarrivalDays | min | 0.5 | 0.49999999999999994 | design.escalation.interarrivalDays | true | ESCALATION, interarrivalDays: X}}
            Design.Escalation.interarrivalDays | max | 365 | 365.00000000000006 | design.escalation.interarrivalDays | true | ESCALATION, interarrivalDays: X}}
            Design.Escalation.targetDltRate | min | 4.9e-324 | 0 | design.escalation.targetDltRate | true | ESCALATION, targetDltRate: X}}
            Design.Escalation.targetDltRate | max | 0.9999999999999999 | 1 | design.escalation.targetDltRate | true | ESCALATION, targetDltRate: X}}
            Design.Escalation.cohortSize | min | 1 | 0 | design.escalation.cohortSize | true | ESCALATION, cohortSize: X}}
            Design.Escalation.cohortSize | max | 30 | 31 | design.escalation.cohortSize | true | ESCALATION, cohortSize: X}}
            Design.Escalation.maxPatients | min | 1 | 0 | design.escalation.maxPatients | true | ESCALATION, maxPatients: X}}
            Design.Escalation.maxPatients | max | 180 | 181 | design.escalation.maxPatients | true | ESCALATION, maxPatients: X}}
            Design.Escalation.skeleton | min | 4.9e-324 | 0 | design.escalation.skeleton[0] | true | ESCALATION, skeleton: [X, 0.5]}}
            Design.Escalation.skeleton | max | 0.9999999999999999 | 1 | design.escalation.skeleton[1] | true | ESCALATION, skeleton: [0.1, X]}}
            Design.Escalation.priorVariance | min | 0.01 | 0.009999999999999998 | design.escalation.priorVariance | true | ESCALATION, priorVariance: X}}
            Design.Escalation.priorVariance | max | 10 | 10.000000000000002 | design.escalation.priorVariance | true | ESCALATION, priorVariance: X}}
            Design.DoseLevel.dose | min | 4.9e-324 | 0 | design.escalation.levels[0].dose | true | design={type: phase-1-2, assumption: test, escalation: {method: rolling-six, levels: [{dose: X, dltProbability: 0.1}]}}
            Design.DoseLevel.dose | max | 1e15 | 1000000000000000.1 | design.escalation.levels[0].dose | true | design={type: phase-1-2, assumption: test, escalation: {method: rolling-six, levels: [{dose: X, dltProbability: 0.1}]}}
            Design.DoseLevel.dltProbability | min | 0 | -4.9e-324 | design.escalation.levels[0].dltProbability | true | design={type: phase-1-2, assumption: test, escalation: {method: rolling-six, levels: [{dose: 1, dltProbability: X}]}}
            Design.DoseLevel.dltProbability | max | 1 | 1.0000000000000002 | design.escalation.levels[0].dltProbability | true | design={type: phase-1-2, assumption: test, escalation: {method: rolling-six, levels: [{dose: 1, dltProbability: X}]}}
            Design.TwoStage.p0 | min | 4.9e-324 | 0 | design.twoStage.p0 | true | TWO_STAGEp0: X, p1: 0.9, alpha: 0.05, beta: 0.2}}
            Design.TwoStage.p0 | max | 0.9999999999999999 | 1 | design.twoStage.p0 | false | TWO_STAGEp0: X, p1: 0.9, alpha: 0.05, beta: 0.2}}
            Design.TwoStage.p1 | min | 4.9e-324 | 0 | design.twoStage.p1 | false | TWO_STAGEp0: 0.2, p1: X, alpha: 0.05, beta: 0.2}}
            Design.TwoStage.p1 | max | 0.9999999999999999 | 1 | design.twoStage.p1 | true | TWO_STAGEp0: 0.2, p1: X, alpha: 0.05, beta: 0.2}}
            Design.TwoStage.alpha | min | 4.9e-324 | 0 | design.twoStage.alpha | true | TWO_STAGEp0: 0.2, p1: 0.4, alpha: X, beta: 0.2}}
            Design.TwoStage.alpha | max | 0.49999999999999994 | 0.5 | design.twoStage.alpha | true | TWO_STAGEp0: 0.2, p1: 0.4, alpha: X, beta: 0.2}}
            Design.TwoStage.beta | min | 4.9e-324 | 0 | design.twoStage.beta | true | TWO_STAGEp0: 0.2, p1: 0.4, alpha: 0.05, beta: X}}
            Design.TwoStage.beta | max | 0.49999999999999994 | 0.5 | design.twoStage.beta | true | TWO_STAGEp0: 0.2, p1: 0.4, alpha: 0.05, beta: X}}
            Design.TwoStage.n1 | min | 1 | 0 | design.twoStage.n1 | true | TWO_STAGEp0: 0.2, p1: 0.4, n1: X, r1: 0, n: 2, r: 0}}
            Design.TwoStage.n1 | max | 1999 | 2000 | design.twoStage.n1 | true | TWO_STAGEp0: 0.2, p1: 0.4, n1: X, r1: 0, n: 2000, r: 0}}
            Design.TwoStage.r1 | min | 0 | -1 | design.twoStage.r1 | true | TWO_STAGEp0: 0.2, p1: 0.4, n1: 5, r1: X, n: 10, r: 5}}
            Design.TwoStage.r1 | max | 1998 | 1999 | design.twoStage.r1 | true | TWO_STAGEp0: 0.2, p1: 0.4, n1: 1999, r1: X, n: 2000, r: 1998}}
            Design.TwoStage.n | min | 2 | 1 | design.twoStage.n | true | TWO_STAGEp0: 0.2, p1: 0.4, n1: 1, r1: 0, n: X, r: 0}}
            Design.TwoStage.n | max | 2000 | 2001 | design.twoStage.n | true | TWO_STAGEp0: 0.2, p1: 0.4, n1: 10, r1: 0, n: X, r: 5}}
            Design.TwoStage.r | min | 0 | -1 | design.twoStage.r | true | TWO_STAGEp0: 0.2, p1: 0.4, n1: 5, r1: 0, n: 10, r: X}}
            Design.TwoStage.r | max | 1999 | 2000 | design.twoStage.r | true | TWO_STAGEp0: 0.2, p1: 0.4, n1: 10, r1: 0, n: 2000, r: X}}
            Target.value | min | 0 | -0.001 | targets[0].value | true | targets=[{label: t, measure: survival, arm: control, endpoint: efs, years: 1, value: X, n: 10, source: s}]
            Target.value | max | 1000 | 1000.0000000000001 | targets[0].value | true | targets=[{label: t, measure: hazard-ratio, arm: experimental, versus: control, endpoint: efs, value: X, lower: 0.5, upper: 1000, n: 10, source: s}]
            Target.lower | min | 0 | -0.001 | targets[0].lower | true | targets=[{label: t, measure: survival, arm: control, endpoint: efs, years: 1, value: 0.5, lower: X, upper: 1, n: 10, source: s}]
            Target.lower | max | 1000 | 1000.0000000000001 | targets[0].lower | true | targets=[{label: t, measure: hazard-ratio, arm: experimental, endpoint: efs, value: 1000, lower: X, upper: 1000, n: 10, source: s}]
            Target.upper | min | 0 | -0.001 | targets[0].upper | true | targets=[{label: t, measure: survival, arm: control, endpoint: efs, years: 1, value: 0, lower: 0, upper: X, n: 10, source: s}]
            Target.upper | max | 1000 | 1000.0000000000001 | targets[0].upper | true | targets=[{label: t, measure: hazard-ratio, arm: experimental, endpoint: efs, value: 0.5, lower: 0.5, upper: X, n: 10, source: s}]
            Target.n | min | 1 | 0 | targets[0].n | true | targets=[{label: t, measure: survival, arm: control, endpoint: efs, years: 1, value: 0.5, n: X, source: s}]
            Target.n | max | 100000 | 100001 | targets[0].n | true | targets=[{label: t, measure: survival, arm: control, endpoint: efs, years: 1, value: 0.5, n: X, source: s}]
            Target.years | min | 4.9e-324 | 0 | targets[0].years | true | followUp={horizonYears: 100, landmarkYears: [X]} ; targets=[{label: t, measure: survival, arm: control, endpoint: efs, years: X, value: 0.5, n: 10, source: s}]
            Target.years | max | 100 | 100.00000000000001 | targets[0].years | true | followUp={horizonYears: 100, landmarkYears: [X]} ; targets=[{label: t, measure: survival, arm: control, endpoint: efs, years: X, value: 0.5, n: 10, source: s}]
            Design.ResponseAdaptive.mrdBelow | min | 4.9e-324 | 0 | design.randomization.adaptive.mrdBelow | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: X}}
            Design.ResponseAdaptive.mrdBelow | max | 1 | 1.0000000000000002 | design.randomization.adaptive.mrdBelow | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: X}}
            Design.ResponseAdaptive.power | min | 0 | -4.9e-324 | design.randomization.adaptive.power | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, power: X}}
            Design.ResponseAdaptive.power | max | 20 | 20.000000000000004 | design.randomization.adaptive.power | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, power: X}}
            Design.ResponseAdaptive.burnIn | min | 0 | -1 | design.randomization.adaptive.burnIn | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, burnIn: X}}
            Design.ResponseAdaptive.burnIn | max | 100000 | 100001 | design.randomization.adaptive.burnIn | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, burnIn: X}}
            Design.ResponseAdaptive.updateEvery | min | 1 | 0 | design.randomization.adaptive.updateEvery | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, updateEvery: X}}
            Design.ResponseAdaptive.updateEvery | max | 100000 | 100001 | design.randomization.adaptive.updateEvery | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, updateEvery: X}}
            Design.ResponseAdaptive.updateEveryDays | min | 1 | 0.9999999999999999 | design.randomization.adaptive.updateEveryDays | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, updateEveryDays: X}}
            Design.ResponseAdaptive.updateEveryDays | max | 36525 | 36525.00000000001 | design.randomization.adaptive.updateEveryDays | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, updateEveryDays: X}}
            Design.ResponseAdaptive.minProbability | min | 0 | -4.9e-324 | design.randomization.adaptive.minProbability | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, minProbability: X}}
            Design.ResponseAdaptive.minProbability | max | 0.5 | 0.5000000000000001 | design.randomization.adaptive.minProbability | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, minProbability: X}}
            Design.ResponseAdaptive.maxProbability | min | 0.5 | 0.49999999999999994 | design.randomization.adaptive.maxProbability | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, maxProbability: X}}
            Design.ResponseAdaptive.maxProbability | max | 1 | 1.0000000000000002 | design.randomization.adaptive.maxProbability | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, maxProbability: X}}
            Design.ResponseAdaptive.controlShare | min | 4.9e-324 | 0 | design.randomization.adaptive.controlShare | false | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, control: control, controlShare: X}}
            Design.ResponseAdaptive.controlShare | max | 0.9999999999999999 | 1 | design.randomization.adaptive.controlShare | false | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, control: control, controlShare: X}}
            Design.ResponseAdaptive.dropBelow | min | 0 | -4.9e-324 | design.randomization.adaptive.dropBelow | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, dropBelow: X}}
            Design.ResponseAdaptive.dropBelow | max | 0.49999999999999994 | 0.5 | design.randomization.adaptive.dropBelow | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, dropBelow: X}}
            Design.ResponseAdaptive.stopSuperiorityAbove | min | 4.9e-324 | 0 | design.randomization.adaptive.stopSuperiorityAbove | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, stopSuperiorityAbove: X}}
            Design.ResponseAdaptive.stopSuperiorityAbove | max | 1 | 1.0000000000000002 | design.randomization.adaptive.stopSuperiorityAbove | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, stopSuperiorityAbove: X}}
            Design.ResponseAdaptive.stopFutilityBelow | min | 0 | -4.9e-324 | design.randomization.adaptive.stopFutilityBelow | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, stopFutilityBelow: X}}
            Design.ResponseAdaptive.stopFutilityBelow | max | 0.9999999999999999 | 1 | design.randomization.adaptive.stopFutilityBelow | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, stopFutilityBelow: X}}
            Design.ResponseAdaptive.stopMinPatients | min | 0 | -1 | design.randomization.adaptive.stopMinPatients | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, stopMinPatients: X}}
            Design.ResponseAdaptive.stopMinPatients | max | 100000 | 100001 | design.randomization.adaptive.stopMinPatients | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, stopMinPatients: X}}
            Design.ResponseAdaptive.gamma | min | 0 | -4.9e-324 | design.randomization.adaptive.gamma | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd, target: neyman, gamma: X}}
            Design.ResponseAdaptive.gamma | max | 100 | 100.00000000000001 | design.randomization.adaptive.gamma | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd, target: rsihr, gamma: X}}
            Design.BetaPrior.alpha | min | 0.5 | 0.49999999999999994 | design.randomization.adaptive.priors.control.alpha | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, priors: {control: {alpha: X, beta: 1}}}}
            Design.BetaPrior.alpha | max | 10000 | 10000.000000000002 | design.randomization.adaptive.priors.control.alpha | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, priors: {control: {alpha: X, beta: 1}}}}
            Design.BetaPrior.beta | min | 0.5 | 0.49999999999999994 | design.randomization.adaptive.priors.control.beta | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, priors: {control: {alpha: 1, beta: X}}}}
            Design.BetaPrior.beta | max | 10000 | 10000.000000000002 | design.randomization.adaptive.priors.control.beta | true | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, priors: {control: {alpha: 1, beta: X}}}}
            Target.threshold | min | 4.9e-324 | 0 | targets[0].threshold | true | assessments.eoi.thresholds=[X] ; targets=[{label: t, measure: mrd-below, arm: control, assessment: eoi, threshold: X, value: 0.5, n: 10, source: s}]
            Target.threshold | max | 1 | 1.0000000000000002 | targets[0].threshold | true | assessments.eoi.thresholds=[X] ; targets=[{label: t, measure: mrd-below, arm: control, assessment: eoi, threshold: X, value: 0.5, n: 10, source: s}]
            Target.followUpMonths | min | 0 | -0.001 | targets[0].followUpMonths[0] | true | followUp={horizonYears: 100} ; targets=[{label: t, measure: crude, arm: control, endpoint: efs, event: relapse, followUpMonths: [X, 1200], value: 0.5, n: 10, source: s}]
            Target.followUpMonths | max | 1200 | 1200.0000000000002 | targets[0].followUpMonths[1] | false | followUp={horizonYears: 100} ; targets=[{label: t, measure: crude, arm: control, endpoint: efs, event: relapse, followUpMonths: [0, X], value: 0.5, n: 10, source: s}]
            """)
    void eachBoundHoldsExactly(String field, String bound, String inside, String outside, String path, boolean alone, String template)
            throws Exception {
        String expanded = template.replace("EXTRA", EXTRA).replace("ESCALATION", ESCALATION).replace("TWO_STAGE", TWO_STAGE);
        Range range = RANGES.get(field);
        assertThat(range).as("%s has a range", field).isNotNull();
        assertThat(Double.parseDouble(inside)).as("the value inside is the bound or next to it")
                .isEqualTo(bound.equals("min") ? range.min() : range.max(), org.assertj.core.data.Offset.offset(Math.ulp(range.max())));

        List<Problem> insideErrors = errors(settings(expanded, inside));
        if (alone) {
            assertThat(insideErrors).as("%s = %s", path, inside).isEmpty();
        } else {
            assertThat(insideErrors).as("%s = %s", path, inside).noneMatch(p -> p.path().equals(path) && p.message().contains("; it must be"));
        }
        for (String bad : RANGES_OF_INTEGERS.contains(field) ? List.of(outside) : List.of(outside, "1e309", "-1e309")) {
            assertThat(errors(settings(expanded, bad))).as("%s = %s", path, bad).anySatisfy(p -> {
                assertThat(p.path()).isEqualTo(path);
                assertThat(p.message()).contains("; it must be " + Values.describe(range) + " (" + range.why() + ")");
                assertThat(p.line()).as("every problem names its line").isPositive();
            });
        }
    }

    /**
     * Bounds that tie fields together, or count entries: each with a value that passes and one that
     * fails with the message given.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            blocks last a lifetime along a path  | 18262.5 | 18263 | pathway.nodes.randomize | along the path randomize → chemo → blina → decide → failed the blocks last 36525.5 days together; at most 36525 days | pathway.nodes.chemo.next=blina ; pathway.nodes.chemo.durationDays=X ; pathway.nodes.blina.durationDays=18262.5
            blocks cost too much along a path    | 5e10 | 50000001000 | pathway.nodes.randomize | the blocks cost 100000001000 together; at most 100000000000 | pathway.nodes.chemo.next=blina ; pathway.nodes.chemo.cost=X ; pathway.nodes.blina.cost=5e10
            a substitute counts on its path      | 18262.5 | 18263 | pathway.nodes.randomize | along the path randomize → blina → chemo → decide → failed the blocks last 36525.5 days together | eligibility={cd19: {exclude: age > 30, treatment: blinatumomab}} ; pathway.nodes.blina.requires=[blinatumomab] ; pathway.nodes.blina.substitute=chemo ; pathway.nodes.chemo.durationDays=X ; pathway.nodes.blina.durationDays=18262.5 ; pathway.nodes.blina.next=chemo
            more events than patients            | 200 | 201 | design.analysis.events | the final analysis waits for 201 events, but only 200 patients are enrolled | design.analysis.events=X
            accrual beyond a hundred years       | 0.16666666666666666 | 0.1666 | design.accrual.patientsPerMonth | enrolling 200 patients at 0.1666 a month takes 1200 months at least | design.accrual.patientsPerMonth=X
            a faster later rate finishes in time | 0.2 | 0.16 | design.accrual.patientsPerMonth | enrolling 200 patients at 0.16 a month takes 1250 months | design.accrual={patientsPerMonth: X, changes: [{fromMonth: 12, patientsPerMonth: X}]}
            comparison landmark after horizon    | 5 | 5.000000000000001 | design.comparisons[0].landmarkYears | the landmark 5 years is after the follow-up horizon (5 years) | design.comparisons[0].landmarkYears=X
            survival falling too fast            | 0.0648 | 0.0646 | outcomes.curves.high.survival[0] | survival falls from 1 to 0.0646 in 1 days, a hazard of 1000.62 a year; the highest is 1000 | outcomes.curves.high={type: survival, atDays: [1], survival: [X]}
            too many toxicities in a block       | {crs: {probability: 0.1}} | TOXICITIES65 | pathway.nodes.blina.toxicities | this mapping has 65 entries, more than the 64 allowed here | pathway.nodes.blina.toxicities=X
            too many criteria                    | {c: {include: age > 0}} | CRITERIA65 | eligibility | this mapping has 65 entries, more than the 64 allowed here | eligibility=X
            too many dose levels                 | LEVELS30 | LEVELS31 | design.escalation.levels | this list has 31 entries, more than the 30 allowed here | design={type: phase-1-2, assumption: test, escalation: {method: rolling-six, levels: X}}
            start above the levels               | 2 | 3 | design.escalation.startLevel | the start level is 3; levels are numbered from 1 to 2 | ESCALATION, startLevel: X}}
            a model target too high              | 0.59 | 0.6 | design.escalation.targetDltRate | the CRM needs a target above 0.05 and below 0.6 | design={type: phase-1-2, assumption: test, escalation: {method: crm, levels: [{dose: 1, dltProbability: 0.1}, {dose: 2, dltProbability: 0.2}], targetDltRate: X}}
            a model target too low               | 0.06 | 0.05 | design.escalation.targetDltRate | BOIN needs a target above 0.05 and below 0.6 | design={type: phase-1-2, assumption: test, escalation: {method: boin, levels: [{dose: 1, dltProbability: 0.1}, {dose: 2, dltProbability: 0.2}], targetDltRate: X}}
            a skeleton that does not increase    | [0.1, 0.2] | [0.2, 0.2] | design.escalation.skeleton[1] | the skeleton must increase with dose, but 0.2 follows 0.2 | design={type: phase-1-2, assumption: test, escalation: {method: tite-crm, levels: [{dose: 1, dltProbability: 0.1}, {dose: 2, dltProbability: 0.2}], skeleton: X}}
            a skeleton for other levels          | [0.1, 0.2] | [0.1, 0.2, 0.3] | design.escalation.skeleton | the skeleton gives 3 DLT probabilities for 2 dose levels | design={type: phase-1-2, assumption: test, escalation: {method: crm, levels: [{dose: 1, dltProbability: 0.1}, {dose: 2, dltProbability: 0.2}], skeleton: X}}
            a sample size of part cohorts        | 12 | 13 | design.escalation.maxPatients | the sample size 13 is not a whole number of cohorts of 3 (the default cohort size) | design={type: phase-1-2, assumption: test, escalation: {method: tite-boin, levels: [{dose: 1, dltProbability: 0.1}, {dose: 2, dltProbability: 0.2}], maxPatients: X}}
            a response test that cannot reject   | 9 | 8 | design.sampleSize | with 8 patients the exact test can never reject at alpha 0.025: even if every one responds, that has probability | design={type: single-arm-response, arm: control, response: cr, historicalRate: 0.65, sampleSize: X, assumption: test}
            futility not below superiority       | 0.94 | 0.95 | design.randomization.adaptive.stopFutilityBelow | the futility bound 0.95 is not below the superiority bound stopSuperiorityAbove 0.95 | design.randomization={method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, stopSuperiorityAbove: 0.95, stopFutilityBelow: X}}
            a number beyond all numbers          | 1e308 | 1e309 | riskGroups.initial[0].when | in the condition "age >= 1e309", at character 8: '1e309' is too large | riskGroups.initial[0].when=age >= X
            """)
    void eachBoundBetweenFieldsHolds(String kind, String passes, String fails, String path, String message, String template) throws Exception {
        String expanded = template.replace("ESCALATION", ESCALATION);
        assertThat(errors(settings(expanded, passes))).as("%s: %s passes", kind, passes).isEmpty();
        assertThat(errors(settings(expanded, fails))).as("%s: %s fails", kind, fails).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
        });
    }

    /** Every number of the model (numbers, and lists and mappings of them) by "Record.component", with its range. */
    private static final Map<String, Range> RANGES = new LinkedHashMap<>();
    private static final Set<String> RANGES_OF_INTEGERS = new HashSet<>();
    private static final List<String> UNRANGED = new ArrayList<>();

    static {
        collect(Protocol.class, new HashSet<>());
    }

    private static void collect(Class<?> type, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, seen);
            }
        }
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String key = type.getCanonicalName().substring("org.trialsim.protocol.".length()) + "." + c.getName();
            Class<?> element = element(c.getGenericType());
            if (Number.class.isAssignableFrom(element) || element.isPrimitive()) {
                Range range = c.getAnnotation(Range.class);
                if (range == null) {
                    UNRANGED.add(key);
                } else {
                    RANGES.put(key, range);
                }
                if (element == Integer.class || element == Long.class) {
                    RANGES_OF_INTEGERS.add(key);
                }
            } else if (element.getPackageName().startsWith("org.trialsim.protocol")) {
                collect(element, seen);
            }
        }
    }

    /** The type of a component, or of its elements for a list or mapping. */
    private static Class<?> element(Type type) {
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            return element(args[args.length - 1]);
        }
        return (Class<?>) type;
    }

    @Test
    void everyNumberOfTheModelHasARange() {
        assertThat(UNRANGED).as("numbers without @Range").isEmpty();
        assertThat(RANGES).hasSizeGreaterThan(60).containsKeys("Node.Block.durationDays", "Design.Accrual.patientsPerMonth",
                "Distribution.Normal.sd", "Stratum.ratio");
        RANGES.forEach((field, range) -> {
            assertThat(range.min()).as(field).isLessThan(range.max());
            assertThat(Double.isFinite(range.min()) && Double.isFinite(range.max())).as(field + " has finite bounds").isTrue();
            assertThat(range.why()).as(field).isNotBlank();
        });
    }

    /** A range as the docs write it: [0, 36525], (0, 1e15], [0.01, 100000]. */
    private static String interval(Range r) {
        return (r.minExcluded() ? "(" : "[") + number(r.min()) + ", " + number(r.max()) + (r.maxExcluded() ? ")" : "]");
    }

    private static String number(double v) {
        if (Math.abs(v) >= 1e6) {
            java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).stripTrailingZeros();
            return d.unscaledValue() + "e" + (-d.scale());
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String doc(String name) throws java.io.IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("../docs", name), StandardCharsets.UTF_8);
    }

    @Test
    void limitsListsEveryRangeWithItsReason() throws Exception {
        String limits = doc("limits.md");
        int start = limits.indexOf("## Protocol values");
        assertThat(start).as("docs/limits.md has a Protocol values section").isNotNegative();
        int end = limits.indexOf("\n## ", start + 1);
        List<String[]> rows = limits.substring(start, end < 0 ? limits.length() : end).lines()
                .filter(l -> l.startsWith("| ")).map(l -> l.split(" \\| ")).toList();
        RANGES.forEach((field, range) -> {
            String name = field.substring(field.lastIndexOf('.') + 1);
            assertThat(rows).as("a row of limits.md for %s %s", field, interval(range)).anySatisfy(cells -> {
                assertThat(cells[0]).containsPattern("[`.]" + java.util.regex.Pattern.quote(name) + "`");
                assertThat(cells[1].strip()).isEqualTo(interval(range));
                assertThat(cells[2]).isNotBlank();
            });
        });
    }

    @Test
    void theFormatGivesEachRangeBesideItsField() throws Exception {
        String format = doc("protocol-format.md").replaceAll("\\s+", " ");
        RANGES.forEach((field, range) -> {
            String name = field.substring(field.lastIndexOf('.') + 1);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name) + "\\b").matcher(format);
            boolean beside = false;
            while (m.find() && !beside) {
                beside = format.substring(m.end(), Math.min(format.length(), m.end() + 80)).contains(interval(range));
            }
            assertThat(beside).as("protocol-format.md gives %s %s within 80 characters after its name", field, interval(range)).isTrue();
        });
    }

    @Test
    void everyBoundHasARow() throws Exception {
        CsvSource table = ValueRangesTest.class.getDeclaredMethod("eachBoundHoldsExactly", String.class, String.class, String.class,
                String.class, String.class, boolean.class, String.class).getAnnotation(CsvSource.class);
        Set<String> rows = new TreeSet<>();
        for (String line : table.textBlock().split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length > 2) {
                rows.add(cells[0].strip() + " " + cells[1].strip());
            }
        }
        Set<String> expected = new TreeSet<>();
        RANGES.keySet().forEach(f -> {
            expected.add(f + " min");
            expected.add(f + " max");
        });
        assertThat(rows).as("a row for each bound of each field").containsAll(expected);
        assertThat(expected).as("no row for a field that has no range").containsAll(rows);
    }
}
