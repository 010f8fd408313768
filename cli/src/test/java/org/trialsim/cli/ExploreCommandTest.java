package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExploreCommandTest {
    private static final String TWO_ARM = "../examples/two-arm-exponential.yaml";

    private static Path sweep(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void aSweepFileGivesEveryCellTheDifferencesAndTheRanking(@TempDir Path dir) throws Exception {
        Path file = sweep(dir, """
                protocol: %s
                replicates: 80
                axes:
                  - {name: events, kind: design, path: design.analysis.events, values: [120, 100]}
                  - name: effect
                    kind: scenario
                    values:
                      - {label: HR 0.6, set: {"outcomes.deathInRemission[0].hazardRatio": 0.6}}
                      - {label: no difference, nullHypothesis: true}
                constraints: {minPower: 0.5, maxTypeIError: 0.2}
                objective: months
                """.formatted(Path.of(TWO_ARM).toAbsolutePath()));
        Cli table = Cli.run("explore", file.toString(), "-q");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Exploration of two-arm-exponential", "4 cells · 80 simulated trials each · seed 1",
                "Scenario: HR 0.6", "Scenario: no difference (null hypothesis: the rejection rate is the type I error)", "vs 120",
                "ranked by the smallest worst expected months:");
        assertThat(table.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));

        JsonNode json = new ObjectMapper().readTree(Cli.run("explore", file.toString(), "-q", "--format", "json").out());
        assertThat(json.get("cells")).hasSize(4);
        assertThat(json.get("cells").get(1).get("name").asText()).isEqualTo("events=120, effect=no difference");
        assertThat(json.get("cells").get(1).get("nullHypothesis").asBoolean()).isTrue();
        assertThat(json.get("cells").get(0).get("trial").get("analyses")).hasSize(1);
        assertThat(json.get("differences")).hasSize(2 * 4);
        assertThat(json.get("designs")).hasSize(2);
        assertThat(json.get("designs").get(0).get("worstObjectiveScenario").asText()).isEqualTo("HR 0.6");

        String csv = Cli.run("explore", file.toString(), "-q", "--format", "csv").out();
        assertThat(csv.lines()).hasSize(5);
        assertThat(csv).startsWith("cell,design,scenario,null_hypothesis,rejection,rejection_se,");
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith("\"events="));
    }

    /**
     * A multi-arm design (two arms against one control, Bonferroni): the family-wise figures' paired differences from
     * the first design are in every format, the same numbers in each — the JSON's differences any-rejected,
     * all-rejected and rejection-1 (the sweep's analysis is the second comparison), the CSV's columns of the same
     * names, the table's family-wise block, the HTML's columns.
     */
    @Test
    void familyWiseDifferencesAreInEveryFormat(@TempDir Path dir) throws Exception {
        Path file = sweep(dir, """
                protocol: %s
                analysis: 2
                replicates: 60
                axes:
                  - {name: alpha, kind: design, path: design.analysis.alpha, values: [0.025, 0.1]}
                """.formatted(Path.of("../simulator/src/test/resources/protocols/three-arm-exponential.yaml").toAbsolutePath()));
        JsonNode json = new ObjectMapper().readTree(Cli.run("explore", file.toString(), "-q", "--format", "json").out());
        JsonNode any = null;
        List<String> measures = new ArrayList<>();
        for (JsonNode d : json.get("differences")) {
            measures.add(d.get("measure").asText());
            any = d.get("measure").asText().equals("any-rejected") ? d : any;
        }
        assertThat(measures).containsExactly("rejection", "patients", "events", "months", "any-rejected", "all-rejected", "rejection-1");
        double value = any.get("difference").get("value").asDouble();
        double paired = any.get("difference").get("standardError").asDouble();
        double unpaired = any.get("unpairedStandardError").asDouble();
        assertThat(value).isPositive();

        String csv = Cli.run("explore", file.toString(), "-q", "--format", "csv").out();
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
        assertThat(header).endsWith("any_rejected_difference", "any_rejected_difference_paired_se", "any_rejected_difference_unpaired_se",
                "all_rejected_difference", "all_rejected_difference_paired_se", "all_rejected_difference_unpaired_se",
                "rejection_1_difference", "rejection_1_difference_paired_se", "rejection_1_difference_unpaired_se");
        String[] second = csv.lines().skip(2).findFirst().orElseThrow().split(",");
        int column = header.indexOf("any_rejected_difference");
        // the CSV writes six significant digits
        assertThat(Double.parseDouble(second[column])).isCloseTo(value, within(1e-6));
        assertThat(Double.parseDouble(second[column + 1])).isCloseTo(paired, within(1e-6));
        assertThat(Double.parseDouble(second[column + 2])).isCloseTo(unpaired, within(1e-6));
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith(",,,,,,,,");

        String table = Cli.run("explore", file.toString(), "-q").out();
        assertThat(table).contains("family-wise: each design − 0.025, ± paired standard error (unpaired in brackets)", "any rejected",
                "all rejected", "one vs control rejected");
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
        assertThat(Cli.run("explore", file.toString(), "-q", "--format", "html").out()).contains("any rejected", "one vs control rejected");
    }

    @Test
    void varyMakesAQuickSweepWithTheSameBytesOnAnyThreadCount() {
        String[] args = {"explore", "--protocol", TWO_ARM, "--vary", "design.analysis.events=100,120", "--null", "-r", "60", "-q",
            "--format", "json"};
        Cli one = Cli.run(concat(args, "-t", "1"));
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(Cli.run(concat(args, "-t", "3")).out()).isEqualTo(one.out());
        assertThat(one.out()).contains("\"name\" : \"design.analysis.events=100, hypothesis=alternative\"",
                "\"name\" : \"design.analysis.events=120, hypothesis=null\"");
    }

    @Test
    void everyBadCellIsNamedBeforeAnyRuns(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("explore", "--protocol", TWO_ARM, "--vary", "design.sampleSize=220,-5,1", "--vary-scenario",
                "outcomes.deathInRemission[0].hazardRatio=0.6,-1", "-r", "10");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("in cell 'design.sampleSize=-5, outcomes.deathInRemission[0].hazardRatio=0.6'",
                "in cell 'design.sampleSize=220, outcomes.deathInRemission[0].hazardRatio=-1'",
                "in cell 'design.sampleSize=1, outcomes.deathInRemission[0].hazardRatio=-1'").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void mistakesOnTheCommandLineAreUsageErrors(@TempDir Path dir) throws Exception {
        assertThat(Cli.run("explore").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("explore", "--protocol", TWO_ARM).err()).contains("give at least one --vary");
        assertThat(Cli.run("explore", "--protocol", TWO_ARM, "--vary", "design.sampleSize").err())
                .contains("--vary 'design.sampleSize' is not path=v1,v2,..., e.g. design.sampleSize=100,140");
        assertThat(Cli.run("explore", "--protocol", TWO_ARM, "--vary", "design.sampleSize=100,,140").err())
                .contains("give distinct, non-empty values");
        assertThat(Cli.run("explore", dir.resolve("missing.yaml").toString()).exitCode()).isEqualTo(ExitCode.IO);
        Path bad = sweep(dir, "protocol: aall1331\naxes: []\n");
        Cli r = Cli.run("explore", bad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("sweep.yaml:2:1: error: at axes: axes is a non-empty list");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
