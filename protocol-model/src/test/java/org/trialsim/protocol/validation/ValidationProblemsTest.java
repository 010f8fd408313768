package org.trialsim.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.TestProtocols;

/**
 * Each kind of problem a protocol file can have, made by one edit of a valid file, is reported once,
 * at the right place, with a plain sentence.
 */
class ValidationProblemsTest {
    private static final String VALID = TestProtocols.text(TestProtocols.TWO_ARM);

    /** Applies "from" → "to" (exactly once) and returns the problems. */
    private static List<Problem> problemsAfter(String from, String to) {
        String target = from.replace("\\n", "\n");
        assertThat(VALID).as("the edit must apply to the base file").containsOnlyOnce(target);
        String edited = VALID.replace(target, to.replace("\\n", "\n"));
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> TestProtocols.read("edited.yaml", edited));
        assertThat(e).as("'%s' → '%s' should make the protocol invalid", from, to).isNotNull();
        return e.problems();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field                  | durationDays: 35                  | durationDayz: 35                 | pathway.nodes.chemo.durationDayz     | unknown field 'durationDayz' (did you mean 'durationDays'?)
            missing field                  | title: Two-arm example with one MRD decision\\n |                  | title                                | missing field 'title'
            wrong type                     | horizonYears: 5                   | horizonYears: five               | followUp.horizonYears                | expected a number but found the text 'five'
            list instead of number         | horizonYears: 5                   | horizonYears: [5]                | followUp.horizonYears                | expected a number but found a list
            bad enum                       | kind: immunotherapy               | kind: immuno                     | pathway.nodes.blina.kind             | 'immuno' is not one of chemotherapy, immunotherapy, transplant, maintenance, other
            unknown type id                | type: survival                    | type: survivl                    | outcomes.curves.high.type            | unknown type 'survivl' (did you mean 'survival'?)
            missing type id                | failed: {type: end, status: failure} | failed: {status: failure}     | pathway.nodes.failed                 | missing field 'type'
            probability out of range       | probability: 0.02}                | probability: 1.02}               | pathway.nodes.blina.toxicities.crs.probability | probability is 1.02; it must be from 0 to 1 (a probability)
            negative duration              | durationDays: 28                  | durationDays: -28                | pathway.nodes.blina.durationDays     | durationDays is -28; it must be from 0 to 36525 (days;
            probabilities not summing to 1 | {female: 0.45, male: 0.55}        | {female: 0.45, male: 0.45}       | population.covariates.sex.distribution.probabilities | the probabilities add up to 0.9; they must add up to 1
            MRD threshold out of range     | when: "mrd >= 0.01%"              | when: "mrd >= 5"                 | pathway.nodes.decide.routes[1].when  | 'mrd' is compared with 5, but MRD is a fraction from 0 to 1
            detection limit out of range   | detectionLimit: 1e-4              | detectionLimit: 2                | assessments.eoi.detectionLimit       | detectionLimit is 2; it must be above 0 and below 1
            missing node                   | to: failed}                       | to: faild}                       | pathway.nodes.decide.routes[0].to    | there is no node 'faild' (did you mean 'failed'?)
            missing risk group             | setRisk: HR                       | setRisk: XR                      | pathway.nodes.decide.routes[1].setRisk | there is no risk group 'XR'
            missing arm                    | {control: 1, experimental: 1}     | {control: 1, experimentl: 1}     | pathway.nodes.randomize.strata.all.ratio.experimentl | there is no arm 'experimentl' (did you mean 'experimental'?)
            missing curve                  | {when: risk == "HR", curve: high} | {when: risk == "HR", curve: hgh} | outcomes.relapse[0].curve            | there is no hazard curve 'hgh' (did you mean 'high'?)
            missing assessment             | assessments: [eoi]\\n      next: decide\\n      assumption: typical induction | assessments: [eo]\\n      next: decide\\n      assumption: typical induction | pathway.nodes.chemo.assessments[0] | there is no assessment 'eo'
            arm ratios of no arm           | assumption: invented curves\\nfollowUp | assumption: invented curves\\n  armHazardRatios: {experimentl: {relapse: 0.5}}\\nfollowUp | outcomes.armHazardRatios.experimentl | there is no arm 'experimentl' (did you mean 'experimental'?)
            unknown name in condition      | when: age >= 10                   | when: agee >= 10                 | riskGroups.initial[0].when           | at character 1: unknown name 'agee' (did you mean 'age'?)
            unknown assessment in a flag   | when: risk == "HR", curve: high   | when: assessed.eo, curve: high   | outcomes.relapse[0].when             | at character 1: unknown name 'assessed.eo' (did you mean 'assessed.eoi'?)
            unknown block in a flag        | when: risk == "HR", curve: high   | when: during.blin, curve: high   | outcomes.relapse[0].when             | at character 1: unknown name 'during.blin' (did you mean 'during.blina'?)
            condition syntax               | when: age >= 10                   | when: age >= 10 &&               | riskGroups.initial[0].when           | at character 11: '&' is not part of the language; write 'and'
            condition type                 | when: risk == "HR", curve: high   | when: risk < "HR", curve: high   | outcomes.relapse[0].when             | 'risk' is a category (SR, HR); it has no order
            unknown level                  | when: risk == "HR", curve: high   | when: risk == "XR", curve: high  | outcomes.relapse[0].when             | 'XR' is not a level of 'risk', which is one of SR, HR
            decision without a route       | - {label: MRD negative, to: done} | - {label: MRD negative, when: "mrd < 1e-5", to: done} | pathway.nodes.decide.routes | no route is certain to take a patient with mrd = 1e-5
            uncovered risk rule            | - group: SR                       | - {when: age < 5, group: SR}     | riskGroups.initial                   | the risk rules assign no group to a patient with age = 5
            unreachable node               | to: {control: chemo, experimental: blina} | to: {control: chemo, experimental: chemo} | pathway.nodes.blina | no patient ever reaches 'blina' from the start ('randomize')
            loop                           | - {label: MRD negative, to: done} | - {label: MRD negative, to: chemo} | pathway.nodes.chemo              | the pathway loops (chemo → decide → chemo)
            negative route probability     | setRisk: HR                       | setRisk: HR, probability: -1     | pathway.nodes.decide.routes[1].probability | probability is -1; it must be from 0 to 1
            duplicate key                  | assessments:\\n  eoi              | assessments:\\n  eoi: {detectionLimit: 1e-3}\\n  eoi |                                | the field 'eoi' is given twice in the same mapping
            YAML syntax                    | horizonYears: 5}                  | horizonYears: [5}                | | the YAML cannot be parsed
            landmark after horizon         | horizonYears: 5}                  | horizonYears: 5, landmarkYears: [1, 6]} | followUp.landmarkYears[1]   | the landmark 6 years is after the follow-up horizon (5 years)
            survival rising                | survival: [0.7, 0.5]              | survival: [0.5, 0.7]             | outcomes.curves.high.survival[1]     | survival cannot rise: 0.7 follows 0.5
            piecewise not from 0           | fromDays: [0, 730]                | fromDays: [10, 730]              | outcomes.curves.low.fromDays         | the first piece must start at day 0, not 10
            include and exclude together   | riskGroups:\\n                   | eligibility:\\n  adult: {include: age > 1, exclude: age > 17}\\nriskGroups:\\n | eligibility.adult | a criterion has either 'include'
            treatment without criterion    | kind: immunotherapy\\n           | kind: immunotherapy\\n      requires: [blina]\\n | pathway.nodes.blina.requires[0] | no eligibility criterion names the treatment 'blina'
            reserved covariate name        | sex:\\n      distribution:        | risk:\\n      distribution:       | population.covariates.risk           | 'risk' is a built-in variable of conditions and cannot be a covariate name
            """)
    void eachKindOfProblemIsReportedAtItsPlace(String kind, String from, String to, String path, String message) {
        List<Problem> problems = problemsAfter(from, to == null ? "" : to);
        assertThat(problems).filteredOn(Problem::isError)
                .anySatisfy(p -> {
                    if (path != null) {
                        assertThat(p.path()).isEqualTo(path);
                    }
                    assertThat(p.message()).contains(message);
                    assertThat(p.line()).as("every problem names its line").isPositive();
                    assertThat(p.file()).isEqualTo("edited.yaml");
                });
    }

    /** The base file with a randomized design that balances sex and risk group by minimization. */
    private static final String WITH_DESIGN = VALID + """
            design:
              type: randomized
              sampleSize: 200
              comparisons: [{control: control, experimental: experimental, endpoint: efs}]
              accrual: {patientsPerMonth: 10, rampUpMonths: 6}
              randomization: {method: minimization, factors: [sex, risk]}
              analysis: {alpha: 0.025, events: 80}
              assumption: an example design
            """;

    @Test
    void theDesignOfTheBaseFileIsValid() throws Exception {
        assertThat(TestProtocols.read("design.yaml", WITH_DESIGN).protocol().design()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            block not holding the ratio | {method: minimization, factors: [sex, risk]} | {method: permuted-blocks, blockSizes: [2, 3]} | design.randomization.blockSizes[1] | a block of 3 cannot hold the ratio {control: 1, experimental: 1} of stratum 'all' of allocation 'randomize' whole
            blocks without sizes        | {method: minimization, factors: [sex, risk]} | {method: stratified-blocks, factors: [sex]}   | design.randomization.blockSizes    | stratified-blocks need at least one block size
            sizes for minimization      | {method: minimization, factors: [sex, risk]} | {method: minimization, factors: [sex], blockSizes: [4]} | design.randomization.blockSizes | block sizes are for permuted-blocks and stratified-blocks, not minimization
            minimization without factors| {method: minimization, factors: [sex, risk]} | {method: minimization}                        | design.randomization.factors       | minimization balances the levels of 'factors'
            numeric factor              | factors: [sex, risk]                         | factors: [sex, age]                           | design.randomization.factors[1]    | 'age' is not a categorical or yes/no covariate (or risk)
            misspelt factor             | factors: [sex, risk]                         | factors: [sexx, risk]                         | design.randomization.factors[0]    | (did you mean 'sex'?)
            factors ignored             | {method: minimization, factors: [sex, risk]} | {method: simple, factors: [sex]}              | design.randomization.factors       | simple would ignore them
            p below the largest share   | factors: [sex, risk]}                        | factors: [sex, risk], p: 0.4}                 | design.randomization.p             | p = 0.4 is below 1/2, the largest arm's share
            p out of range              | factors: [sex, risk]}                        | factors: [sex, risk], p: 1.5}                 | design.randomization.p             | p is 1.5; it must be above 0 and at most 1
            p for blocks                | {method: minimization, factors: [sex, risk]} | {method: permuted-blocks, blockSizes: [4], p: 0.9} | design.randomization.p        | 'p' is the probability of minimization, not of permuted-blocks
            bad imbalance measure       | factors: [sex, risk]}                        | factors: [sex, risk], imbalance: spread}      | design.randomization.imbalance     | 'spread' is not one of range, variance
            rate change in the ramp-up  | rampUpMonths: 6}                             | rampUpMonths: 6, changes: [{fromMonth: 3, patientsPerMonth: 5}]} | design.accrual.changes[0].fromMonth | must come at or after the end of the ramp-up (month 6)
            rate changes out of order   | rampUpMonths: 6}                             | rampUpMonths: 6, changes: [{fromMonth: 12, patientsPerMonth: 5}, {fromMonth: 9, patientsPerMonth: 8}]} | design.accrual.changes[1].fromMonth | month 9 does not come after month 12
            accrual stopping for good   | rampUpMonths: 6}                             | rampUpMonths: 6, changes: [{fromMonth: 12, patientsPerMonth: 0}]} | design.accrual.changes[0].patientsPerMonth | the last accrual rate must be positive
            two kinds of data cut       | events: 80}                                  | events: 80, calendarMonths: 36}               | design.analysis                    | give one of 'events', 'followUpMonths' (after the last enrolment) or 'calendarMonths'
            rate change without month   | rampUpMonths: 6}                             | rampUpMonths: 6, changes: [{patientsPerMonth: 5}]} | design.accrual.changes[0].fromMonth | missing field 'fromMonth'
            adaptive without settings   | {method: minimization, factors: [sex, risk]} | {method: response-adaptive}                   | design.randomization               | response-adaptive needs its settings under 'adaptive'
            settings for another method | {method: minimization, factors: [sex, risk]} | {method: simple, adaptive: {assessment: eoi, mrdBelow: 1e-4}} | design.randomization.adaptive | 'adaptive' holds the settings of response-adaptive, not of simple
            adaptive, unknown assessment| {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoc, mrdBelow: 1e-4}} | design.randomization.adaptive.assessment | there is no MRD assessment 'eoc'
            adaptive, two schedules     | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, updateEvery: 5, updateEveryDays: 30}} | design.randomization.adaptive | every 'updateEvery' patients or every 'updateEveryDays' days, not both
            adaptive, control share of 2| {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, control: control, controlShare: 0.5}} | design.randomization.adaptive.controlShare | a control share is for three arms or more
            matched control of 2 arms   | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, control: control, controlMatched: true}} | design.randomization.adaptive.controlMatched | a matched control is for three arms or more
            matched and fixed control   | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, control: control, controlShare: 0.4, controlMatched: true}} | design.randomization.adaptive.controlMatched | give one of them, not both
            matched without a control   | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, controlMatched: true}} | design.randomization.adaptive.controlMatched | 'controlMatched' needs the 'control' arm
            matched control of no arm   | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, control: chemo, controlMatched: true}} | design.randomization.adaptive.control | there is no arm 'chemo'
            dbcd with a matched control | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd, target: neyman, controlMatched: true}} | design.randomization.adaptive.controlMatched | 'controlMatched' applies to the thompson rule only; the doubly adaptive biased coin (rule dbcd) follows its 'target' with Hu and Zhang's 'gamma'; a control may keep a fixed share with 'controlShare' instead
            dbcd, control share of 2    | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd, target: neyman, control: control, controlShare: 0.5}} | design.randomization.adaptive.controlShare | a control share is for three arms or more
            adaptive, prior of no arm   | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, priors: {blina: {alpha: 1, beta: 1}}}} | design.randomization.adaptive.priors.blina | there is no arm 'blina'
            adaptive, prior below 0.5   | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, priors: {control: {alpha: 0.1, beta: 1}}}} | design.randomization.adaptive.priors.control.alpha | 0.1
            adaptive, power above 20    | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, power: 21}} | design.randomization.adaptive.power | 21
            dbcd without target         | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd}} | design.randomization.adaptive.target | rule dbcd needs the 'target' allocation it steers to: neyman or rsihr
            dbcd with a power           | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd, target: neyman, power: 1}} | design.randomization.adaptive.power | 'power' applies to the thompson rule only
            dbcd with a growing power   | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd, target: rsihr, growth: sample-fraction}} | design.randomization.adaptive.growth | 'growth' applies to the thompson rule only
            dbcd dropping arms          | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd, target: rsihr, dropBelow: 0.1}} | design.randomization.adaptive.dropBelow | 'dropBelow' applies to the thompson rule only
            dbcd, unknown target        | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd, target: optimal}} | design.randomization.adaptive.target | 'optimal' is not one of neyman, rsihr
            dbcd, gamma above 100       | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd, target: neyman, gamma: 101}} | design.randomization.adaptive.gamma | 101
            dbcd, negative gamma        | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: dbcd, target: neyman, gamma: -1}} | design.randomization.adaptive.gamma | -1
            thompson with a target      | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, target: neyman}} | design.randomization.adaptive.target | 'target' belongs to the doubly adaptive biased coin; add 'rule: dbcd'
            thompson with a gamma       | {method: minimization, factors: [sex, risk]} | {method: response-adaptive, adaptive: {assessment: eoi, mrdBelow: 1e-4, rule: thompson, gamma: 2}} | design.randomization.adaptive.gamma | 'gamma' belongs to the doubly adaptive biased coin
            """)
    void eachKindOfDesignProblemIsReportedAtItsPlace(String kind, String from, String to, String path, String message) {
        assertThat(WITH_DESIGN).as("the edit must apply to the base file").containsOnlyOnce(from);
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> TestProtocols.read("edited.yaml", WITH_DESIGN.replace(from, to)));
        assertThat(e).as("'%s' → '%s' should make the protocol invalid", from, to).isNotNull();
        assertThat(e.errors()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
            assertThat(p.line()).as("every problem names its line").isPositive();
        });
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        String edited = VALID.replace("durationDays: 35", "durationDayz: 35")
                .replace("kind: immunotherapy", "kind: immuno")
                .replace("to: failed}", "to: faild}")
                .replace("horizonYears: 5", "horizonYears: five");
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> TestProtocols.read("edited.yaml", edited));
        assertThat(e.errors()).extracting(Problem::path).contains(
                "pathway.nodes.chemo.durationDayz", "pathway.nodes.blina.kind",
                "pathway.nodes.decide.routes[0].to", "followUp.horizonYears");
        assertThat(e.problems()).isSortedAccordingTo(Problem.BY_POSITION);
        // a misspelt required field is reported once, not also as missing
        assertThat(e.errors()).noneMatch(p -> p.message().contains("missing field 'durationDays'"));
        assertThat(e.getMessage()).startsWith("edited.yaml is not a valid protocol: ");
    }

    @Test
    void problemsReadAsFileLineColumnSeverityPathAndMessage() {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> TestProtocols.read("edited.yaml", VALID.replace("horizonYears: 5", "horizonYears: five")));
        assertThat(e.errors()).singleElement().hasToString(
                "edited.yaml:75:12: error: at followUp.horizonYears: expected a number but found the text 'five'");
    }

    @Test
    void uncitedParametersAreWarningsNotErrors() throws Exception {
        LoadedProtocol loaded = TestProtocols.read("edited.yaml", VALID.replace("      assumption: typical induction\n", ""));
        assertThat(loaded.warnings()).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(w.path()).isEqualTo("pathway.nodes.chemo");
            assertThat(w.message()).contains("no source or assumption");
        });
    }

    @Test
    void sourceThatLooksLikeAMissingReferenceIdIsAWarning() throws Exception {
        LoadedProtocol loaded = TestProtocols.read("edited.yaml", VALID.replace("source: made-up", "source: madeup"));
        assertThat(loaded.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("population.covariates.sex.source");
            assertThat(w.message()).contains("'madeup' looks like a reference id");
        });
    }

    /** Risk groups and allocation nodes, which the format once refused a source on, are cited like criteria. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            riskGroups | riskGroups:\\n  groups: | riskGroups:\\n  FIELD\\n  groups:       | riskGroups
            allocation | type: allocation\\n    | type: allocation\\n      FIELD\\n | pathway.nodes.randomize
            """)
    void riskGroupsAndAllocationNodesCarrySourceAndAssumptionLikeOtherParts(String part, String from, String to, String path)
            throws Exception {
        String target = from.replace("\\n", "\n");
        assertThat(VALID).as("the edit must apply to the base file").containsOnlyOnce(target);
        String withAssumption = VALID.replace(target, to.replace("\\n", "\n").replace("FIELD", "assumption: the protocol's own rules"));
        String withReference = VALID.replace(target, to.replace("\\n", "\n").replace("FIELD", "source: made-up"));
        String withUnknownReference = VALID.replace(target, to.replace("\\n", "\n").replace("FIELD", "source: madeup"));

        assertThat(TestProtocols.read("edited.yaml", withAssumption).warnings()).isEmpty();
        assertThat(TestProtocols.read("edited.yaml", withReference).warnings()).isEmpty();
        assertThat(TestProtocols.read("edited.yaml", withUnknownReference).warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo(path + ".source");
            assertThat(w.message()).contains("'madeup' looks like a reference id");
        });
        // like eligibility criteria, their rules and ratios are the protocol's own: no source is needed
        assertThat(TestProtocols.read("edited.yaml", VALID).warnings()).isEmpty();
    }

    @Test
    void routeOnAnAssessmentThePatientMayNotHaveHadNeedsAFallback() {
        // 'blina' makes the eoi assessment, but a patient reaching 'decide' through another block might
        // not: give blina its own assessment and route on the chemo one
        String edited = VALID.replace("assessments:\n  eoi: {label: End of induction, detectionLimit: 1e-4, thresholds: [1e-3], assumption: flow cytometry}",
                        "assessments:\n  eoi: {label: End of induction, detectionLimit: 1e-4, thresholds: [1e-3], assumption: flow cytometry}\n"
                                + "  eob: {detectionLimit: 1e-4, assumption: flow}")
                .replace("      assessments: [eoi]\n      next: decide\n      assumption: typical blinatumomab cycle",
                        "      assessments: [eob]\n      next: decide\n      assumption: typical blinatumomab cycle")
                .replace("- {label: MRD positive, when: \"mrd >= 0.01%\", setRisk: HR, to: done}\n        - {label: MRD negative, to: done}",
                        "- {label: MRD positive, when: \"mrd.eoi >= 0.01%\", setRisk: HR, to: done}\n        - {label: MRD negative, when: \"mrd.eoi < 0.01%\", to: done}");
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> TestProtocols.read("edited.yaml", edited));
        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(p -> assertThat(p.message()).contains("mrd.eoi = missing"));
    }
}
