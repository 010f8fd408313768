package org.trialsim.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.TestProtocols;

/**
 * The multiplicity adjustment of a randomized design: it needs a family (two comparisons or more with one
 * control on one endpoint or response), Holm needs a single look, and a single-arm design has none.
 */
class MultiplicityValidationTest {
    private static final String BASE = TestProtocols.text(TestProtocols.TWO_ARM);
    private static final String SURVIVAL = "{control: control, experimental: experimental, endpoint: efs}";
    private static final String OTHER_SURVIVAL = "{label: again, control: control, experimental: experimental, endpoint: efs}";
    private static final String RESPONSE = "{control: control, experimental: experimental, response: mrd < 1e-4}";

    private static String design(String comparisons, String analysis) {
        return BASE + """
                design:
                  type: randomized
                  sampleSize: 200
                  comparisons: [%s]
                  analysis: {alpha: 0.025, events: 80%s}
                """.formatted(comparisons, analysis);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bonferroni | , multiplicity: bonferroni | BONFERRONI
            holm       | , multiplicity: holm       | HOLM
            none       | , multiplicity: none       | NONE
            absent     | ''                         |
            """)
    void aFamilyOfTwoTakesAnAdjustment(String name, String analysis, Design.Analysis.Multiplicity expected) throws Exception {
        Design.Randomized r = (Design.Randomized) TestProtocols.read("family.yaml", design(SURVIVAL + ", " + OTHER_SURVIVAL,
                analysis)).protocol().design();
        assertThat(r.analysis().multiplicity()).isEqualTo(expected);
        assertThat(r.families()).containsExactly(List.of(0, 1));
    }

    @Test
    void familiesAreComparisonsWithOneControlAndOneEndpoint() throws Exception {
        Design.Randomized r = (Design.Randomized) TestProtocols.read("family.yaml", design(SURVIVAL + ", " + RESPONSE + ", "
                + OTHER_SURVIVAL, "")).protocol().design();
        assertThat(r.families()).containsExactly(List.of(0, 2), List.of(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no family               | survival+response | , multiplicity: bonferroni | no two comparisons share a control and an endpoint here
            holm with interim looks | survival+survival | , multiplicity: holm, informationFractions: [0.5, 1], spending: pocock | Holm's step-down compares the family's p-values at one final analysis, but this design has 2 looks
            """)
    void anAdjustmentWithoutItsConditionsIsRefusedAtItsPlace(String name, String comparisons, String analysis, String message) {
        String c = comparisons.equals("survival+response") ? SURVIVAL + ", " + RESPONSE : SURVIVAL + ", " + OTHER_SURVIVAL;
        assertRefused(design(c, analysis), "design.analysis.multiplicity", message);
    }

    @Test
    void aBonferroniFamilyMayHaveInterimLooks() throws Exception {
        Design.Randomized r = (Design.Randomized) TestProtocols.read("family.yaml", design(SURVIVAL + ", " + OTHER_SURVIVAL,
                ", multiplicity: bonferroni, informationFractions: [0.5, 1], spending: obrien-fleming")).protocol().design();
        assertThat(r.analysis().multiplicity()).isEqualTo(Design.Analysis.Multiplicity.BONFERRONI);
    }

    @Test
    void aSingleArmDesignHasNoFamily() {
        String text = BASE + """
                design:
                  type: single-arm-survival
                  arm: experimental
                  endpoint: efs
                  sampleSize: 100
                  historicalCurve: high
                  analysis: {alpha: 0.025, multiplicity: holm}
                """;
        assertRefused(text, "design.analysis.multiplicity", "a single-arm design tests one hypothesis");
    }

    @Test
    void anUnknownAdjustmentIsRefused() {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> TestProtocols.read("edited.yaml",
                design(SURVIVAL + ", " + OTHER_SURVIVAL, ", multiplicity: dunnett")));
        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(p -> assertThat(p.message()).contains("dunnett"));
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
