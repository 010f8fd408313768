package org.trialsim.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.TestProtocols;

/**
 * The margin of a randomized comparison and the hypothesis it belongs to: the direction is stated, never
 * guessed, and a margin on the wrong side of no effect, out of reach or on a single arm is refused at
 * its place.
 */
class MarginValidationTest {
    private static final String BASE = TestProtocols.text(TestProtocols.TWO_ARM);

    private static String design(String comparison, String analysis) {
        return BASE + """
                design:
                  type: randomized
                  sampleSize: 200
                  comparisons: [%s]
                  analysis: {alpha: 0.025, events: 80%s}
                """.formatted(comparison, analysis);
    }

    private static final String SURVIVAL = "{control: control, experimental: experimental, endpoint: efs}";
    private static final String RESPONSE = "{control: control, experimental: experimental, response: mrd < 1e-4}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            survival non-inferiority     | survival | , margin: 1.3, hypothesis: non-inferiority | 1.3  | NON_INFERIORITY
            survival superiority by 0.8  | survival | , margin: 0.8, hypothesis: superiority     | 0.8  | SUPERIORITY
            survival margin 1            | survival | , margin: 1                                | 1    |
            response non-inferiority     | response | , margin: -0.1, hypothesis: non-inferiority | -0.1 | NON_INFERIORITY
            response margin 0            | response | , margin: 0, hypothesis: superiority       | 0    | SUPERIORITY
            """)
    void aMarginOnTheRightSideWithItsHypothesisIsValid(String kind, String comparison, String analysis, double margin,
                                                     Design.Analysis.Hypothesis hypothesis) throws Exception {
        Design.Randomized r = (Design.Randomized) TestProtocols.read("margin.yaml",
                design(comparison.equals("survival") ? SURVIVAL : RESPONSE, analysis)).protocol().design();
        assertThat(r.analysis().margin()).isEqualTo(margin);
        assertThat(r.analysis().hypothesis()).isEqualTo(hypothesis);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0.8 called non-inferiority   | survival | , margin: 0.8, hypothesis: non-inferiority  | design.analysis.margin     | a hazard ratio margin of 0.8 asks for superiority by a margin
            1.3 called superiority       | survival | , margin: 1.3, hypothesis: superiority      | design.analysis.margin     | a hazard ratio margin of 1.3 is a non-inferiority margin
            direction not stated         | survival | , margin: 1.3                               | design.analysis.hypothesis | state what the margin 1.3 tests: 'hypothesis: non-inferiority'
            superiority margin unstated  | survival | , margin: 0.8                               | design.analysis.hypothesis | 'hypothesis: superiority' (superiority by a margin)
            margin 1 as non-inferiority  | survival | , margin: 1, hypothesis: non-inferiority    | design.analysis.margin     | a hazard ratio margin of 1 is no margin
            negative hazard ratio        | survival | , margin: -0.5, hypothesis: superiority     | design.analysis.margin     | a survival margin is a hazard ratio (experimental vs control), above 0, not -0.5
            zero hazard ratio            | survival | , margin: 0, hypothesis: superiority        | design.analysis.margin     | above 0, not 0
            NaN margin (at its line)     | survival | , margin: .NaN, hypothesis: non-inferiority |                            | the YAML cannot be parsed here
            hazard ratio out of reach    | survival | , margin: 12, hypothesis: non-inferiority   | design.analysis.margin     | margin is 12
            non-inferiority, no margin   | survival | , hypothesis: non-inferiority               | design.analysis.hypothesis | a non-inferiority hypothesis needs a 'margin'
            response gain as NI          | response | , margin: 0.1, hypothesis: non-inferiority  | design.analysis.margin     | a difference in response rates margin of 0.1 asks for superiority by a margin
            response loss as superiority | response | , margin: -0.1, hypothesis: superiority     | design.analysis.margin     | is a non-inferiority margin
            response difference of -1    | response | , margin: -1, hypothesis: non-inferiority   | design.analysis.margin     | margin is -1
            response difference of 1     | response | , margin: 1, hypothesis: superiority        | design.analysis.margin     | strictly between -1 and 1, not 1
            mixed comparisons            | mixed    | , margin: 1.3, hypothesis: non-inferiority  | design.analysis.margin     | one margin cannot serve both
            """)
    void aWrongMarginIsRefusedAtItsPlace(String kind, String comparison, String analysis, String path, String message) {
        String comparisons = switch (comparison) {
            case "survival" -> SURVIVAL;
            case "response" -> RESPONSE;
            default -> SURVIVAL + ", " + RESPONSE;
        };
        assertRefused(design(comparisons, analysis), path, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            margin     | margin: 1.3, hypothesis: non-inferiority | design.analysis.margin
            hypothesis | hypothesis: non-inferiority              | design.analysis.hypothesis
            """)
    void aSingleArmDesignHasNoMargin(String kind, String analysis, String path) {
        String text = BASE + """
                design:
                  type: single-arm-survival
                  arm: experimental
                  endpoint: efs
                  sampleSize: 100
                  historicalCurve: high
                  analysis: {alpha: 0.025, %s}
                """.formatted(analysis);
        assertRefused(text, path, "a single-arm design compares its arm with a historical curve, where a margin has no meaning");
    }

    private static void assertRefused(String text, String path, String message) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> TestProtocols.read("edited.yaml", text));
        assertThat(e).as("the protocol should be refused").isNotNull();
        assertThat(e.errors()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path == null ? "" : path);
            assertThat(p.message()).contains(message);
            assertThat(p.line()).as("every problem names its line").isPositive();
        });
    }
}
