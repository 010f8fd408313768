package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code design survival} and {@code design rates} as commands: the table, the JSON, --out, --protocol and the
 * refusal of impossible parameters. The numbers themselves are checked against rpact in
 * simulator's SurvivalSizingTest and RatesSizingTest; the values here are the same cases' rpact values.
 */
class SampleSizeCommandTest {
    private static final String[] GROUP_SEQUENTIAL = {"design", "survival", "--median-control", "12", "--hazard-ratio", "0.7",
        "--accrual-months", "24", "--follow-up-months", "12", "--dropout", "0.05", "--looks", "0.3333333333333333,0.6666666666666666,1",
        "--futility", "0,0"};

    @Test
    void aGroupSequentialSurvivalSizeIsTabulatedWithItsLooks() {
        CommandRun run = CommandRun.of(GROUP_SEQUENTIAL);

        assertThat(run.exitCode()).as(run.err()).isZero();
        // rpact: maxNumberOfEvents 261.327023, maxNumberOfSubjects 407.9654616, analysisTime 16.63, 25.08, 36,
        // criticalValuesEffectScale 0.4515, 0.6835, 0.7815
        assertThat(run.out()).containsPattern("events +261\\.33 +262").containsPattern("patients +407\\.97 +408")
                .containsPattern("1 +0\\.333 +87\\.1 +16\\.6 .* 3\\.7103 0\\.4515  0\\.0000 1\\.0000")
                .containsPattern("3 +1\\.000 +261\\.3 +36\\.0 .* 0\\.7815");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        // rpact: rejectPerStage 0.0204, 0.4167, 0.3629 and cumsum(rejectPerStage) 0.0204, 0.4371, 0.8 (SurvivalSizingTest)
        assertThat(run.out()).containsPattern("2 +0\\.667 .* 0\\.006048  0\\.4167  0\\.4371  0\\.0035")
                .containsPattern("3 +1\\.000 .* 0\\.025000  0\\.3629  0\\.8000       –");
    }

    /** Each look's running total of the chance of rejecting is the sum of the chances at it and before, and the power at the last. */
    @Test
    void theJsonGivesTheCumulativeChanceOfRejectingAtEachLook() throws Exception {
        CommandRun run = CommandRun.of(Stream.concat(Arrays.stream(GROUP_SEQUENTIAL), Stream.of("--format", "json")).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out()).get("result");
        double total = 0;
        for (JsonNode look : result.get("looks")) {
            total += look.get("efficacyProbability").asDouble();
            assertThat(look.get("cumulativeEfficacyProbability").asDouble()).isCloseTo(total, within(1e-15));
        }
        assertThat(total).isCloseTo(result.get("power").asDouble(), within(1e-9));
    }

    @Test
    void theJsonCarriesTheResultAndWhatItWasComputedFor(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("size.json");
        String[] args = Stream.concat(Arrays.stream(GROUP_SEQUENTIAL),
                Stream.of("--format", "json", "--out", file.toString())).toArray(String[]::new);
        CommandRun run = CommandRun.of(args);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(root.get("command").asText()).isEqualTo("design survival");
        assertThat(root.get("computed").asText()).isEqualTo("sampleSize");
        assertThat(root.get("spending").asText()).isEqualTo("obrien-fleming");
        assertThat(root.at("/hazards/hazardRatio").asDouble()).isEqualTo(0.7);
        assertThat(root.at("/result/formula").asText()).isEqualTo("schoenfeld");
        assertThat(root.at("/result/events").asDouble()).isCloseTo(261.327023, within(1e-4));
        assertThat(root.at("/result/patients").asDouble()).isCloseTo(407.9654616, within(1e-4));
        assertThat(root.at("/result/studyMonths").asDouble()).isCloseTo(36, within(1e-9));
        assertThat(root.at("/result/looks/0/month").asDouble()).isCloseTo(16.6256693, within(1e-5));
        assertThat(root.at("/result/looks/2/futilityZ").isNull()).as("-Infinity is written as null").isTrue();
    }

