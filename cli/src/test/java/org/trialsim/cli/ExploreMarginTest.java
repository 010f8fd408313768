package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `explore` varies design.analysis.margin (and its hypothesis) like any other parameter (issue 20). */
class ExploreMarginTest {
    private static final Path EXAMPLE = Path.of("../examples/non-inferiority-blina.yaml").toAbsolutePath();

    @Test
    void eachCellTestsItsOwnMarginAndPutsItsNullThere(@TempDir Path dir) throws Exception {
        Path sweep = dir.resolve("margins.yaml");
        Files.writeString(sweep, """
                protocol: %s
                replicates: 20
                axes:
                  - name: margin
                    kind: design
                    values:
                      - {label: NI 1.35, set: {design.analysis.margin: 1.35, design.analysis.hypothesis: non-inferiority}}
                      - {label: NI 1.2, set: {design.analysis.margin: 1.2, design.analysis.hypothesis: non-inferiority}}
                      - {label: superiority 0.9, set: {design.analysis.margin: 0.9, design.analysis.hypothesis: superiority}}
                """.formatted(EXAMPLE));
        Cli r = Cli.run("explore", sweep.toString(), "--null", "-q", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode cells = new ObjectMapper().readTree(r.out()).get("cells");
        assertThat(cells).hasSize(6);
        String[] tests = {"log-rank at hazard ratio >= 1.35 (non-inferiority)", "log-rank at hazard ratio >= 1.2 (non-inferiority)",
            "log-rank at hazard ratio >= 0.9 (superiority)"};
        double[] margins = {1.35, 1.2, 0.9};
        for (int c = 0; c < cells.size(); c++) {
            JsonNode cell = cells.get(c);
            JsonNode analysis = cell.get("trial").get("analyses").get(0);
            int design = c / 2;
            assertThat(analysis.get("test").asText()).as(cell.get("name").asText()).isEqualTo(tests[design]);
            assertThat(analysis.get("margin").get("margin").asDouble()).isEqualTo(margins[design]);
            if (cell.get("nullHypothesis").asBoolean()) {
                // --null in each cell puts the experimental arm at that cell's margin: the large trial measures ln θ0
                JsonNode effect = analysis.get("effect");
                assertThat(effect.get("truth").asDouble()).as(cell.get("name").asText())
                        .isCloseTo(Math.log(margins[design]), within(4 * effect.get("truthStandardError").asDouble()));
            }
        }
    }

    @Test
    void anImpossibleMarginIsRefusedInItsCellBeforeAnythingRuns(@TempDir Path dir) {
        Path outDir = dir.resolve("cells");
        Cli r = Cli.run("explore", "--protocol", EXAMPLE.toString(), "--vary", "design.analysis.margin=1.2,0.8,-0.1", "-r", "5",
                "--out-dir", outDir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("at design.analysis.margin: in cell 'design.analysis.margin=0.8': ",
                "a hazard ratio margin of 0.8 asks for superiority by a margin",
                "at design.analysis.margin: in cell 'design.analysis.margin=-0.1': ", "above 0, not -0.1")
                .doesNotContain("in cell 'design.analysis.margin=1.2'", "\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(outDir).doesNotExist();
    }
}
