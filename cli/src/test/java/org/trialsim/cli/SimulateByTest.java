package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code simulate --by}: every arm again among the enrolled patients of each risk group at enrolment, each
 * level of a covariate, each band of a numeric covariate or of the MRD at an assessment.
 */
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cnsAtEoi|cnsAtEoi == \"cns1\";cnsAtEoi == \"cns2\";cnsAtEoi == \"cns3\"",
        "ageDays:180,270|ageDays < 180;ageDays >= 180 and ageDays < 270;ageDays >= 270",
        "mrd:eoi:1e-4,1e-3|mrd.eoi < 0.0001;mrd.eoi >= 0.0001 and mrd.eoi < 0.001;mrd.eoi >= 0.001;not (mrd.eoi >= 0)",
        "mrd:eoi|mrd.eoi < 0.00001;mrd.eoi >= 0.00001 and mrd.eoi < 0.0001;mrd.eoi >= 0.0001 and mrd.eoi < 0.0005;mrd.eoi >= 0.0005;"
                + "not (mrd.eoi >= 0)"})
    void eachGroupingSplitsTheEnrolledPatients(String by, String conditions) throws Exception {
        Cli run = Cli.run("simulate", "interfant-21", "-n", "2000", "--by", by, "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode groups = root.path("subgroups");
        List<String> among = new ArrayList<>();
        long enrolled = 0;
        for (JsonNode g : groups) {
            among.add(g.path("among").asText());
            enrolled += g.path("arms").get(0).path("flow").path("enrolled").asLong();
        }
        assertThat(among).containsExactly(conditions.split(";"));
        assertThat(enrolled).as("the groups split the enrolled patients").isEqualTo(root.path("arms").get(0).path("flow").path("enrolled")
                .asLong());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nosuch|--by takes 'risk', a covariate (ageDays, wbc",
        "wbc|--by wbc: the covariate is a number; give the points to cut it at",
        "kmt2a:1|the covariate is a category, grouped by its levels; leave out the cut points",
        "ageDays:270,180|the cut points must increase, and 180 does not follow 270",
        "ageDays:a|'a' is not a number",
        "mrd|give the assessment, 'mrd:ASSESSMENT'",
        "mrd:eob|the protocol interfant-21 has no assessment 'eob'; its assessments are eoi, post-blina-1, pre-hsct",
        "mrd:eoi:2|the cut point 2 is out of range (MRD is a fraction of cells in (0, 1]",
        "mrd:eoi:0|the cut point 0 is out of range",
        "ageDays:1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21|at most 20 cut points"})
    void aGroupingThatNamesNothingOrCutsBadlyIsAUsageError(String by, String message) {
        Cli run = Cli.run("simulate", "interfant-21", "-n", "100", "--by", by);
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}
