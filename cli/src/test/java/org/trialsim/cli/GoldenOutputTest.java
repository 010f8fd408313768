package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden outputs: the results of every command on every built-in and example at fixed seeds, kept in
 * {@code src/test/resources/golden/}. A refactor changes none of them; a change that is meant to alter a
 * result regenerates them ({@code mvn -pl cli -am verify -Dtest=GoldenOutputTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false}) and says in its commit which result changed and why.
 *
 * <p>Only the tool's version is masked: it changes with every release and says nothing of the result.
 */
class GoldenOutputTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Pattern VERSION = Pattern.compile("(\"version\" ?: ?\")[^\"]*(\")");
    private static final Pattern TABLE_VERSION = Pattern.compile("trialsim \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");

    private static final List<String> BUILT_INS = List.of("interfant-21", "interfant-06-blina", "aall1331", "aall1121", "cccg-blina-d19");
    private static final List<String> TRIAL_DESIGNS = List.of("interfant-21", "interfant-06-blina", "aall1331", "cccg-blina-d19");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        String twoArm = Path.of("../examples/two-arm-exponential.yaml").toString();
        String oneDecision = Path.of("../protocol-model/src/test/resources/protocols/two-arm-one-decision.yaml").toString();
        String escapes = Path.of("src/test/resources/hostile/escapes.yaml").toString();
        String fixedTwoStage = Path.of("src/test/resources/protocols/phase-1-2-fixed.yaml").toString();
        for (String id : BUILT_INS) {
            cases.add(Arguments.of("simulate-" + id + ".json", List.of("simulate", id, "-n", "3000", "-s", "7", "-f", "json")));
            cases.add(Arguments.of("simulate-" + id + ".txt", List.of("simulate", id, "-n", "3000", "-s", "7")));
            cases.add(Arguments.of("show-" + id + ".txt", List.of("show", id)));
        }
        // a protocol's texts holding terminal escapes, shown visibly
        cases.add(Arguments.of("show-escapes.txt", List.of("show", escapes)));
        cases.add(Arguments.of("simulate-escapes.txt", List.of("simulate", escapes, "-n", "500", "-s", "7")));
        cases.add(Arguments.of("simulate-two-arm-one-decision.json", List.of("simulate", oneDecision, "-n", "3000", "-s", "7", "-f", "json")));
        cases.add(Arguments.of("simulate-interfant-21.csv", List.of("simulate", "interfant-21", "-n", "2000", "-s", "7", "-f", "csv")));
        for (String id : TRIAL_DESIGNS) {
            cases.add(Arguments.of("trial-" + id + ".json", List.of("trial", id, "-r", "120", "-s", "7", "-f", "json")));
            cases.add(Arguments.of("trial-" + id + "-null.json", List.of("trial", id, "-r", "120", "-s", "7", "--null", "-f", "json")));
            cases.add(Arguments.of("trial-" + id + ".txt", List.of("trial", id, "-r", "120", "-s", "7")));
        }
        cases.add(Arguments.of("calibrate-aall1331.json", List.of("calibrate", "aall1331", "-n", "3000", "-s", "7", "-f", "json")));
        cases.add(Arguments.of("calibrate-interfant-06-blina.txt", List.of("calibrate", "interfant-06-blina", "-n", "3000", "-s", "7")));
        cases.add(Arguments.of("trial-aall1331.csv", List.of("trial", "aall1331", "-r", "120", "-s", "7", "-f", "csv")));
        cases.add(Arguments.of("trial-aall1121.txt", List.of("trial", "aall1121", "-r", "300", "-s", "7")));
        cases.add(Arguments.of("trial-two-arm-exponential.json", List.of("trial", twoArm, "-r", "400", "-s", "7", "-f", "json")));
        cases.add(Arguments.of("trial-two-arm-exponential-gsd.json", List.of("trial", twoArm, "-r", "400", "-s", "7", "-f", "json",
                "--set", "design.analysis.informationFractions=[0.5, 1]", "--set", "design.analysis.spending=obrien-fleming",
                "--set", "design.analysis.futilityBounds=[0]")));
        cases.add(Arguments.of("trial-aall1331-minimization.json", List.of("trial", "aall1331", "-r", "100", "-s", "7", "-f", "json",
                "--set", "design.randomization={method: minimization, factors: [site, timing]}")));
        cases.add(Arguments.of("escalate.json", List.of("escalate", "--dlt-probs", "0.05,0.10,0.25,0.40", "--replicates", "2000", "-s", "7",
                "-f", "json")));
        cases.add(Arguments.of("escalate.txt", List.of("escalate", "--dlt-probs", "0.05,0.10,0.25,0.40", "--replicates", "2000", "-s", "7")));
        cases.add(Arguments.of("escalate-aall1121-wait.json", List.of("escalate", "--protocol", "aall1121", "--when-full", "wait",
                "--replicates", "2000", "-s", "7", "-f", "json")));
        cases.add(Arguments.of("simon.json", List.of("design", "simon", "--p0", "0.2", "--p1", "0.4", "--alpha", "0.05", "--beta", "0.1",
                "-f", "json")));
        cases.add(Arguments.of("simon.txt", List.of("design", "simon", "--p0", "0.2", "--p1", "0.4", "--alpha", "0.05", "--beta", "0.1")));
        cases.add(Arguments.of("simon-evaluate.json", List.of("design", "simon", "--evaluate", "3/13,12/43", "--p", "0.1,0.2,0.3,0.4",
                "-f", "json")));
        cases.add(Arguments.of("simon-evaluate.txt", List.of("design", "simon", "--evaluate", "3/13,12/43", "--p", "0.1,0.2,0.3,0.4")));
        cases.add(Arguments.of("simon-fixed.txt", List.of("design", "simon", "--protocol", fixedTwoStage, "--alpha", "0.05", "--beta",
                "0.2")));
        cases.add(Arguments.of("escalate-aall1121-wait.txt", List.of("escalate", "--protocol", "aall1121", "--when-full", "wait",
                "--replicates", "2000", "-s", "7")));
        // analytic sample sizes: a group-sequential survival design with dropout and futility, and rates with a margin
        List<String> survival = List.of("design", "survival", "--median-control", "12", "--hazard-ratio", "0.7", "--accrual-months", "24",
                "--follow-up-months", "12", "--dropout", "0.05", "--looks", "0.3333333333333333,0.6666666666666666,1", "--futility", "0,0");
        cases.add(Arguments.of("design-survival.txt", survival));
        cases.add(Arguments.of("design-survival.json", Stream.concat(survival.stream(), Stream.of("--format", "json")).toList()));
        cases.add(Arguments.of("design-rates.json", List.of("design", "rates", "--p1", "0.45", "--p2", "0.4", "--margin", "-0.1",
                "--looks", "0.3333333333333333,0.6666666666666666,1", "--futility", "0,0", "--format", "json")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsTheGoldenOne(String name, List<String> args) throws IOException {
        Cli run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        check(name, run.out());
    }

    @ParameterizedTest(name = "records of {0}")
    @MethodSource("recordCases")
    void patientRecordsAreTheGoldenOnes(String id, @TempDir Path dir) throws IOException {
        Path records = dir.resolve("records.csv");
        Cli run = Cli.run("simulate", id, "-n", "150", "-s", "7", "-f", "json", "--records", records.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        check("records-" + id + ".csv", Files.readString(records));
    }

    static Stream<String> recordCases() {
        return BUILT_INS.stream();
    }

    private static void check(String name, String output) throws IOException {
        String actual = mask(output);
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file %s (regenerate with -Dgolden.update=true)", file).exists();
        assertThat(actual).as("output against %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String mask(String output) {
        String masked = VERSION.matcher(output).replaceAll("$1VERSION$2");
        return TABLE_VERSION.matcher(masked).replaceAll("trialsim VERSION");
    }
}
