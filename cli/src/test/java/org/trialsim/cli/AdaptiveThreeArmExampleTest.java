package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * examples/adaptive-three-arm.yaml: chemotherapy (A, the control at a fixed third) against one (B1) and two
 * (B) blinatumomab cycles in HR/IR, learning from MRD after the first block, dropping an arm whose
 * P(arm is best) falls below 0.05, the two DFS comparisons sharing alpha by Bonferroni.
 */
class AdaptiveThreeArmExampleTest {
    private static final String EXAMPLE = Path.of("../examples/adaptive-three-arm.yaml").toString();

    @Test
    void theExampleIsValidWithoutWarnings() {
        Cli r = Cli.run("validate", EXAMPLE);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("valid").doesNotContain("warning");
        assertThat(r.err()).doesNotContain("warning");
    }

    /**
     * 24 trials: one family of the two comparisons with A at alpha/2; the stratum has the three arms, A keeps
     * about a third of it (exactly a third of the probability after the burn-in, so its share has a small
     * spread around 1/3), A is never dropped, and the result says how often B1 and B were.
     */
    @Test
    void theExampleRunsAsAThreeArmDesignWithAFamilyAndArmDropping() throws Exception {
        Cli r = Cli.run("trial", EXAMPLE, "-r", "24", "-s", "2", "-q", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(r.out());
        JsonNode family = result.get("families").get(0);
        assertThat(family.get("control").asText()).isEqualTo("A");
        assertThat(family.get("comparisons").toString()).isEqualTo("[\"B1 vs A\",\"B vs A\"]");
        assertThat(family.get("alphaPerComparison").asDouble()).isEqualTo(0.0125);
        JsonNode stratum = result.get("allocation").get(0);
        assertThat(stratum.get("stratum").asText()).isEqualTo("hr-ir");
        JsonNode arms = stratum.get("arms");
        assertThat(arms.fieldNames()).toIterable().containsExactly("A", "B1", "B");
        assertThat(arms.get("A").get("share").get("value").asDouble()).isCloseTo(1 / 3.0, within(0.05));
        assertThat(arms.get("A").get("dropped").get("value").asDouble()).isZero();
        assertThat(arms.get("B1").get("dropped").get("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(arms.get("B").get("dropped").get("value").asDouble()).isBetween(0.0, 1.0);
    }
}
