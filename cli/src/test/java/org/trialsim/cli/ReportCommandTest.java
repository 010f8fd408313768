package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code trialsim report RESULT.json} writes the page --format html writes, from the saved result alone. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "simulate aall1331 -n 500 -s 3 -q",
        "simulate interfant-21 -n 500 --set pathway.nodes.blina-1.mrdResponse.log10Shift=-2 -q",
        "trial aall1331 -r 40 -s 3 -t 1 -q",
        "trial interfant-21 -r 40 --null -q",
        "escalate --protocol aall1121 --replicates 200",
        "escalate --design both --dlt-probs 0.05,0.10,0.25,0.40 --replicates 200",
        "escalate --design all --dlt-probs 0.05,0.10,0.25,0.40 --replicates 100",
        "explore ../examples/sweeps/two-arm-events.yaml -r 60 -t 1 -q",
        "explore --protocol ../examples/two-arm-exponential.yaml --vary design.analysis.events=100,120 --null -r 40 -q",
    })
    void theReportOfASavedResultIsThePageTheRunWrites(String command) throws Exception {
        Path json = dir.resolve("result.json");
        String[] args = command.split(" ");
        Cli saved = Cli.run(concat(args, "--format", "json", "--out", json.toString()));
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        Cli direct = Cli.run(concat(args, "--format", "html"));
        Cli report = Cli.run("report", json.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).startsWith("<!DOCTYPE html>").isEqualTo(direct.out());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aFileThatIsNotAResultIsRefusedWithItsPlace() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\n  \"provenance\": {\"patients\": 1},\n  \"arms\": [ 1, ]\n}\n");
        Cli run = Cli.run("report", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("bad.json").contains("line 3").doesNotContain("Exception");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"tool\": \"something else\"}");
        assertThat(Cli.run("report", other.toString()).err()).contains("is not a result of 'trialsim simulate', 'trial', 'explore' or 'escalate'");
        assertThat(Cli.run("report", dir.resolve("missing.json").toString()).exitCode()).isEqualTo(ExitCode.IO);
        assertThat(Cli.run("report", dir.toString()).exitCode()).isEqualTo(ExitCode.IO);
    }

    @Test
    void aResultWhoseProtocolHasChangedIsRefused() throws Exception {
        Path json = dir.resolve("result.json");
        assertThat(Cli.run("simulate", "aall1331", "-n", "200", "-q", "--set", "design.sampleSize=300", "--format", "json", "--out",
                json.toString()).exitCode()).isZero();
        Files.writeString(json, Files.readString(json).replace("design.sampleSize=300", "design.sampleSize=301"));
        Cli run = Cli.run("report", json.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("is not the one the result was made from").contains("--protocol");
    }

    @Test
    void aNeverEndingInputIsReadOnlyToTheBound() throws Exception {
        Path zeros = dir.resolve("zeros");
        DeviceTwins.run("mknod", zeros.toString(), "c", "1", "5"); // the numbers of /dev/zero, in the test's own directory
        Cli run = Cli.run("report", zeros.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("is larger than a result can be");
    }
}
