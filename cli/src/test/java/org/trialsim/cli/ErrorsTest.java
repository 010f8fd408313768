package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** An internal error (a bug) is one line asking for a report, and its stack trace only with --verbose, given anywhere. */
class ErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "show aall1331 | false",
            "show aall1331 --verbose | true",
            "--verbose show aall1331 | true",
            "design simon --verbose --p0 0.2 | true",
    })
    void showsTheStackTraceOnlyWithVerbose(String args, boolean verbose) {
        StringWriter err = new StringWriter();
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        CommandLine.ParseResult parsed = root.parseArgs(args.split(" "));
        CommandLine.ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        int code = new Errors().handleExecutionException(new IllegalStateException("a bug"), command.commandSpec().commandLine(), parsed);

        assertThat(code).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString()).startsWith("trialsim: internal error: java.lang.IllegalStateException: a bug");
        assertThat(err.toString().contains("\tat ")).isEqualTo(verbose);
        assertThat(err.toString().contains("run with --verbose")).isEqualTo(!verbose);
    }
}
