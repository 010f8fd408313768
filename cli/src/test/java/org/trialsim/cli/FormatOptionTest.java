package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --format accepts exactly the formats of the command's report: help lists them, and any other is
 * refused while the command line is parsed, in one line, with exit code 2 and nothing written.
 */
class FormatOptionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "escalate --dlt-probs 0.1,0.2 --format csv | --format must be table, json or html, not csv",
            "design simon --p0 0.2 --p1 0.4 --alpha 0.05 --beta 0.1 -f csv | --format must be table or json, not csv",
            "simulate aall1331 --format xml | --format must be table, json, csv or html, not xml",
            "trial aall1331 -f pdf | --format must be table, json, csv or html, not pdf",
    })
    void aFormatTheReportLacksIsRefusedWhileParsing(String args, String message) {
        Cli r = Cli.run(args.split(" "));
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("trialsim: " + message + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "simulate | table, json, csv, html",
            "trial | table, json, csv, html",
            "escalate | table, json, html (default",
            "design simon | table, json (default",
    })
    void helpListsTheFormatsOfTheCommandsReportBeforeTheOutputFile(String command, String formats) {
        String help = Cli.run((command + " --help").split(" ")).out().replaceAll("\\s+", " ");
        assertThat(help).contains("-f, --format=FORMAT How the result is written: " + formats);
        assertThat(help.indexOf("--format=FORMAT")).as("--format keeps its place, before --out").isLessThan(help.indexOf("--out=FILE"));
    }

    @Test
    void aFormatMayBeWrittenInAnyCase() {
        Cli r = Cli.run("escalate", "--dlt-probs", "0.1,0.2", "--replicates", "20", "--format", "JSON");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{");
    }

    /** trial's report depends on the protocol's design: a phase 1-2 design has no CSV, which is known once the protocol is read. */
    @Test
    void aPhaseOneTwoTrialHasNoCsv() {
        Cli r = Cli.run("trial", "aall1121", "-r", "20", "-f", "csv");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("trialsim: a phase 1-2 design is written as table or json, not csv" + System.lineSeparator());
    }
}
