package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code simulate --by risk}: every arm again among the enrolled patients of each risk group at enrolment. */
class SimulateByTest {
    @Test
    void theTableComparesTheArmsWithinEachRiskGroup() {
        Cli run = Cli.run("simulate", "cccg-blina-d19", "-n", "3000", "--by", "risk");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Among risk == \"LR\": ").contains("Among risk == \"IR\": ");
        assertThat(Cli.run("simulate", "cccg-blina-d19", "-n", "3000").out()).as("without --by, no subgroups").doesNotContain("Among");
    }

    @Test
    void jsonGivesEachRiskGroupsArmsWithItsPatients() throws Exception {
        Cli run = Cli.run("simulate", "cccg-blina-d19", "-n", "3000", "--by", "risk", "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode risk = root.path("arms").get(0).path("flow").path("riskAtEnrolment");
        JsonNode groups = root.path("subgroups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).path("among").asText()).isEqualTo("risk == \"LR\"");
        assertThat(groups.get(0).path("arms").get(0).path("flow").path("enrolled").asLong()).isEqualTo(risk.path("LR").asLong()).isPositive();
        assertThat(groups.get(1).path("arms").get(0).path("flow").path("enrolled").asLong()).isEqualTo(risk.path("IR").asLong()).isPositive();
        assertThat(Cli.run("simulate", "cccg-blina-d19", "-n", "3000", "-f", "json").out()).doesNotContain("subgroups");
    }

    @Test
    void anotherGroupingOrFormatIsAUsageError() {
        Cli other = Cli.run("simulate", "cccg-blina-d19", "-n", "100", "--by", "age");
        assertThat(other.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(other.err()).contains("--by takes 'risk'").doesNotContain("Exception");
        Cli csv = Cli.run("simulate", "cccg-blina-d19", "-n", "100", "--by", "risk", "-f", "csv");
        assertThat(csv.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(csv.err()).contains("--by is reported in the table and JSON formats, not csv");
        assertThat(csv.out()).isEmpty();
    }
}
