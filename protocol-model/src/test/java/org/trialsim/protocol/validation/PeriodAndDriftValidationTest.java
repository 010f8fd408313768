package org.trialsim.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.TestProtocols;

/**
 * An assessment's drift and the analysis stratified by period of enrolment: the period needs its length and
 * its length needs the period, a covariate cannot take its name, and at most two factors stand beside it.
 */
class PeriodAndDriftValidationTest {
    private static final String BASE = TestProtocols.text(TestProtocols.TWO_ARM);

    private static String design(String analysis) {
        return BASE + """
                design:
                  type: randomized
                  sampleSize: 200
                  comparisons: [{control: control, experimental: experimental, endpoint: efs}]
                  analysis: {alpha: 0.025, events: 80%s}
                """.formatted(analysis);
    }

    @Test
    void aPeriodWithItsLengthAndADriftAreRead() throws Exception {
        String text = design(", stratifyBy: [sex, period], periodMonths: 12").replace("eoi: {label: End of induction, detectionLimit: 1e-4,",
                "eoi: {label: End of induction, detectionLimit: 1e-4, drift: {log10PerYear: -0.3},");
        var protocol = TestProtocols.read("period.yaml", text).protocol();
        Design.Analysis a = ((Design.Randomized) protocol.design()).analysis();
        assertThat(a.stratifyBy()).containsExactly("sex", Design.Analysis.PERIOD);
        assertThat(a.periodMonths()).isEqualTo(12.0);
        assertThat(protocol.assessments().get("eoi").drift().log10PerYear()).isEqualTo(-0.3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            period without its length   | , stratifyBy: [period]                                   | design.analysis.stratifyBy[0] | give its length as design.analysis.periodMonths
            a length without the period | , stratifyBy: [sex], periodMonths: 12                    | design.analysis.periodMonths  | stratifyBy does not name it
            a length below a month      | , stratifyBy: [period], periodMonths: 0.5                | design.analysis.periodMonths  | it must be from 1
            three factors beside it     | , stratifyBy: [sex, risk, sex, period], periodMonths: 12 | design.analysis.stratifyBy[3] | at most 2 other factors
            """)
    void aPeriodWithoutItsConditionsIsRefusedAtItsPlace(String name, String analysis, String path, String message) {
        assertRefused(design(analysis), path, message);
    }

    @Test
    void aCovariateNamedPeriodCannotStratify() {
        String text = design(", stratifyBy: [period], periodMonths: 12").replace("    sex:\n", "    period:\n");
        assertRefused(text, "design.analysis.stratifyBy[0]", "a covariate named 'period' cannot stratify");
    }

    @Test
    void aDriftBeyondThreeLogsAYearIsRefused() {
        String text = design("").replace("eoi: {label: End of induction, detectionLimit: 1e-4,",
                "eoi: {label: End of induction, detectionLimit: 1e-4, drift: {log10PerYear: -4},");
        assertRefused(text, "assessments.eoi.drift.log10PerYear", "it must be from -3 to 3");
    }

    private static void assertRefused(String text, String path, String message) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> TestProtocols.read("edited.yaml", text));
        assertThat(e).as("the protocol should be refused").isNotNull();
        assertThat(e.errors()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
            assertThat(p.line()).as("every problem names its line").isPositive();
        });
    }
}
