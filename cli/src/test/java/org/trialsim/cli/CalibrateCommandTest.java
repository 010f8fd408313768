package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.builtin.BuiltinProtocols;

/** {@code trialsim calibrate}: every target against the simulated cohort, and {@code --check} for a protocol's own CI. */
class CalibrateCommandTest {
    /** aall1121's first target, remission within two cycles, replaced by one the protocol cannot meet. */
    private static final String MISSED_TARGET = "targets[0]={label: remission of nine in ten, measure: remission, arm: blinatumomab,"
            + " value: 0.9, n: 70, source: a made-up report}";

    @Test
    void everyTargetOfABuiltInIsMetAndCheckPasses() throws Exception {
        Cli run = Cli.run("calibrate", "aall1121", "--check", "-t", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("100,000 virtual patients per arm · seed 1")
                .contains("1. complete remission within two cycles (27/70)", "2. grade 3 CRS (3/70)", "3. grade 4 CRS (1/70)")
                .contains("38.6 (27.0–51.0)", "source: von Stackelberg, JCO 2016 (§5)").contains("3 of 3 targets met.")
                .doesNotContain("MISSED");
        assertThat(BuiltinProtocols.load("aall1121").protocol().targets()).hasSize(3);
    }

    @Test
    void targetsAmongSubgroupsAreMetAtTheDefaults() {
        Cli run = Cli.run("calibrate", "cccg-blina-d19", "--check", "-t", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1. 5-year EFS, provisional LR, day-46 MRD negative", "84.3 (82.5–86.1)")
                .contains("4. 5-year EFS, provisional IR, day-46 MRD positive").contains("4 of 4 targets met.");
    }

    @Test
    void aSubgroupNobodyIsInIsAMissWithoutAValueAndJsonGivesItsCondition() throws Exception {
        Cli run = Cli.run("calibrate", "cccg-blina-d19", "-n", "5000", "-f", "json",
                "--set", "targets[0].among=risk == \"LR\" and risk == \"IR\"");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode targets = new ObjectMapper().readTree(run.out()).path("targets");
        assertThat(targets.get(0).path("target").path("among").asText()).isEqualTo("risk == \"LR\" and risk == \"IR\"");
        assertThat(targets.get(0).path("simulated").isNull()).isTrue();
        assertThat(targets.get(0).path("met").asBoolean()).isFalse();
        assertThat(targets.get(1).path("target").path("among").asText()).isEqualTo("risk == \"LR\" and mrd.d46-flow >= 0.01%");
        assertThat(targets.get(1).path("simulated").asDouble()).isBetween(0.6, 0.85);
    }

    @Test
    void checkExitsWithItsOwnCodeWhenATargetIsMissedAfterWritingTheReport() {
        Cli run = Cli.run("calibrate", "aall1121", "-n", "5000", "--check", "--set", MISSED_TARGET);
        assertThat(run.exitCode()).isEqualTo(ExitCode.TARGETS_MISSED).isEqualTo(6);
        assertThat(run.out()).contains("1. remission of nine in ten").contains("MISSED").contains("2 of 3 targets met; missed: 1.");
        assertThat(run.err()).contains("1 of 3 targets missed");
    }

    @Test
    void withoutCheckAMissedTargetIsReportedAndTheRunSucceeds() {
        Cli run = Cli.run("calibrate", "aall1121", "-n", "5000", "--set", MISSED_TARGET);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("missed: 1.");
    }

    @Test
    void jsonGivesEachTargetWithItsSimulatedValueIntervalAndVerdict() throws Exception {
        Cli run = Cli.run("calibrate", "aall1331", "-n", "5000", "-s", "3", "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.path("provenance").path("patients").asLong()).isEqualTo(5000);
        assertThat(root.path("provenance").path("seed").asLong()).isEqualTo(3);
        JsonNode targets = root.path("targets");
        assertThat(targets).hasSize(BuiltinProtocols.load("aall1331").protocol().targets().size());
        JsonNode first = targets.get(0);
        assertThat(first.path("target").path("measure").asText()).isEqualTo("mrd-negative");
        assertThat(first.path("target").path("of").asText()).isEqualTo("arm");
        assertThat(first.path("target").has("endpoint")).as("fields the measure does not use are left out").isFalse();
        double p = first.path("simulated").asDouble();
        int n = first.path("target").path("n").asInt();
        assertThat(first.path("simulatedLower").asDouble()).isCloseTo(Math.max(0, p - 1.96 * Math.sqrt(p * (1 - p) / n)),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(first.path("met").isBoolean()).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameReportWhateverTheThreads() {
        Cli one = Cli.run("calibrate", "interfant-06-blina", "-n", "4000", "-s", "5", "-t", "1");
        Cli three = Cli.run("calibrate", "interfant-06-blina", "-n", "4000", "-s", "5", "-t", "3");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(three.out()).isEqualTo(one.out());
    }

    @Test
    void aProtocolWithoutTargetsIsAUsageError() {
        Cli run = Cli.run("calibrate", "../examples/two-arm-exponential.yaml", "-n", "100");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("has no targets to calibrate against").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anInvalidTargetIsAnInvalidProtocol() {
        Cli run = Cli.run("calibrate", "aall1121", "-n", "100", "--set", "targets[0].arm=chemo");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("targets[0].arm").contains("there is no arm 'chemo'");
    }
}
