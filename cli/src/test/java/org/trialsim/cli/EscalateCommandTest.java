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

class EscalateCommandTest {
    private static final String EXAMPLE = CommandRun.resource("protocols/phase-1-2-example.yaml");

    @Test
    void comparesBothDesignsInATableThatFitsOneHundredColumns() {
        CommandRun run = CommandRun.of("escalate", "--dlt-probs", "0.05,0.10,0.25,0.40", "--replicates", "500", "--threads", "1");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("rolling six vs 3+3, 500 simulated trials each")
                .contains("True MTD: level 3")
                .containsPattern("rolling six +3\\+3 +difference")
                .containsPattern("level 3 \\(DLT 25%\\) true MTD +\\d")
                .containsPattern("Days to the MTD decision, mean +\\d+\\.?\\d* ± [\\d.]+ +\\d+\\.?\\d* ± [\\d.]+ +-\\d")
                .contains("Patients lost (no slot open), mean");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void printsTheSameOnOneThreadAndOnFour() {
        String[] args = {"escalate", "--dlt-probs", "0.05,0.10,0.25,0.40", "--replicates", "1300", "--seed", "8", "--when-full",
                "wait", "--format", "json"};
        CommandRun one = CommandRun.of(concat(args, "--threads", "1"));
        CommandRun four = CommandRun.of(concat(args, "--threads", "4"));

        assertThat(one.exitCode()).isEqualTo(0);
        assertThat(four.out()).isEqualTo(one.out());
    }

    @Test
    void writesJsonWithTheSeedScenarioAndEveryEstimatesError() throws Exception {
        CommandRun run = CommandRun.of("escalate", "--design", "three-plus-three", "--dlt-probs", "0.1,0.3", "--replicates", "300",
                "--seed", "17", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(run.out());

        assertThat(root.get("command").asText()).isEqualTo("escalate");
        assertThat(root.at("/result/seed").asLong()).isEqualTo(17);
        assertThat(root.at("/result/replicates").asInt()).isEqualTo(300);
        assertThat(root.at("/result/scenario/dltProbabilities/1").asDouble()).isEqualTo(0.3);
        assertThat(root.at("/result/designs/0/design").asText()).isEqualTo("THREE_PLUS_THREE");
        assertThat(root.at("/result/designs/0/durationDays/standardError").asDouble()).isPositive();
        assertThat(root.at("/result/designs").size()).isEqualTo(1);
        assertThat(root.at("/result/comparison").isNull()).isTrue();
    }

    @Test
    void takesTheDoseLevelsFromAProtocolAndLetsOptionsOverrideThem() {
        CommandRun run = CommandRun.of("escalate", "--protocol", EXAMPLE, "--replicates", "300");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Protocol phase-1-2-example")
                .contains("1 = 5 µg/m²/day (5%)")
                .contains("4 = 60 µg/m²/day (40%)")
                .contains("on average every 12 days");

        CommandRun faster = CommandRun.of("escalate", "--protocol", EXAMPLE, "--replicates", "300", "--interarrival-days", "5",
                "--design", "rolling-six");
        assertThat(faster.out()).contains("on average every 5 days").doesNotContain("3+3");
    }

    @Test
    void reportsWaitingInsteadOfLossWhenPatientsWait() {
        CommandRun run = CommandRun.of("escalate", "--dlt-probs", "0.1,0.2", "--replicates", "200", "--when-full", "wait");

        assertThat(run.out()).contains("waits for a slot").contains("Days a patient waits, mean")
                .doesNotContain("Patients lost");
    }

    @Test
    void writesTheOutputFileWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("escalation.txt");
        CommandRun run = CommandRun.of("escalate", "--dlt-probs", "0.1,0.2", "--replicates", "200", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("Dose escalation in calendar time");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--dlt-probs 0.1,0.3,0.2 | --dlt-probs: level 3 (0.2) has a lower DLT probability than level 2 (0.3)",
            "--dlt-probs 0.1 --start-level 2 | --start-level is 2, but the levels are numbered 1 to 1",
            "--dlt-probs 0.1 --design four-plus-four | --design is rolling-six, three-plus-three, boin, tite-boin, crm, tite-crm, both or all",
            "--dlt-probs 0.1,0.2 --design crm --skeleton 0.1,0.3,0.4 | --skeleton gives 3 DLT probabilities for 2 dose levels",
            "--dlt-probs 0.1,0.2 --design tite-crm --skeleton 0.3,0.2 | --skeleton must increase with dose, but level 2 (0.2) is not above",
            "--dlt-probs 0.1,0.2 --design crm --skeleton 0.1,1 | --skeleton must be a number above 0 and below 1, not 1",
            "--dlt-probs 0.1,0.2 --design boin --target-dlt 0.6 | --target-dlt is 0.6, but BOIN and the CRM need a target above 0.05",
            "--dlt-probs 0.1,0.2 --design all --target-dlt 0.05 | --target-dlt is 0.05, but BOIN and the CRM need a target above 0.05",
            "--dlt-probs 0.1,0.2 --design boin --max-patients 10 | --max-patients is 10, not a whole number of cohorts of 3",
            "--dlt-probs 0.1,0.2 --design crm --cohort-size 4 --max-patients 10 | not a whole number of cohorts of 4",
            "--dlt-probs 0.1,0.2 --design boin --max-patients 181 | --max-patients must be a whole number from 1 to 180, not 181",
            "--dlt-probs 0.1,0.2 --design crm --prior-variance 0 | --prior-variance must be a number from 0.01 to 10, not 0",
            "--dlt-probs 0.1,0.2 --dlt-onset sometimes | --dlt-onset is window-end, uniform, early or late, not 'sometimes'",
            "--dlt-probs 0.1,0.2 --true-mtd nearest | --true-mtd is at-or-below or closest, not 'nearest'",
            "--replicates 10 | give the true DLT probability of each dose level with --dlt-probs",
            "--dlt-probs 0.1 --when-full queue | Invalid value for option '--when-full'",
    })
    void refusesImpossibleParametersWithExitCode2AndNoStackTrace(String args, String message) {
        CommandRun run = CommandRun.of(("escalate " + args).split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("trialsim: ").contains(message).doesNotContain("\tat ");
    }

    @Test
    void comparesAllSixDesignsOnTheSamePatientsWithinOneHundredColumns() throws Exception {
        CommandRun run = CommandRun.of("escalate", "--design", "all", "--dlt-probs", "0.05,0.12,0.25,0.40,0.55", "--dlt-onset", "uniform",
                "--replicates", "200", "--seed", "3", "--threads", "1");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).containsPattern("rolling six, 3[+]3, BOIN, TITE-BOIN, CRM, TITE-CRM, 200\\s+simulated\\s+trials\\s+each")
                .containsPattern("a DLT occurring\\s+uniformly within it")
                .contains("BOIN: escalate when a level's observed DLT rate is at most 0.1968")
                .containsPattern("de-escalate when it is at least\\s+0[.]2984")
                .containsPattern("Eliminate with DLTs at least +3 +4 +5")
                .containsPattern("CRM:\\s+power\\s+model,\\s+skeleton\\s+0[.][0-9]+,\\s")
                .containsPattern("rolling six +3[+]3 +BOIN")
                .containsPattern("TITE-BOIN +CRM +TITE-CRM")
                .containsPattern("Difference, rolling six +- 3[+]3 +- BOIN +- TITE-BOIN")
                .containsPattern("Difference, rolling six +- CRM +- TITE-CRM");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));

        CommandRun json = CommandRun.of("escalate", "--design", "all", "--dlt-probs", "0.05,0.12,0.25,0.40,0.55", "--replicates", "100",
                "--true-mtd", "closest", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.at("/result/designs").size()).isEqualTo(6);
        assertThat(root.at("/result/comparisons").size()).isEqualTo(5);
        assertThat(root.at("/result/boin/escalation").asDouble()).isBetween(0.19, 0.2);
        assertThat(root.at("/result/doseFinding/maxPatients").asInt()).isEqualTo(30);
        assertThat(root.at("/result/scenario/trueMtdDefinition").asText()).isEqualTo("CLOSEST");
    }

    @Test
    void refusesAProtocolWithoutAnEscalation(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of(EXAMPLE), StandardCharsets.UTF_8);
        String twoStageOnly = text.replaceAll("(?s)  escalation:.*?(  twoStage:)", "$1");
        Path file = dir.resolve("two-stage-only.yaml");
        Files.writeString(file, twoStageOnly, StandardCharsets.UTF_8);

        CommandRun run = CommandRun.of("escalate", "--protocol", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("has no dose escalation").contains("'phase-1-2' design with an 'escalation' part");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
