package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every numeric option of every command has a range, stated in its help and checked while the command
 * line is parsed, before any work; a value outside it, or not a number, is refused with exit code 2 and
 * one line of one shape: "--option must be EXPECTED, not VALUE".
 */
class OptionRangesTest {
    private static final String NL = System.lineSeparator();
    private static final String EXAMPLE = CommandRun.resource("protocols/phase-1-2-example.yaml");
    private static final String FIXED = CommandRun.resource("protocols/phase-1-2-fixed.yaml");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the cases of issue #10
            "escalate --dlt-probs 0.1 --replicates 2147483647 | --replicates must be a whole number from 1 to 10,000,000, not 2147483647",
            "escalate --dlt-probs 0.1 --interarrival-days 1e-300 | --interarrival-days must be a number from 0.5 to 365, not 1e-300",
            "escalate --dlt-probs 0.1 --dlt-window-days 1e300 | --dlt-window-days must be a number from 1 to 365, not 1e300",
            "trial aall1331 -r 100000000000 | --replicates must be a whole number from 1 to 10,000,000, not 100000000000",
            "trial aall1331 -r -10 | --replicates must be a whole number from 1 to 10,000,000, not -10",
            // simulate
            "simulate aall1121 -n 0 | --patients must be a whole number from 1 to 10,000,000,000, not 0",
            "simulate aall1121 -n 1e11 | --patients must be a whole number from 1 to 10,000,000,000, not 1e11",
            "simulate aall1121 -n 1.5 | --patients must be a whole number from 1 to 10,000,000,000, not 1.5",
            "simulate aall1121 -n many | --patients must be a whole number from 1 to 10,000,000,000, not many",
            "simulate aall1121 -t 0 | --threads must be a whole number from 1 to 1,024, not 0",
            "simulate aall1121 -t 1025 | --threads must be a whole number from 1 to 1,024, not 1025",
            "simulate aall1121 -s 0x10 | --seed must be a whole number from -2^63 to 2^63 - 1, not 0x10",
            "simulate aall1121 -s 9223372036854775808 | --seed must be a whole number from -2^63 to 2^63 - 1, not 9223372036854775808",
            // trial
            "trial aall1331 -r 2.5 | --replicates must be a whole number from 1 to 10,000,000, not 2.5",
            "trial aall1331 -t -1 | --threads must be a whole number from 1 to 1,024, not -1",
            "trial aall1331 -s 1.5 | --seed must be a whole number from -2^63 to 2^63 - 1, not 1.5",
            // escalate
            "escalate --dlt-probs 0.1 --replicates 0 | --replicates must be a whole number from 1 to 10,000,000, not 0",
            "escalate --dlt-probs 0.1 --interarrival-days 0 | --interarrival-days must be a number from 0.5 to 365, not 0",
            "escalate --dlt-probs 0.1 --dlt-window-days -1 | --dlt-window-days must be a number from 1 to 365, not -1",
            "escalate --dlt-probs 0.1 --dlt-window-days Infinity | --dlt-window-days must be a number from 1 to 365, not Infinity",
            "escalate --dlt-probs 0.1,NaN | --dlt-probs must be a number from 0 to 1, not NaN",
            "escalate --dlt-probs 0.1,1.3 | --dlt-probs must be a number from 0 to 1, not 1.3",
            "escalate --dlt-probs 0.1,x | --dlt-probs must be a number from 0 to 1, not x",
            "escalate --dlt-probs 0.1 --start-level 31 | --start-level must be a whole number from 1 to 30, not 31",
            "escalate --dlt-probs 0.1 --target-dlt 1 | --target-dlt must be a number above 0 and below 1, not 1",
            "escalate --dlt-probs 0.1 --threads 0 | --threads must be a whole number from 1 to 1,024, not 0",
            // design simon
            "design simon --p0 1.2 | --p0 must be a number above 0 and below 1, not 1.2",
            "design simon --p0 NaN | --p0 must be a number above 0 and below 1, not NaN",
            "design simon --p1 0 | --p1 must be a number above 0 and below 1, not 0",
            "design simon --p1 0.99999999999999999 | --p1 must be a number above 0 and below 1, not 0.99999999999999999",
            "design simon --alpha 0.5 | --alpha must be a number above 0 and below 0.5, not 0.5",
            "design simon --beta 1e-400 | --beta must be a number above 0 and below 0.5, not 1e-400",
            "design simon --nmax 2001 | --nmax must be a whole number from 2 to 2,000, not 2001",
            "design simon --evaluate 4/18,10/33 --p 0.2,1.5 | --p must be a number from 0 to 1, not 1.5",
    })
    void outOfRangeOrMalformedValuesAreOneLineUsageErrors(String args, String message) {
        Cli run = Cli.run(args.split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("trialsim: " + message + NL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999/2000000000,1999999999/2000000001", "4/18,10/2001", "4/18,3/33", "18/4,10/33", "4-18", "4/18"})
    void anEvaluatedDesignIsPossibleAndWithinTheSizeCap(String design) {
        Cli run = Cli.run("design", "simon", "--evaluate", design, "--p", "0.5");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("trialsim: --evaluate must be " + OptionRanges.SimonDesignText.EXPECTED + ", not " + design + NL);
    }

    @Test
    void theLargestEvaluatedDesignRunsQuickly() {
        Cli run = Cli.run("design", "simon", "--evaluate", "500/1000,1000/2000", "--p", "0.5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("stop if at most 500 of the first 1000 respond");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "100000 | 100000", "1e5 | 100000", "1E5 | 100000", "1e+5 | 100000", "100_000 | 100000", "2.5e6 | 2500000",
            "+7 | 7", "1.0 | 1", "10e-1 | 1", "10000000000 | 10000000000",
    })
    void wholeNumbersMayBeWrittenInScientificNotationOrWithUnderscores(String text, long value) {
        assertThat(OptionRanges.PATIENTS.parse(text)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1e-1", "1_", "_1", "1__0", "1,000", "", " ", "NaN", "Infinity", "0x10", "1L", "1d", "1e99999999999",
            "1e400", "-1", "0", "10000000001", "1111111111111111111111111111111111111111111111111111111111111111111"})
    void otherTextsAreRefused(String text) {
        assertThatThrownBy(() -> OptionRanges.PATIENTS.parse(text)).isInstanceOf(RefusedValue.class)
                .hasMessageStartingWith("a whole number from 1 to 10,000,000,000, not ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"0.05 | 0.05", "5e-2 | 0.05", ".05 | 0.05", "5E-2 | 0.05", "0.000_001 | 1e-6"})
    void numbersAreDecimal(String text, double value) {
        assertThat(OptionRanges.RESPONSE_RATE.parse(text)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "1e-400", "0.99999999999999999", "NaN", "-Infinity", "0x1p-2", "0.5f", "5%", "."})
    void numbersOutsideAnOpenRangeOrNotDecimalAreRefused(String text) {
        assertThatThrownBy(() -> OptionRanges.RESPONSE_RATE.parse(text)).isInstanceOf(RefusedValue.class)
                .hasMessage("a number above 0 and below 1, not " + text);
    }

    @Test
    void countsWrittenDifferentlyGiveTheSameRun() {
        Cli plain = Cli.run("escalate", "--dlt-probs", "0.1,0.3", "--replicates", "2000", "--seed", "7", "-t", "1");
        Cli scientific = Cli.run("escalate", "--dlt-probs", "0.1,0.3", "--replicates", "2e3", "--seed", "7e0", "-t", "1e0");
        Cli underscores = Cli.run("escalate", "--dlt-probs", "0.1,0.3", "--replicates", "2_000", "--seed", "7", "-t", "1");

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(scientific.out()).isEqualTo(plain.out());
        assertThat(underscores.out()).isEqualTo(plain.out());
    }

    @Test
    void aProtocolsEscalationValuesAreCheckedAgainstTheSameRanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fast-arrivals.yaml");
        Files.writeString(file, Files.readString(Path.of(EXAMPLE), StandardCharsets.UTF_8)
                .replace("interarrivalDays: 12", "interarrivalDays: 0.25"), StandardCharsets.UTF_8);

        // the protocol's own range is the option's: validation refuses the file before escalate looks at it
        Cli run = Cli.run("escalate", "--protocol", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("design.escalation.interarrivalDays").contains("0.25").contains("0.5").contains("365");
    }

    @Test
    void aProtocolsTwoStageDesignIsWithinTheSizeCapOfEvaluate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large-two-stage.yaml");
        Files.writeString(file, Files.readString(Path.of(FIXED), StandardCharsets.UTF_8)
                .replace("n: 33, r: 10", "n: 2500, r: 600"), StandardCharsets.UTF_8);

        // the protocol's own range is --evaluate's: validation refuses the file before the command looks at it
        Cli run = Cli.run("design", "simon", "--protocol", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("design.twoStage.n").contains("2500").contains("2000");
    }

    @Test
    void tooManyRatesToEvaluateAreRefused() {
        String rates = String.join(",", java.util.Collections.nCopies(OptionRanges.MAX_RATES + 1, "0.5"));

        Cli run = Cli.run("design", "simon", "--evaluate", "4/18,10/33", "--p", rates);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("trialsim: --p gives 1,001 rates; at most 1,000" + NL);
    }

    /** Every option that takes numbers, in every command, has a range converter, and its help states the range. */
    @Test
    void everyNumericOptionHasARangeThatItsHelpStates() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> numeric = new ArrayList<>();
        for (CommandLine command : commands(root)) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
                boolean ranged = option.converters().length == 1 && option.converters()[0] instanceof OptionRanges.Ranged;
                if (!NUMBERS.contains(type) && !ranged) {
                    continue;
                }
                String name = command.getCommandSpec().qualifiedName() + " " + option.longestName();
                numeric.add(name);
                assertThat(ranged).as(name + " has a range converter").isTrue();
                String span = ((OptionRanges.Ranged) option.converters()[0]).span();
                assertThat(String.join(" ", option.description())).as(name + "'s help").contains(span);
            }
        }
        assertThat(numeric).contains("trialsim simulate --patients", "trialsim simulate --seed", "trialsim simulate --threads",
                "trialsim trial --replicates", "trialsim escalate --replicates", "trialsim escalate --dlt-probs",
                "trialsim escalate --start-level", "trialsim escalate --interarrival-days", "trialsim escalate --dlt-window-days",
                "trialsim escalate --target-dlt", "trialsim escalate --cohort-size", "trialsim escalate --max-patients",
                "trialsim escalate --skeleton", "trialsim escalate --prior-variance", "trialsim escalate --level-cap",
                "trialsim escalate --safety-stop", "trialsim design simon --p0", "trialsim design simon --p1",
                "trialsim design simon --alpha", "trialsim design simon --beta", "trialsim design simon --nmax",
                "trialsim design simon --evaluate", "trialsim design simon --p");
    }

    private static final Set<Class<?>> NUMBERS = Set.of(int.class, long.class, double.class, float.class, short.class,
            Integer.class, Long.class, Double.class, Float.class, Short.class, java.math.BigDecimal.class, java.math.BigInteger.class);

    private static List<CommandLine> commands(CommandLine command) {
        List<CommandLine> all = new ArrayList<>(List.of(command));
        command.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }
}
