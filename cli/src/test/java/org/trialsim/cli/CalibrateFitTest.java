package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.validation.NumericParameter;
import org.trialsim.simulator.calibration.Fitting;

/** {@code trialsim calibrate --fit}: the fitted protocol, the report before and after, and bad input. */
class CalibrateFitTest {
    private static final String SHIFT = "pathway.nodes.blina-1.mrdResponse.log10Shift";

    @TempDir
    Path dir;

    @Test
    void aPerturbedShiftIsFittedBackAndTheFittedProtocolSaysSo() throws Exception {
        Path out = dir.resolve("fitted.yaml");
        Cli run = Cli.run("calibrate", "interfant-06-blina", "--set", SHIFT + "=-1.5", "--fit", SHIFT, "--bounds", SHIFT + "=-5:-1",
                "-n", "5000", "--max-evaluations", "40", "--check", "-q", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Fit of Interfant-06", "-5 to -1", "MISSED", "targets met before the fit, 7 after.");
        var fitted = new ProtocolReader().read(out);
        NumericParameter shift = NumericParameter.of(fitted.protocol(), SHIFT);
        assertThat(shift.value()).isBetween(-3.5, -2.3);
        assertThat(shift.assumption()).startsWith("Fitted by trialsim calibrate --fit (5,000 virtual patients per arm, seed 1):"
                + " log10Shift " + Fitting.number(shift.value()) + " (was -1.5); to the targets: MRD-negative after blinatumomab (16/30);");
        // the fitted protocol meets its targets on the same patients
        Cli check = Cli.run("calibrate", out.toString(), "-n", "5000", "--check", "-q");
        assertThat(check.exitCode()).as(check.out()).isZero();
    }

    @Test
    void theJsonReportHasBothCalibrationsAndTheParameters() throws Exception {
        Cli run = Cli.run("calibrate", "interfant-06-blina", "--fit", SHIFT, "--bounds", SHIFT + "=-3.2:-2.6", "-n", "2000",
                "--max-evaluations", "6", "-f", "json", "-q", "--out", dir.resolve("f.yaml").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("parameters").get(0).path("path").asText()).isEqualTo(SHIFT);
        assertThat(json.path("parameters").get(0).path("start").asDouble()).isEqualTo(-2.9);
        assertThat(json.path("evaluations").asInt()).isEqualTo(6);
        assertThat(json.path("converged").asBoolean()).isFalse();
        assertThat(json.path("before").path("targets")).hasSize(7);
        assertThat(json.path("after").path("targets")).hasSize(7);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pathway.nodes.nowhere.x||--fit the protocol has no pathway.nodes.nowhere.x",
        "design.sampleSize||--fit design.sampleSize is a whole number",
        "title||--fit title is not a number",
        SHIFT + "|" + SHIFT + "=-20:-1|--bounds the bound -20 of " + SHIFT + " lies outside its range",
        SHIFT + "|" + SHIFT + "=low:-1|is not PATH=LOW:HIGH with two numbers",
        SHIFT + "|" + SHIFT + "=-2:-1|the protocol's " + SHIFT + ", -2.9, lies outside the bounds -2:-1",
        SHIFT + "|pathway.nodes.blina-1.durationDays=1:2|--bounds names pathway.nodes.blina-1.durationDays, which --fit does not"})
    void badParametersAndBoundsAreUsageErrorsNamingThePath(String fit, String bounds, String message) {
        Path out = dir.resolve("never.yaml");
        Cli run = bounds == null ? Cli.run("calibrate", "interfant-06-blina", "--fit", fit, "--out", out.toString())
                : Cli.run("calibrate", "interfant-06-blina", "--fit", fit, "--bounds", bounds, "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFitNeedsAFileForTheFittedProtocol() {
        Cli run = Cli.run("calibrate", "interfant-06-blina", "--fit", SHIFT);
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("give --out FITTED.yaml");
    }

    @Test
    void boundsWithoutFitAreAUsageError() {
        Cli run = Cli.run("calibrate", "interfant-06-blina", "--bounds", SHIFT + "=-3:-2");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("name them with --fit");
    }
}
