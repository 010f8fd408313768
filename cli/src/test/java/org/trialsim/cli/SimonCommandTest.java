package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimonCommandTest {
    private static final String EXAMPLE = CommandRun.resource("protocols/phase-1-2-example.yaml");
    private static final String FIXED = CommandRun.resource("protocols/phase-1-2-fixed.yaml");

    @Test
    void findsTheMinimaxAndOptimalDesignsOfSimonsTable() {
        CommandRun run = CommandRun.of("design", "simon", "--p0", "0.2", "--p1", "0.4", "--alpha", "0.05", "--beta", "0.2");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).containsPattern("minimax +4/18 +10/33 +22\\.25 +0\\.716")
                .containsPattern("optimal +3/13 +12/43 +20\\.58 +0\\.747");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void writesTheSearchAsJsonWithItsProvenance() throws Exception {
        CommandRun run = CommandRun.of("design", "simon", "--p0", "0.2", "--p1", "0.4", "--alpha", "0.05", "--beta", "0.2",
                "--format", "json");
        JsonNode root = new ObjectMapper().readTree(run.out());

        assertThat(root.get("tool").asText()).startsWith("trialsim ");
        assertThat(root.get("command").asText()).isEqualTo("design simon");
        JsonNode minimax = root.at("/search/admissible/0");
        assertThat(minimax.at("/design/n1").asInt()).isEqualTo(18);
        assertThat(minimax.at("/design/n").asInt()).isEqualTo(33);
        assertThat(minimax.at("/underP0/rejectProbability").asDouble()).isLessThanOrEqualTo(0.05);
        assertThat(root.at("/parameters/beta").asDouble()).isEqualTo(0.2);
    }

    @Test
    void evaluatesADesignAndMarksTheErrorRatesAtP0AndP1() {
        CommandRun run = CommandRun.of("design", "simon", "--evaluate", "4/18,10/33", "--p0", "0.2", "--p1", "0.4",
                "--alpha", "0.05", "--beta", "0.2", "--p", "0.1,0.2,0.4");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("4/18, 10/33")
                .containsPattern("0\\.2 +p0 +0\\.7164 +22\\.25 +0\\.0458 +type I error <= 0\\.05")
                .containsPattern("0\\.4 +p1 +0\\.0942 +31\\.59 +0\\.8011 +power >= 0\\.8");
        assertThat(run.out().lines().filter(l -> l.matches("^0\\.\\d.*"))).hasSize(3);
    }

    @Test
    void saysWhenAnEvaluatedDesignMissesTheErrorRates() {
        CommandRun run = CommandRun.of("design", "simon", "--evaluate", "1/10,3/20", "--p0", "0.2", "--p1", "0.4",
                "--alpha", "0.05", "--beta", "0.2", "--p", "0.2,0.4");

        assertThat(run.out()).contains("ABOVE alpha 0.05");
    }

    @Test
    void takesTheParametersFromAProtocol() {
        CommandRun search = CommandRun.of("design", "simon", "--protocol", EXAMPLE);
        assertThat(search.exitCode()).isEqualTo(0);
        assertThat(search.out()).containsPattern("minimax +4/18 +10/33");

        CommandRun fixed = CommandRun.of("design", "simon", "--protocol", FIXED, "--p", "0.2,0.4");
        assertThat(fixed.exitCode()).isEqualTo(0);
        assertThat(fixed.out()).contains("4/18, 10/33 (the protocol's)").containsPattern("0\\.2 +p0 +0\\.7164");

        // an option on the command line overrides the protocol
        CommandRun stricter = CommandRun.of("design", "simon", "--protocol", EXAMPLE, "--beta", "0.1");
        assertThat(stricter.out()).containsPattern("minimax +5/24 +13/45");
    }

    @Test
    void writesTheOutputFileWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("simon.json");
        CommandRun run = CommandRun.of("design", "simon", "--p0", "0.1", "--p1", "0.3", "--alpha", "0.05", "--beta", "0.2",
                "--format", "json", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8)).at("/search/admissible/0/design/n").asInt())
                .isEqualTo(25);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--p0 0.4 --p1 0.2 --alpha 0.05 --beta 0.2 | --p1 (0.2) must be above --p0 (0.4)",
            "--p0 0.3 --p1 0.3 --alpha 0.05 --beta 0.2 | --p1 (0.3) must be above --p0 (0.3)",
            "--p0 0.2 --p1 0.4 | say what to compute",
            "--p0 0.2 --p1 0.4 --alpha 0.05 --beta 0.2 --nmax 20 | a design needs n >= 32: raise --nmax",
            "--alpha 0.05 --beta 0.2 | a search needs --p0 and --p1",
    })
    void refusesImpossibleParametersWithOneParagraphAndExitCode2(String args, String message) {
        CommandRun run = CommandRun.of(("design simon " + args).split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("trialsim: ").contains(message).doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void refusesAProtocolWithoutATwoStagePart(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of(EXAMPLE), StandardCharsets.UTF_8);
        Path noDesign = dir.resolve("no-design.yaml");
        Files.writeString(noDesign, text.substring(0, text.indexOf("design:")), StandardCharsets.UTF_8);

        CommandRun run = CommandRun.of("design", "simon", "--protocol", noDesign.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("has no two-stage design").contains("it has no design section");
    }
}
