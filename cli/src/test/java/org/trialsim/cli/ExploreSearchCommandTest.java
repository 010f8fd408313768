package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsim.cli.report.Numbers;

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
        assertThat(csv).startsWith("path,value,order,scenario,power,power_se,reaches,found,analytic\n");
        assertThat(csv.lines()).hasSize(1 + 2 * json.get("points").size());
        assertThat(csv.lines().filter(l -> l.contains(",true,true,"))).hasSize(2);
        assertThat(csv.lines().skip(1)).allSatisfy(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(',') + 1)))
                .isCloseTo(json.get("analytic").get(l.split(",")[3].equals("0.6") ? 0 : 1).asDouble(), within(1e-3)));
    }

    /**
     * The analytic answer a search starts from is {@code design survival}'s for the same protocol and hazards:
     * the events of a design analysed at a number of events, and the patients of one analysed a year after the
     * last enrolment (the accrual's 10 patients a month solving its duration).
     */
    @Test
    void theAnalyticStartIsDesignSurvivals(@TempDir Path dir) throws Exception {
        Path eventsSweep = dir.resolve("events.yaml");
        Files.writeString(eventsSweep, """
                protocol: %s
                replicates: 20
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.6, 0.7]}
                search: {path: design.analysis.events, power: 0.8, lower: 100, upper: 220}
                """.formatted(Path.of(TWO_ARM).toAbsolutePath()));
        JsonNode events = new ObjectMapper().readTree(Cli.run("explore", eventsSweep.toString(), "-q", "--format", "json").out());
        assertThat(events.get("analyticUnavailable").isNull()).isTrue();
        for (int s = 0; s < 2; s++) {
            String ratio = s == 0 ? "0.6" : "0.7";
            JsonNode design = new ObjectMapper().readTree(Cli.run("design", "survival", "--protocol", TWO_ARM, "--median-control", "12",
                    "--hazard-ratio", ratio, "--format", "json").out());
            assertThat(events.get("analytic").get(s).asDouble()).isEqualTo(design.get("result").get("events").asDouble());
        }
        assertThat(events.get("analyticAnswer").asInt()).isEqualTo((int) Math.ceil(events.get("analytic").get(1).asDouble()));

        Path protocol = dir.resolve("two-arm-follow-up.yaml");
        Files.writeString(protocol, Files.readString(Path.of(TWO_ARM)).replace("analysis: {alpha: 0.025, events: 120}",
                "analysis: {alpha: 0.025, followUpMonths: 12}"));
        Path patientsSweep = dir.resolve("patients.yaml");
        Files.writeString(patientsSweep, """
                protocol: %s
                replicates: 20
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.7]}
                search: {path: design.sampleSize, power: 0.8, lower: 100, upper: 600}
                """.formatted(protocol));
        Cli patients = Cli.run("explore", patientsSweep.toString(), "-q", "--format", "json");
        assertThat(patients.exitCode()).as(patients.err()).isZero();
        JsonNode search = new ObjectMapper().readTree(patients.out());
        JsonNode design = new ObjectMapper().readTree(Cli.run("design", "survival", "--protocol", protocol.toString(), "--median-control",
                "12", "--hazard-ratio", "0.7", "--format", "json").out());
        assertThat(search.get("analytic").get(0).asDouble()).isEqualTo(design.get("result").get("patients").asDouble());
        int answer = search.get("analyticAnswer").asInt();
        assertThat(List.of(search.get("startLow").asInt(), search.get("startHigh").asInt()))
                .containsExactly(answer - (int) Math.ceil(answer / 10.0), answer + (int) Math.ceil(answer / 10.0));
        assertThat(Cli.run("explore", patientsSweep.toString(), "-q").out().replace("\n", " ")).contains("Analytic answer (as trialsim design survival): "
                + Numbers.trimmed(design.get("result").get("patients").asDouble(), 1) + ", so " + answer + "; the search tried ");
    }

    /** Where there is no analytic answer, the table says why and that the search starts from the bounds. */
    @Test
    void withoutAnAnalyticAnswerTheTableSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calendar.yaml");
        Files.writeString(file, """
                protocol: %s
                replicates: 20
                set: {design.analysis: {alpha: 0.025, calendarMonths: 40}}
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.6]}
                search: {path: design.sampleSize, power: 0.5, lower: 100, upper: 120}
                """.formatted(Path.of(TWO_ARM).toAbsolutePath()));
        Cli table = Cli.run("explore", file.toString(), "-q");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().replace("\n", " ")).contains("No analytic start (in cell 'effect=0.6': the analytic sample size is for a final analysis a"
                + " given time after the last enrolment");
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
