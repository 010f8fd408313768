package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trial with a margin: every report says which hypothesis was tested, the margin and how often the interval lay beyond it. */
class NonInferiorityReportTest {
    private static final String EXAMPLE = Path.of("../examples/two-arm-exponential.yaml").toString();
    private static final String[] MARGIN = {"--set", "design.analysis.margin=1.3", "--set", "design.analysis.hypothesis=non-inferiority",
        "--set", "outcomes.deathInRemission[0].hazardRatio=1", "-r", "100", "-q"};

    @TempDir
    Path dir;

    private static String[] with(String... more) {
        String[] all = new String[2 + MARGIN.length + more.length];
        all[0] = "trial";
        all[1] = EXAMPLE;
        System.arraycopy(MARGIN, 0, all, 2, MARGIN.length);
        System.arraycopy(more, 0, all, 2 + MARGIN.length, more.length);
        return all;
    }

    @Test
    void theTableNamesTheHypothesisAndTheMargin() {
        Cli r = Cli.run(with("--null"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("scenario: null hypothesis (the experimental arm at the margin)",
                "log-rank at hazard ratio >= 1.3 (non-inferiority)", "margin on this scale", "0.262 (non-inferiority)",
                "95% interval beyond the margin", "The type I error is the chance the trial claims non-inferiority");
    }

    @Test
    void theJsonCarriesTheMarginAndReadsBackIntoTheSamePage() throws Exception {
        Path json = dir.resolve("ni.json");
        Cli saved = Cli.run(with("--format", "json", "--out", json.toString()));
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        JsonNode margin = new ObjectMapper().readTree(json.toFile()).get("analyses").get(0).get("margin");
        assertThat(margin.get("hypothesis").asText()).isEqualTo("non-inferiority");
        assertThat(margin.get("nullHypothesis").asText()).isEqualTo("hazard ratio >= 1.3");
        assertThat(margin.get("margin").asDouble()).isEqualTo(1.3);
        assertThat(margin.get("intervalBeyond").get("value").asDouble()).isBetween(0.0, 1.0);
        Cli direct = Cli.run(with("--format", "html"));
        assertThat(direct.out()).contains("Non-inferiority and superiority margins", "hazard ratio &gt;= 1.3");
        Cli report = Cli.run("report", json.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).isEqualTo(direct.out());
    }

    @Test
    void theCsvHasTheMarginRows() {
        Cli r = Cli.run(with("--format", "csv"));
        assertThat(r.out()).contains("non-inferiority margin (hazard ratio),margin,1.3,", "non-inferiority margin (hazard ratio),interval beyond the margin,");
    }

    @Test
    void aResponseMarginSaysHowToGetTheTypeIErrorSinceNullIsRefusedThere() {
        Cli r = Cli.run("trial", "../simulator/src/test/resources/protocols/fixed-response-rates.yaml", "-r", "50", "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Farrington-Manning at difference in response rates <= -0.1 (non-inferiority)",
                "For the type I error, set the arms' response rates a margin apart (--null is refused at a response margin).")
                .doesNotContain("Rerun with --null");
    }

    @Test
    void withoutAMarginNothingIsAdded() throws Exception {
        Cli r = Cli.run("trial", EXAMPLE, "-r", "50", "-q", "--format", "json");
        assertThat(new ObjectMapper().readTree(r.out()).get("analyses").get(0).has("margin")).isFalse();
    }

    @Test
    void aMarginOfPointEightCalledNonInferiorityIsRefusedWithItsPath() {
        Cli r = Cli.run("trial", EXAMPLE, "--set", "design.analysis.margin=0.8", "--set", "design.analysis.hypothesis=non-inferiority");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("at design.analysis.margin:", "a hazard ratio margin of 0.8 asks for superiority by a margin")
                .doesNotContain("\tat ");
    }
}
