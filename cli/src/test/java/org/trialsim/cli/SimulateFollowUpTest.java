package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code simulate --follow-up}: the first events a data cut would count, per arm, in every format. */
class SimulateFollowUpTest {
    @Test
    void jsonGivesEachArmsFirstEventsAtTheCutAndTheCrudeTargetReadsTheSameNumber() throws Exception {
        Cli run = Cli.run("simulate", "aall1331", "-n", "3000", "--follow-up", "0,44.8", "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode arm = new ObjectMapper().readTree(run.out()).path("arms").get(1);
        JsonNode cut = arm.path("dataCuts").get(0);
        assertThat(cut.path("followUpMonths").get(1).asDouble()).isEqualTo(44.8);
        JsonNode dfs = cut.path("endpoints").get(0);
        assertThat(dfs.path("endpoint").asText()).isEqualTo("dfs");
        JsonNode relapse = dfs.path("events").get(1);
        assertThat(relapse.path("event").asText()).isEqualTo("relapse");
        assertThat(relapse.path("share").asDouble()).isCloseTo(relapse.path("count").asDouble() / dfs.path("patients").asLong(),
                within(1e-12)).isBetween(0.05, 0.6);
        assertThat(Cli.run("simulate", "aall1331", "-n", "300", "-f", "json").out()).as("only when asked").doesNotContain("dataCuts");
    }

    @Test
    void theTableCsvAndHtmlEachShowTheCut() {
        Cli table = Cli.run("simulate", "aall1331", "-n", "2000", "--follow-up", "36,36");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("First events at a data cut, each patient followed from the endpoint's origin for 36 months")
                .contains("relapse first");
        assertThat(Cli.run("simulate", "aall1331", "-n", "2000", "--follow-up", "36,36", "-f", "csv").out())
                .contains("B,data-cut,dfs:relapse,36-36 months,");
        assertThat(Cli.run("simulate", "aall1331", "-n", "2000", "--follow-up", "36,36", "-f", "html").out())
                .contains("First events at a data cut");
        assertThat(Cli.run("simulate", "aall1331", "-n", "2000").out()).doesNotContain("data cut");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "44.8|two numbers of months",
        "a,b|two numbers of months",
        "1,2,3|two numbers of months",
        "24,12|the shortest follow-up must be at least 0 and at most the longest",
        "-1,12|the shortest follow-up must be at least 0",
        "0,1000|beyond the protocol's follow-up of 60 months"})
    void aWindowThatIsNotTwoMonthsWithinTheFollowUpIsAUsageError(String window, String message) {
        Cli run = Cli.run("simulate", "aall1331", "-n", "100", "--follow-up", window);
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}
