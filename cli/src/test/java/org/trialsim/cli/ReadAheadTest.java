package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.LoadedProtocol;

/**
 * The protocol a simulate or trial command line names is read ahead only where reading it twice is
 * harmless and its reading is the command's, and the command takes it only for the same argument read
 * without a problem.
 */
class ReadAheadTest {
    @TempDir
    Path dir;

    @Test
    void readsTheBuiltInOrRegularFileAfterTheCommandAsTheCommandWould() throws Exception {
        LoadedProtocol ahead = ReadAhead.start(new String[] {"simulate", "interfant-21", "-n", "10"}).take("interfant-21");
        assertThat(ahead.protocol()).isEqualTo(ProtocolArgument.load("interfant-21").protocol());
        assertThat(ahead.source()).isEqualTo(ProtocolArgument.load("interfant-21").source());

        Path file = dir.resolve("two-arm.yaml");
        Files.copy(Path.of("../examples/two-arm-exponential.yaml"), file);
        ReadAhead fromFile = ReadAhead.start(new String[] {"--verbose", "trial", file.toString(), "-r", "1"});
        assertThat(fromFile.take(file.toString()).protocol()).isEqualTo(ProtocolArgument.load(file.toString()).protocol());
        assertThat(fromFile.take("two-arm.yaml")).as("another argument").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate -n 10 interfant-21", "simulate interfant-21 --set design.sampleSize=300", "simulate @args",
            "simulate -", "simulate missing.yaml", "simulate .", "show interfant-21", "simulate", "validate interfant-21"})
    void readsNothingWhereTheWordAfterTheCommandIsNoBuiltInOrRegularFileOrTheProtocolIsChanged(String line) {
        assertThat(ReadAhead.start(line.split(" "))).as(line).isNull();
    }

    @Test
    void aProtocolWithAProblemIsLeftForTheCommandToReadAndReport() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "id: broken\n");
        assertThat(ReadAhead.start(new String[] {"trial", file.toString()}).take(file.toString())).isNull();
        Cli run = Cli.run("trial", file.toString(), "-r", "1", "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).startsWith(file + ":");
    }
}
