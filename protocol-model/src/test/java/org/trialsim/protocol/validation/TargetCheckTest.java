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
import org.trialsim.protocol.Target;
import org.trialsim.protocol.TestProtocols;
import org.trialsim.protocol.builtin.BuiltinProtocols;

/** The {@code targets} of a protocol: each measure with its fields is read, and each mistake is reported at its place. */
class TargetCheckTest {
    /** The two-arm example with one target of each measure. */
    private static final String WITH_TARGETS = TestProtocols.text(TestProtocols.TWO_ARM) + """
            targets:
              - {label: MRD-negative, measure: mrd-negative, arm: experimental, assessment: eoi, value: 0.6, n: 30, source: a report}
              - {label: below 0.1%, measure: mrd-below, arm: control, assessment: eoi, threshold: 1e-3, of: arm, value: 0.7,
                 n: 30, source: a report}
              - {label: 2-year EFS, measure: survival, arm: control, endpoint: efs, years: 2, among: 'risk == "HR" and mrd.eoi >= 0.01%',
                 value: 0.5, lower: 0.4, upper: 0.6, n: 100, source: a report}
              - {label: relapse by 3 years, measure: incidence, arm: control, endpoint: efs, event: relapse, years: 3, value: 0.3,
                 n: 100, source: a report}
              - {label: remission, measure: remission, arm: control, value: 0.9, n: 100, source: a report}
              - {label: transplanted, measure: transplant, arm: experimental, value: 0.2, n: 100, source: a report}
              - {label: CRS, measure: toxicity, arm: experimental, block: blina, toxicity: crs, value: 0.02, n: 100, source: a report,
                 assumption: n is the arm's size}
              - {label: failure as first event, measure: crude, arm: control, endpoint: efs, event: failure, followUpMonths: [12, 48],
                 value: 0.25, n: 100, source: a report}
              - {label: younger than 1 year, measure: screen-failure, arm: control, criterion: one-or-older, value: 0.02, n: 100,
                 source: a report}
              - {label: high risk, measure: risk-group, arm: control, group: HR, value: 0.3, n: 100, source: a report}
              - {label: EFS hazard ratio, measure: hazard-ratio, arm: experimental, endpoint: efs, value: 0.7, lower: 0.5, upper: 0.98,
                 n: 200, source: a report}
            eligibility:
              one-or-older: {include: age >= 1, source: a report}
            """;

