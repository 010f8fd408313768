package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code simulate --hazard-ratio}: each arm's Cox hazard ratio against the control arm, in every format. */
class SimulateHazardRatioTest {
    @Test
    void jsonGivesEachOtherArmsRatioAgainstTheControlWithItsInterval() throws Exception {
        Cli run = Cli.run("simulate", "aall1331", "-n", "3000", "--versus", "C", "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode arms = new ObjectMapper().readTree(run.out()).path("arms");
        assertThat(arms.get(2).has("hazardRatios")).as("none for the control").isFalse();
        JsonNode dfs = arms.get(3).path("hazardRatios").get(0);
        assertThat(dfs.path("endpoint").asText()).isEqualTo("dfs");
        assertThat(dfs.path("versus").asText()).isEqualTo("C");
        assertThat(dfs.path("lower").asDouble()).isLessThan(dfs.path("hazardRatio").asDouble());
        assertThat(dfs.path("upper").asDouble()).isGreaterThan(dfs.path("hazardRatio").asDouble());
        assertThat(dfs.path("hazardRatio").asDouble()).isEqualTo(Math.exp(dfs.path("logHazardRatio").asDouble()));
        assertThat(Cli.run("simulate", "aall1331", "-n", "300", "-f", "json").out()).as("only when asked").doesNotContain("hazardRatios");
    }

    @Test
    void theTableCsvAndHtmlEachShowTheRatios() {
        Cli table = Cli.run("simulate", "interfant-06-blina", "-n", "2000", "--hazard-ratio");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Hazard ratio against arm ").contains("control");
        assertThat(Cli.run("simulate", "aall1331", "-n", "2000", "--hazard-ratio", "-f", "csv").out()).contains("B,hazard-ratio,dfs,versus A,");
        assertThat(Cli.run("simulate", "aall1331", "-n", "2000", "--hazard-ratio", "-f", "html").out()).contains("Hazard ratios");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "aall1331|--versus|Z|has no arm 'Z'; its arms are A, B, C, D",
        "aall1331|--arm|B|needs every arm simulated; leave out --arm",
        "aall1121|--seed|1|compares arms, and the protocol aall1121 has one"})
    void aRatioThatCannotBeFittedIsAUsageError(String protocol, String option, String value, String message) {
        Cli run = Cli.run("simulate", protocol, "-n", "100", "--hazard-ratio", option, value);
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void moreThanAnIntOfPatientsIsAUsageError() {
        Cli run = Cli.run("simulate", "aall1331", "-n", "3e9", "--hazard-ratio");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("at most 2,147,483,647 patients per arm");
    }
}
