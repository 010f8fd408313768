package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore} with a calibrate block: the same answer as a table, JSON and CSV; refusals; a bracketing failure said plainly. */
class ExploreCalibrationCommandTest {
    private static final String TWO_ARM = "../examples/two-arm-exponential.yaml";

    private static Path sweep(Path dir, String lower, String upper) throws Exception {
        Path file = dir.resolve("calibrate.yaml");
        Files.writeString(file, """
                protocol: %s
                replicates: 300
                axes:
                  - name: hypothesis
                    kind: scenario
                    values: [{label: identical arms, nullHypothesis: true}]
                calibrate: {path: design.analysis.alpha, measure: rejection, target: 0.05, lower: %s, upper: %s, step: 0.002}
                """.formatted(Path.of(TWO_ARM).toAbsolutePath(), lower, upper));
        return file;
    }

    @Test
    void aCalibrationIsWrittenAsATableJsonAndCsvWithTheSameAnswer(@TempDir Path dir) throws Exception {
        Path file = sweep(dir, "0.01", "0.1");
        Cli table = Cli.run("explore", file.toString(), "-q");
        assertThat(table.exitCode()).as(table.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(Cli.run("explore", file.toString(), "-q", "--format", "json").out());
        assertThat(json.get("outcome").asText()).isEqualTo("found");
        assertThat(json.get("direction").asText()).isEqualTo("rising");
        assertThat(json.get("measure").asText()).isEqualTo("rejection");
        String found = json.get("found").asText();
        assertThat(json.get("atFound").get("value").asText()).isEqualTo(found);
        assertThat(json.get("atFound").get("meets").asBoolean()).isTrue();
        assertThat(json.get("across").get("meets").asBoolean()).isFalse();
        assertThat(json.get("evaluations").asInt()).isEqualTo(json.get("points").size());
        assertThat(json.get("points").get(0).get("measure").get(0).has("standardError")).isTrue();
        assertThat(table.out()).contains("Calibration of two-arm-exponential: design.analysis.alpha with a type I error of analysis 1 of at"
                + " most 5% under the null\nhypothesis", "1 scenario · 300 simulated trials per value and scenario · seed 1",
                "values from 0.01 to 0.1 in steps of 0.002 · " + json.get("evaluations").asInt() + " values simulated",
                "Found: " + found + " (rejection ", "Monte Carlo uncertainty (95%): from ", "← found");
        // the sweep's line names the temporary folder, whose length is the system's
        assertThat(table.out().lines().filter(line -> !line.startsWith("Sweep: "))).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));

        String csv = Cli.run("explore", file.toString(), "-q", "--format", "csv").out();
        assertThat(csv).startsWith("path,measure,target,value,order,scenario,estimate,estimate_se,meets,found,outcome");
        assertThat(csv.lines()).hasSize(1 + json.get("points").size());
        assertThat(csv.lines().filter(l -> l.endsWith(",true,true,found"))).singleElement().asString().contains("," + found + ",");
    }

    @Test
    void boundsThatDoNotBracketTheTargetAreSaidNotAnswered(@TempDir Path dir) throws Exception {
        Cli table = Cli.run("explore", sweep(dir, "0.1", "0.2").toString(), "-q");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Not bracketed: the rejection is above the target of 5.00% at both bounds (at 0.100, ")
                .doesNotContain("Found").doesNotContain("← found");
    }

    @Test
    void aCalibrationRefusesFoldersHtmlAndAddedAxes(@TempDir Path dir) throws Exception {
        Path file = sweep(dir, "0.01", "0.1");
        Cli folder = Cli.run("explore", file.toString(), "-q", "--out-dir", dir.resolve("out").toString());
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains("a calibration keeps no cells in a folder");
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
        Cli html = Cli.run("explore", file.toString(), "-q", "--format", "html");
        assertThat(html.exitCode()).isEqualTo(2);
        assertThat(html.err()).contains("a calibration is written as a table, JSON or CSV, not html");
        Cli vary = Cli.run("explore", file.toString(), "-q", "--vary-scenario", "design.sampleSize=200,220");
        assertThat(vary.exitCode()).isEqualTo(2);
        assertThat(vary.err()).contains("calibrates design.analysis.alpha under the null hypothesis, so --vary and --null cannot add axes");
        Cli set = Cli.run("explore", file.toString(), "-q", "--set", "design.analysis.events=100", "--format", "json");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("\"outcome\"");
    }
}