    private static List<Problem> errorsAfter(String from, String to) {
        assertThat(WITH_TARGETS).as("the edit must apply to the base file").containsOnlyOnce(from);
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> TestProtocols.read("edited.yaml", WITH_TARGETS.replace(from, to)));
        assertThat(e).as("'%s' → '%s' should make the protocol invalid", from, to).isNotNull();
        return e.errors();
    }

    @Test
    void eachMeasureIsReadWithItsFields() throws Exception {
        LoadedProtocol loaded = TestProtocols.read("targets.yaml", WITH_TARGETS);
        List<Target> targets = loaded.protocol().targets();
        assertThat(targets).extracting(Target::measure).containsExactly(Target.Measure.values());
        assertThat(targets.get(0).of()).as("MRD rates are of those assessed unless told").isEqualTo(Target.Denominator.ASSESSED);
        assertThat(targets.get(1).of()).isEqualTo(Target.Denominator.ARM);
        assertThat(targets.get(2).of()).as("no denominator for a survival target").isNull();
        assertThat(targets.get(2).lower()).isEqualTo(0.4);
        assertThat(targets.get(2).among().text()).isEqualTo("risk == \"HR\" and mrd.eoi >= 0.01%");
        assertThat(targets.get(3).among()).as("among all unless told").isNull();
        assertThat(targets.get(3).event()).isEqualTo(org.trialsim.protocol.Endpoint.EventKind.RELAPSE);
        assertThat(targets.get(6).n()).isEqualTo(100);
        assertThat(targets.get(7).followUpMonths()).containsExactly(12.0, 48.0);
        assertThat(targets.get(8).criterion()).isEqualTo("one-or-older");
        assertThat(targets.get(9).group()).isEqualTo("HR");
        assertThat(targets.get(10).versus()).as("the control is the first arm unless told").isNull();
        assertThat(targets.get(10).upper()).isEqualTo(0.98);
        assertThat(loaded.warnings()).as("a target's source covers it").isEmpty();
    }

    @Test
    void theBuiltInsCarryTargetsThatValidate() throws Exception {
        for (String id : List.of("interfant-06-blina", "aall1331", "aall1121", "cccg-blina-d19", "interfant-21")) {
            assertThat(BuiltinProtocols.load(id).protocol().targets()).as(id).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown arm              | arm: experimental, assessment: eoi, value: 0.6 | arm: experimentl, assessment: eoi, value: 0.6 | targets[0].arm        | there is no arm 'experimentl' (did you mean 'experimental'?)
            unknown assessment       | arm: experimental, assessment: eoi, value: 0.6 | arm: experimental, assessment: eob, value: 0.6 | targets[0].assessment | there is no assessment 'eob'
            threshold not reported   | threshold: 1e-3                                 | threshold: 5e-4                                 | targets[1].threshold  | the assessment 'eoi' reports no threshold
            unknown endpoint         | endpoint: efs, years: 2                         | endpoint: dfs, years: 2                         | targets[2].endpoint   | there is no endpoint 'dfs'
            years not a landmark     | endpoint: efs, years: 2                         | endpoint: efs, years: 2.5                       | targets[2].years      | 2.5 years is not one of them (1, 2, 3, 4, 5); add it to followUp.landmarkYears
            event not counted        | endpoint: efs, event: relapse                   | endpoint: os, event: relapse                    | targets[3].event      | the endpoint 'os' counts one kind of event
            unknown event            | event: relapse                                  | event: relapsed                                 | targets[3].event      | 'relapsed' is not one of failure, relapse, death
            missing field            | endpoint: efs, years: 2                         | endpoint: efs                                   | targets[2].years      | a survival target needs 'years'
            field not used           | measure: remission, arm: control                | measure: remission, arm: control, years: 2      | targets[4].years      | 'years' does not apply to a remission target; it needs only the arm
            denominator not used     | measure: transplant, arm: experimental          | measure: transplant, arm: experimental, of: arm | targets[5].of         | 'of' does not apply to a transplant target
            unknown block            | block: blina, toxicity: crs                     | block: chemo2, toxicity: crs                    | targets[6].block      | there is no block 'chemo2'
            unknown toxicity         | block: blina, toxicity: crs                     | block: blina, toxicity: cytokine                | targets[6].toxicity   | the block 'blina' has no toxicity 'cytokine'; its toxicities are crs
            value outside interval   | value: 0.5, lower: 0.4                          | value: 0.7, lower: 0.4                          | targets[2].value      | the published value 0.7 is outside its interval 0.4–0.6
            half an interval         | lower: 0.4, upper: 0.6                          | lower: 0.4                                      | targets[2].lower      | a published interval has both 'lower' and 'upper', or neither
            value out of range       | value: 0.9                                      | value: 90                                       | targets[4].value      | 90 is not a proportion
            lower not a proportion   | lower: 0.4, upper: 0.6                          | lower: 0.4, upper: 1.6                          | targets[2].upper      | 1.6 is not a proportion
            ratio out of range       | value: 0.7, lower: 0.5                          | value: 1001, lower: 0.5                         | targets[10].value     | value is 1001; it must be from 0 to 1000
            ratio of zero            | value: 0.7, lower: 0.5                          | value: 0.7, lower: 0                            | targets[10].lower     | a hazard ratio is above 0, not 0
            ratio without interval   | value: 0.7, lower: 0.5, upper: 0.98,            | value: 0.7,                                     | targets[10].lower     | a hazard-ratio target needs its published 95% interval
            ratio against itself     | measure: hazard-ratio, arm: experimental        | measure: hazard-ratio, arm: control             | targets[10].arm       | compares the arm 'control' with another arm, not with itself
            ratio unknown control    | measure: hazard-ratio, arm: experimental        | measure: hazard-ratio, arm: experimental, versus: placebo | targets[10].versus | there is no arm 'placebo'
            ratio without endpoint   | endpoint: efs, value: 0.7                       | value: 0.7                                      | targets[10].endpoint  | a hazard-ratio target needs 'endpoint'
            versus on one arm        | measure: remission, arm: control                | measure: remission, arm: control, versus: experimental | targets[4].versus | 'versus' names the control arm of a hazard-ratio target
            n of nobody              | value: 0.2, n: 100                              | value: 0.2, n: 0                                | targets[5].n          | n is 0; it must be from 1 to 100000
            missing source           | value: 0.9, n: 100, source: a report                   | value: 0.9, n: 100                              | targets[4].source     | missing field 'source'
            unknown measure          | measure: remission                              | measure: response                               | targets[4].measure    | 'response' is not one of mrd-negative, mrd-below, survival, incidence, remission, transplant, toxicity, crude, screen-failure, risk-group, hazard-ratio
            one follow-up            | followUpMonths: [12, 48]                        | followUpMonths: [12]                            | targets[7].followUpMonths | followUpMonths is two numbers
            follow-up reversed       | followUpMonths: [12, 48]                        | followUpMonths: [48, 12]                        | targets[7].followUpMonths | the shortest follow-up 48 is longer than the longest, 12
            follow-up past horizon   | followUpMonths: [12, 48]                        | followUpMonths: [12, 61]                        | targets[7].followUpMonths | beyond the follow-up's horizon of 60 months
            crude needs follow-up    | event: failure, followUpMonths: [12, 48],       | event: failure,                                 | targets[7].followUpMonths | a crude target needs 'followUpMonths'
            crude event not counted  | endpoint: efs, event: failure, followUpMonths   | endpoint: os, event: failure, followUpMonths    | targets[7].event      | the endpoint 'os' does not count failure
            unknown criterion        | criterion: one-or-older                         | criterion: adult                                | targets[8].criterion  | there is no eligibility criterion 'adult'
            subgroup of no variable  | among: 'risk == "HR" and                         | among: 'risky == "HR" and                        | targets[2].among      | in the condition
            subgroup MRD as percent  | mrd.eoi >= 0.01%'                               | mrd.eoi >= 5'                                   | targets[2].among      | but MRD is a fraction from 0 to 1
            subgroup of screening    | criterion: one-or-older,                        | criterion: one-or-older, among: 'risk == "HR"', | targets[8].among      | a screen-failure target counts presented patients
            unknown group            | risk-group, arm: control, group: HR             | risk-group, arm: control, group: VHR            | targets[9].group      | there is no risk group 'VHR'
            """)
    void eachMistakeIsReportedAtItsPlace(String kind, String from, String to, String path, String message) {
        assertThat(errorsAfter(from, to)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
            assertThat(p.line()).as("every problem names its line").isPositive();
        });
    }
}
