package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** A run builds the picocli model of the subcommand it runs only, and of all of them when it may need them. */
class SubcommandsTest {
    private static final List<String> ALL = List.of("simulate", "trial", "explore", "design", "escalate", "calibrate", "protocols", "show", "export",
            "validate", "schema", "report", "merge");

    static Stream<Arguments> argumentsAndSubcommands() {
        return Stream.of(
                Arguments.of("protocols", List.of("protocols")),
                Arguments.of("--verbose validate aall1331", List.of("validate")),
                Arguments.of("simulate protocols", List.of("simulate")),
                Arguments.of("design simon --p0 0.2", List.of("design")),
                Arguments.of("", ALL),
                Arguments.of("--help", ALL),
                Arguments.of("protocls", ALL),
                Arguments.of("@arguments.txt", ALL),
                Arguments.of("validate @files.txt", ALL));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @MethodSource("argumentsAndSubcommands")
    void theSubcommandsAddedAreTheOnesTheArgumentsCanReach(String arguments, List<String> expected) {
        String[] args = arguments.isEmpty() ? new String[0] : arguments.split(" ");
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
        assertThat(root.getSubcommands().keySet()).containsExactlyElementsOf(expected);
    }

    @Test
    void everySubcommandIsListed() {
        assertThat(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getSubcommands())
                .containsOnlyKeys(ALL);
        assertThat(Cli.run("--help").out()).contains(ALL.stream().map(c -> "  " + c + " ").toList());
    }

    /**
     * picocli formats help texts as format strings and, when one fails (a lone "%" such as "95% interval"),
     * prints a warning on the process's standard error and shows the text unformatted.
     */
    @ParameterizedTest(name = "{0} --help")
    @MethodSource("subcommands")
    void everyHelpTextFormatsWithoutAWarning(String subcommand) {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Cli run;
        try {
            run = Cli.run(subcommand, "--help");
        } finally {
            System.setErr(before);
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    static Stream<String> subcommands() {
        return ALL.stream();
    }

    @Test
    void aSubcommandNamedInAnArgumentFileRuns(@TempDir Path dir) throws Exception {
        Path arguments = Files.writeString(dir.resolve("arguments.txt"), "protocols\n");

        Cli run = Cli.run("@" + arguments);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("interfant-21").contains("aall1331");
    }

    @Test
    void aMisspelledSubcommandGetsASuggestion() {
        Cli run = Cli.run("protocls");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Did you mean: trialsim protocols?");
    }

    @Test
    void anInheritedOptionReachesTheOneSubcommand() {
        Cli run = Cli.run("--verbose", "protocols", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: trialsim protocols").contains("--verbose");
    }
}
