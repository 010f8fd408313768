package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command the launcher's class-data archive is trained on succeeds, so the archive covers its path. */
class StartupTrainingTest {

    static Stream<Arguments> commands() {
        return Arrays.stream(StartupTraining.COMMANDS).map(c -> Arguments.of(String.join(" ", c), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void trainingCommandSucceeds(String name, String[] command) {
        if (Arrays.asList(command).contains(StartupTraining.FILE) || Arrays.asList(command).contains(StartupTraining.OUTPUT)) {
            return; // run with its files below
        }
        StringWriter err = new StringWriter();
        int code = Main.run(command, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as("%s: %s", name, err).isZero();
    }

    @Test
    void everyTrainingCommandSucceedsWithItsFile() throws Exception {
        StringWriter all = new StringWriter();
        assertThat(StartupTraining.run(StartupTraining.COMMANDS, new PrintWriter(all))).as(all.toString()).isZero();
    }

    /** The commands the launcher records an archive of their own for (./trialsim, the training's argument). */
    @ParameterizedTest
    @ValueSource(strings = {"protocols", "show", "validate"})
    void aCommandsOwnTrainingRunsThatCommandAlone(String command) throws Exception {
        String[][] training = StartupTraining.of(command);
        assertThat(Arrays.stream(training).map(c -> c[0])).isNotEmpty().containsOnly(command);
        StringWriter all = new StringWriter();
        assertThat(StartupTraining.run(training, new PrintWriter(all))).as(all.toString()).isZero();
    }

    @Test
    void trainingLeavesNoTemporaryFileBehind(@TempDir Path parent) throws Exception {
        StringWriter all = new StringWriter();
        assertThat(StartupTraining.run(new String[][] {{"validate", StartupTraining.FILE}, {"trial", "cccg-blina-d19", "-r", "1", "-t", "1",
            "--null", "-q", "-f", "json", "-o", StartupTraining.OUTPUT}}, new PrintWriter(all), parent)).as(all.toString()).isZero();
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }
}
