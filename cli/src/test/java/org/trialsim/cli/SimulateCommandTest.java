package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @Test
    void tableShowsScreeningArmsEndpointsFlowAndToxicity() {
        Cli r = Cli.run("simulate", "interfant-21", "-n", "5000", "-t", "2");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("5,000 virtual patients per arm · seed 1", "Screening and enrolment", "not eligible: kmt2a-rearranged",
                "enrolled but not eligible for blinatumomab", "Complete remission", "MRD, End of induction", "Event-free survival (from enrolment)",
                "relapse first, by 1 year", "Flow of patients on arm interfant-21", "after-blina-1 — After blinatumomab cycle 1",
                "Toxicity and death by block", "Cost per patient, EUR");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
    }

    @Test
    void jsonIsTheSameBytesForOneTwoAndEightThreads() {
        String one = Cli.run("simulate", "aall1331", "-n", "4000", "-t", "1", "--format", "json").out();
        assertThat(Cli.run("simulate", "aall1331", "-n", "4000", "-t", "2", "--format", "json").out()).isEqualTo(one);
        assertThat(Cli.run("simulate", "aall1331", "-n", "4000", "-t", "8", "--format", "json").out()).isEqualTo(one);
    }

    @Test
    void jsonCarriesProvenanceAndEveryArm() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Cli.run("simulate", "aall1331", "-n", "2000", "-s", "7", "--format", "json").out());
        JsonNode p = json.get("provenance");
        assertThat(p.get("protocolId").asText()).isEqualTo("aall1331");
        assertThat(p.get("seed").asLong()).isEqualTo(7);
        assertThat(p.get("patients").asLong()).isEqualTo(2000);
        assertThat(p.get("contentHash").asText()).hasSize(64);
        assertThat(json.get("arms")).hasSize(4);
        JsonNode efs = json.get("arms").get(0).get("endpoints").get(0);
        assertThat(efs.get("curve").size()).as("monthly points over 5 years").isGreaterThanOrEqualTo(60);
        assertThat(efs.get("landmarks").get(0).fieldNames()).toIterable()
                .containsExactly("years", "atRisk", "estimate", "standardError", "lower", "upper");
    }

    /**
     * A weaker first blinatumomab cycle (log10 shift −1 instead of −2.9) must lower MRD negativity after
     * it. The two runs share their virtual patients (common random numbers), so the drop of about 50
     * percentage points is far outside the Monte Carlo error of a 4,000-patient cohort (about 1 point).
     */
    @Test
    void settingsChangeTheProtocolAndAreRecorded() throws Exception {
        String change = "pathway.nodes.blina-1.mrdResponse.log10Shift=-1";
        JsonNode plain = new ObjectMapper().readTree(Cli.run("simulate", "interfant-21", "-n", "4000", "--format", "json").out());
        Cli r = Cli.run("simulate", "interfant-21", "-n", "4000", "--set", change, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode changed = new ObjectMapper().readTree(r.out());
        assertThat(changed.get("provenance").get("settings").get(0).asText()).isEqualTo(change);
        assertThat(plain.get("provenance").get("settings")).isEmpty();
        assertThat(changed.get("provenance").get("contentHash").asText()).isNotEqualTo(plain.get("provenance").get("contentHash").asText());
        double before = negativeAfterBlina(plain);
        double after = negativeAfterBlina(changed);
        assertThat(before - after).isGreaterThan(0.2);
        assertThat(Cli.run("simulate", "interfant-21", "-n", "1000", "--set", change).out()).contains("Changed with --set: " + change);
    }

    private static double negativeAfterBlina(JsonNode result) {
        for (JsonNode response : result.get("arms").get(0).get("responses")) {
            if (response.get("assessment").asText().equals("post-blina-1")) {
                return response.get("negative").get("estimate").asDouble();
            }
        }
        throw new AssertionError("no post-blina-1 assessment");
    }

    @Test
    void aSettingThatBreaksTheProtocolIsReportedWithItsPlace() {
        Cli r = Cli.run("simulate", "interfant-21", "--set", "pathway.nodes.blina-1.durationDays=-3");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("pathway.nodes.blina-1.durationDays").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(Cli.run("simulate", "interfant-21", "--set", "nonsense").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void csvIsLongFormat() {
        Cli r = Cli.run("simulate", "cccg-blina-d19", "-n", "2000", "--format", "csv");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("arm,section,item,detail,years,count,of,estimate,standard_error,lower,upper\n");
        assertThat(r.out()).contains("blinatumomab,mrd,d46-flow,negative,", "blinatumomab,survival-landmark,efs,,5,");
    }

    @Test
    void recordsFileHasARowPerPatient(@TempDir Path dir) throws Exception {
        Path records = dir.resolve("patients.csv");
        Cli r = Cli.run("simulate", "interfant-06-blina", "-n", "300", "--records", records.toString(), "--out", dir.resolve("r.txt").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readAllLines(records)).hasSize(1 + 2 * 300);
    }

    @Test
    void tooManyRecordsNeedForce(@TempDir Path dir) {
        Cli r = Cli.run("simulate", "aall1121", "-n", "2000000", "--records", dir.resolve("x.csv").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("add --force");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void impossibleValuesAreUsageErrors() {
        Cli arm = Cli.run("simulate", "aall1331", "--arm", "E");
        assertThat(arm.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(arm.err()).isEqualTo("trialsim: the protocol aall1331 has no arm 'E'; its arms are A, B, C, D" + System.lineSeparator());
        assertThat(Cli.run("simulate", "aall1331", "--format", "xml").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