    @Test
    void withEventsItComputesThePowerOfTheDesign() {
        // getPowerSurvival(asOF 3 looks, lambda2 = log(2)/12, hazardRatio = 0.7, accrualTime = c(0, 24),
        // maxNumberOfEvents = 200, maxNumberOfSubjects = 400): overallReject 0.7072057106, followUpTime 3.448770435
        CommandRun run = CommandRun.of("design", "survival", "--median-control", "12", "--hazard-ratio", "0.7", "--accrual-months", "24",
                "--events", "200", "--patients", "400", "--looks", "0.3333333333333333,0.6666666666666666,1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("power 0.7072 (computed)").contains("Follow-up 3.45 months");
    }

    /**
     * d &lt;- getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF",
     * typeBetaSpending = "bsOF", bindingFutility = FALSE, informationRates = c(1/3, 2/3, 1));
     * getSampleSizeSurvival(d, lambda2 = log(2)/12, hazardRatio = 0.7, accrualTime = c(0, 24), followUpTime = 12):
     * maxNumberOfEvents 272.535395958, maxNumberOfSubjects 408.133296321, expectedEventsH1 215.990528636,
     * futilityBounds -0.23614460988 1.17037203116.
     */
    @Test
    void betaSpendingGivesTheFutilityBoundsAndSampleSizeOfRpact() throws Exception {
        CommandRun run = CommandRun.of("design", "survival", "--median-control", "12", "--hazard-ratio", "0.7", "--accrual-months", "24",
                "--follow-up-months", "12", "--looks", "0.3333333333333333,0.6666666666666666,1", "--beta-spending", "obrien-fleming",
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.at("/betaSpending").asText()).isEqualTo("obrien-fleming");
        assertThat(root.at("/result/events").asDouble()).isCloseTo(272.535395958, within(1e-6 * 272.5));
        assertThat(root.at("/result/patients").asDouble()).isCloseTo(408.133296321, within(1e-6 * 408.1));
        assertThat(root.at("/result/expectedEvents").asDouble()).isCloseTo(215.990528636, within(1e-6 * 216));
        assertThat(root.at("/result/looks/0/futilityZ").asDouble()).isCloseTo(-0.23614460988, within(1e-6));
        assertThat(root.at("/result/looks/1/futilityZ").asDouble()).isCloseTo(1.17037203116, within(1e-6));
    }

    /**
     * The power of given events keeps the bounds of the design planned for --power (0.8), as rpact's getPowerSurvival
     * keeps its design's: getPowerSurvival(d, lambda2 = log(2)/12, hazardRatio = 0.7, accrualTime = c(0, 24),
     * maxNumberOfEvents = 200, maxNumberOfSubjects = 400, directionUpper = FALSE) with d as above: overallReject
     * 0.669141137511, rejectPerStage 0.012092312803 0.313643409250 0.343405415458, futilityPerStage 0.0452978270628
     * 0.1514115704127, expectedNumberOfEvents 161.34431604.
     */
    @Test
    void betaSpendingPowerOfGivenEventsMatchesRpact() throws Exception {
        CommandRun run = CommandRun.of("design", "survival", "--median-control", "12", "--hazard-ratio", "0.7", "--accrual-months", "24",
                "--events", "200", "--patients", "400", "--looks", "0.3333333333333333,0.6666666666666666,1",
                "--beta-spending", "obrien-fleming", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.at("/result/power").asDouble()).isCloseTo(0.669141137511, within(1e-7));
        double[] reject = {0.012092312803, 0.313643409250, 0.343405415458};
        double[] futile = {0.0452978270628, 0.1514115704127};
        for (int k = 0; k < 3; k++) {
            assertThat(root.at("/result/looks/" + k + "/efficacyProbability").asDouble()).isCloseTo(reject[k], within(1e-7));
        }
        for (int k = 0; k < 2; k++) {
            assertThat(root.at("/result/looks/" + k + "/futilityProbability").asDouble()).isCloseTo(futile[k], within(1e-7));
        }
        assertThat(root.at("/result/expectedEvents").asDouble()).isCloseTo(161.34431604, within(1e-6 * 161.3));
    }

    @Test
    void betaSpendingTogetherWithFixedFutilityBoundsIsAUsageError() {
        CommandRun run = CommandRun.of("design", "survival", "--median-control", "12", "--hazard-ratio", "0.7", "--looks", "0.5,1",
                "--futility", "0", "--beta-spending", "pocock");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--futility or --beta-spending, not both");
    }

    @Test
    void aRandomizedProtocolGivesTheAnalysisAndAccrualAndOptionsOverrideIt() {
        CommandRun run = CommandRun.of("design", "survival", "--protocol", "aall1331", "--median-control", "36", "--hazard-ratio", "0.6");
        CommandRun stricter = CommandRun.of("design", "survival", "--protocol", "aall1331", "--median-control", "36",
                "--hazard-ratio", "0.6", "--alpha", "0.01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // aall1331: alpha 0.025, 12.4 patients a month after a 6-month ramp-up, analysis 12 months after the last enrolment
        assertThat(run.out()).contains("one-sided alpha 0.025").contains("Follow-up 12.00 months");
        assertThat(stricter.out()).contains("one-sided alpha 0.01");
        assertThat(events(stricter.out())).isGreaterThan(events(run.out()));
    }

    @Test
    void aProtocolsHazardRatioMarginIsPartOfTheAnalysisItGivesAndMarginOverridesIt() {
        // examples/non-inferiority-blina.yaml: design.analysis.margin 1.35 on its DFS comparison, one interim look
        String protocol = "../examples/non-inferiority-blina.yaml";
        CommandRun fromProtocol = CommandRun.of("design", "survival", "--protocol", protocol, "--median-control", "120", "--hazard-ratio", "1");
        CommandRun stated = CommandRun.of("design", "survival", "--protocol", protocol, "--median-control", "120", "--hazard-ratio", "1",
                "--margin", "1.35");
        CommandRun other = CommandRun.of("design", "survival", "--protocol", protocol, "--median-control", "120", "--hazard-ratio", "1",
                "--margin", "1.5");

        assertThat(fromProtocol.exitCode()).as(fromProtocol.err()).isZero();
        assertThat(fromProtocol.out()).isEqualTo(stated.out());
        assertThat(events(other.out())).isLessThan(events(fromProtocol.out()));
    }

    private static double events(String table) {
        return table.lines().filter(l -> l.startsWith("events ")).mapToDouble(l -> Double.parseDouble(l.trim().split(" +")[1]))
                .findFirst().orElseThrow();
    }

    @Test
    void ratesTwoArmsWithAMarginAndOneArmFromAProtocol() {
        // getSampleSizeRates(pi1 = 0.6, pi2 = 0.6, thetaH0 = -0.1, allocationRatioPlanned = 2): 824.3412258
        CommandRun twoArms = CommandRun.of("design", "rates", "--p1", "0.6", "--p2", "0.6", "--margin", "-0.1", "--allocation", "2");
        // cccg-blina-d19: historical 0.65, expected 0.80, alpha 0.025;
        // getSampleSizeRates(groups = 1, pi1 = 0.8, thetaH0 = 0.65) gives 71.85
        CommandRun oneArm = CommandRun.of("design", "rates", "--protocol", "cccg-blina-d19");

        assertThat(twoArms.exitCode()).as(twoArms.err()).isZero();
        assertThat(twoArms.out()).containsPattern("patients +824\\.34 +825").contains("non-inferiority margin");
        assertThat(oneArm.exitCode()).as(oneArm.err()).isZero();
        assertThat(oneArm.out()).contains("p1 = 0.8 against H0: p <= 0.65").containsPattern("patients +71\\.85 +72");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "design survival --median-control 12 --hazard-ratio 0.7 --margin 0.6 | --hazard-ratio (0.7) must be below --margin (0.6)",
            "design survival --median-control 12 --hazard-ratio 0.7 --margin 1.2 --formula freedman | Freedman's formula is for a margin of 1",
            "design survival --hazard-ratio 0.7 | give the control arm's survival",
            "design survival --median-control 12 | give the effect",
            "design survival --median-control 12 --hazard-ratio 0.7 --patients 50 | patients have",
            "design survival --median-control 12 --hazard-ratio 0.7 --patients 500 --follow-up-months 6 | not both",
            "design survival --median-control 12 --hazard-ratio 0.7 --looks 0.5,0.8 | --looks must end with 1",
            "design survival --median-control 12 --hazard-ratio 0.7 --looks 0.5,0.4,1 | --looks must increase",
            "design survival --median-control 12 --hazard-ratio 0.7 --looks 0.5,1 --futility 0,0 | --futility gives 2 bounds for 1 interim looks",
            "design survival --median-control 12 --hazard-ratio 0.7 --looks 0.5,1 --futility 3.5 | must be below its efficacy bound",
            "design survival --median-control 12 --hazard-ratio 0.7 --alpha 0.3 --power 0.2 | --power (0.2) must be above the one-sided alpha",
            "design survival --hazard-control 0.1,0.2 --hazard-ratio 0.7 | one more hazard than changes",
            "design survival --hazard-control 0.1 --hazard-changes 6 --hazard-ratio 0.7 | one more hazard than changes",
            "design survival --hazard-control 0,0 --hazard-changes 6 --hazard-ratio 0.7 | no event ever happens",
            "design survival --median-control 12 --hazard-ratio 0.7 --dropout 0.1,0.1,0.1 | --dropout gives 3 fractions",
            "design survival --median-control 12 --hazard-ratio 0.7 --accrual-rate 5,10 | one more rate than changes",
            "design survival --median-control 12 --hazard-ratio 0.7 --protocol interfant-21 | has no randomized design",
            "design survival --median-control 12 --hazard-ratio 0.7 --spending haybittle | --spending must be obrien-fleming or pocock",
            "design survival --median-control 12 --hazard-ratio 0.7 --margin 0 | --margin must be a number from 0.001 to 1000, not 0",
            "design survival --median-control 12 --hazard-ratio 0.7 --dropout 1 | --dropout must be a number at least 0 and below 1, not 1",
            "design rates --p1 0.5 --p2 0.6 --margin -0.05 | must be above --margin",
            "design rates --p1 0.5 | give --p1 and either --p2",
            "design rates --p1 0.5 --p0 0.3 --margin -0.1 | --margin and --allocation are for two arms",
            "design rates --p1 0.2 --p0 0.3 | --p1 (0.2) must be above --p0 (0.3)",
            "design rates --p1 0.5 --p2 0.3 --margin 1 | --margin must be a number above -1 and below 1, not 1",
            "design rates --protocol aall1121 | has no single-arm-response or randomized design",
    })
    void impossibleParametersAreUsageErrorsNamingTheOption(String args, String message) {
        CommandRun run = CommandRun.of(args.split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("trialsim: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
