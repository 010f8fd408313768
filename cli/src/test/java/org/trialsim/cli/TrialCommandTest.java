package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialCommandTest {

    @Test
    void tableReportsTheOperatingCharacteristics() {
        Cli r = Cli.run("trial", "cccg-blina-d19", "-r", "300");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("300 simulated trials · seed 1 · scenario: as the protocol is written",
                "1. response vs historical rate 0.65 — exact binomial test against the historical rate", "Rejects the null (power)",
                "Effect estimate", "response rate");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
    }

    @Test
    void jsonIsTheSameBytesForOneTwoAndEightThreads() {
        String one = Cli.run("trial", "interfant-21", "-r", "60", "-t", "1", "--format", "json").out();
        assertThat(Cli.run("trial", "interfant-21", "-r", "60", "-t", "2", "--format", "json").out()).isEqualTo(one);
        assertThat(Cli.run("trial", "interfant-21", "-r", "60", "-t", "8", "--format", "json").out()).isEqualTo(one);
    }

    @Test
    void settingsAreAppliedAndRecorded() throws Exception {
        Cli r = Cli.run("trial", "cccg-blina-d19", "-r", "100", "--set", "design.sampleSize=40", "--null", "--format", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("scenario").asText()).isEqualTo("null");
        assertThat(json.get("provenance").get("settings").get(0).asText()).isEqualTo("design.sampleSize=40");
        assertThat(json.get("analyses").get(0).get("patients").get("mean").asDouble()).isEqualTo(40);
    }

    @Test
    void aBadSettingIsAProtocolErrorWithoutAStackTrace() {
        Cli r = Cli.run("trial", "aall1331", "--set", "design.sampleSize=-5");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("at design.sampleSize: sampleSize is -5; it must be from 2 to 100000").doesNotContain("\tat ");
        Cli missing = Cli.run("trial", "aall1331", "--set", "design.sampelSize=5");
        assertThat(missing.err()).contains("did you mean 'sampleSize'");
        assertThat(Cli.run("trial", "aall1331", "--set", "nonsense").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void phaseOneTwoDesignReportsBothParts() {
        Cli r = Cli.run("trial", "aall1121", "-r", "400");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Phase I: dose escalation", "rolling six", "3+3", "Phase II: Simon two-stage design", "optimal     3/13     12/43");
        assertThat(Cli.run("trial", "aall1121", "--null").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void csvAndOutputFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("oc.csv");
        Cli r = Cli.run("trial", "interfant-06-blina", "-r", "100", "--format", "csv", "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(out)).startsWith("analysis,figure,statistic,value,standard_error\n").contains(",rejection,probability,");
    }

    @Test
    void replicatesOutWritesARowPerReplicateAndLookBesideAnUnchangedReport(@TempDir Path dir) throws Exception {
        Path rows = dir.resolve("replicates.csv");
        String[] args = {"trial", "../examples/two-arm-exponential.yaml", "-r", "120", "--set",
            "design.analysis.informationFractions=[0.5, 1]", "--set", "design.analysis.spending=pocock", "--format", "json"};
        Cli plain = Cli.run(args);
        Cli with = Cli.run(concat(args, "-t", "2", "--replicates-out", rows.toString()));
        assertThat(with.exitCode()).isZero();
        assertThat(with.out()).isEqualTo(plain.out());
        java.util.List<String> lines = Files.readAllLines(rows);
        assertThat(lines.get(0)).isEqualTo("replicate,analysis,look,patients,events,months,statistic,p_value,estimate,lower,upper,decision");
        assertThat(lines.subList(1, lines.size()).stream().filter(l -> !l.endsWith(",continue")).count()).isEqualTo(120);
        assertThat(lines.get(lines.size() - 1)).startsWith("119,1,");
        Path one = dir.resolve("one-thread.csv");
        assertThat(Cli.run(concat(args, "-t", "1", "--replicates-out", one.toString())).exitCode()).isZero();
        assertThat(Files.readString(one)).isEqualTo(Files.readString(rows));
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("replicates.csv", "one-thread.csv");
    }

    @Test
    void replicatesOutIsRefusedWhereTheResultGoesOrWhereThereAreNoLooks(@TempDir Path dir) {
        Path out = dir.resolve("same.csv");
        Cli same = Cli.run("trial", "cccg-blina-d19", "-r", "10", "--out", out.toString(), "--replicates-out", out.toString());
        assertThat(same.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(same.err()).contains("--out and --replicates-out both name");
        assertThat(Cli.run("trial", "cccg-blina-d19", "-r", "10", "--replicates-out", "-").err())
                .contains("--replicates-out - writes the replicates to standard output, where the result goes too");
        assertThat(Cli.run("trial", "aall1121", "--replicates-out", dir.resolve("x.csv").toString()).exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThat(dir.toFile().list()).isEmpty();
    }

    /** A cut so early that many trials have no event yet: the effect is over the others, and the table says how many. */
    @Test
    void trialsWithoutAnEstimateAreCountedAndNamed() throws Exception {
        String[] args = {"trial", "../examples/two-arm-exponential.yaml", "-r", "200", "--set", "design.analysis.events=null",
            "--set", "design.analysis.calendarMonths=1"};
        JsonNode effect = new ObjectMapper().readTree(Cli.run(concat(args, "-f", "json")).out()).get("analyses").get(0).get("effect");
        long estimates = effect.get("estimates").asLong();
        assertThat(estimates).isBetween(1L, 199L);
        assertThat(Cli.run(args).out()).contains("Left blank (–), or estimated from fewer trials:")
                .contains(String.format(java.util.Locale.ROOT, "%,d of the 200 simulated trials had no estimate", 200 - estimates));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
