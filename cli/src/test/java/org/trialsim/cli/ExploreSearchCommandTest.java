package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExploreSearchCommandTest {
    private static final String TWO_ARM = "../examples/two-arm-exponential.yaml";

    private static Path sweep(Path dir) throws Exception {
        Path file = dir.resolve("search.yaml");
        Files.writeString(file, """
                protocol: %s
                replicates: 150
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.6, 0.65]}
                search: {path: design.analysis.events, power: 0.7, lower: 60, upper: 200}
                """.formatted(Path.of(TWO_ARM).toAbsolutePath()));
        return file;
    }

    @Test
    void aSearchIsWrittenAsATableJsonAndCsvWithTheSameAnswer(@TempDir Path dir) throws Exception {
        Path file = sweep(dir);
        Cli table = Cli.run("explore", file.toString(), "-q");
        assertThat(table.exitCode()).as(table.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(Cli.run("explore", file.toString(), "-q", "--format", "json").out());
        int found = json.get("found").asInt();
        assertThat(found).isBetween(61, 200);
        assertThat(json.get("scenarios")).hasSize(2);
        assertThat(json.get("atFound").get("value").asInt()).isEqualTo(found);
        assertThat(json.get("atFound").get("reaches").asBoolean()).isTrue();
        assertThat(json.get("below").get("value").asInt()).isEqualTo(found - 1);
        assertThat(json.get("below").get("reaches").asBoolean()).isFalse();
        assertThat(json.get("uncertaintyLow").asInt()).isLessThanOrEqualTo(found);
        assertThat(json.get("points").get(0).get("power").get(0).has("standardError")).isTrue();
        assertThat(table.out()).contains("Search of two-arm-exponential: the smallest design.analysis.events with 70% power in every"
                + " scenario", "2 scenarios · 150 simulated trials per value and scenario · seed 1", "Found: " + found + " (power ",
                "Monte Carlo uncertainty (95%): from " + json.get("uncertaintyLow").asInt() + " to ", "← found");
        assertThat(table.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));

        String csv = Cli.run("explore", file.toString(), "-q", "--format", "csv").out();
        assertThat(csv).startsWith("path,value,order,scenario,power,power_se,reaches,found");
        assertThat(csv.lines()).hasSize(1 + 2 * json.get("points").size());
        assertThat(csv.lines().filter(l -> l.endsWith(",true,true"))).hasSize(2);
    }

    @Test
    void aSearchIsTheSameOnAnyThreadCount(@TempDir Path dir) throws Exception {
        Path file = sweep(dir);
        assertThat(Cli.run("explore", file.toString(), "-q", "--format", "json", "-t", "1").out())
                .isEqualTo(Cli.run("explore", file.toString(), "-q", "--format", "json", "-t", "2").out());
    }

    @Test
    void aSearchRefusesFoldersHtmlAndAddedAxes(@TempDir Path dir) throws Exception {
        Path file = sweep(dir);
        Cli folder = Cli.run("explore", file.toString(), "-q", "--out-dir", dir.resolve("out").toString());
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains("a search keeps no cells in a folder");
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
        Cli html = Cli.run("explore", file.toString(), "-q", "--format", "html");
        assertThat(html.exitCode()).isEqualTo(2);
        assertThat(html.err()).contains("a search is written as a table, JSON or CSV, not html");
        Cli vary = Cli.run("explore", file.toString(), "-q", "--vary", "design.sampleSize=200,220");
        assertThat(vary.exitCode()).isEqualTo(2);
        assertThat(vary.err()).contains("searches design.analysis.events over its scenarios, so --vary and --null cannot add axes");
    }
}
