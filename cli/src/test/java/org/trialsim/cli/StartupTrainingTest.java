package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command the launcher's class-data archive is trained on succeeds, so the archive covers its path. */
class StartupTrainingTest {

    static Stream<Arguments> commands() {
        return Arrays.stream(StartupTraining.COMMANDS).map(c -> Arguments.of(String.join(" ", c), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void trainingCommandSucceeds(String name, String[] command) {
        if (Arrays.asList(command).contains(StartupTraining.FILE)) {
            return; // run with its file below
        }
        StringWriter err = new StringWriter();
        int code = Main.run(command, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as("%s: %s", name, err).isZero();
    }

    @Test
    void everyTrainingCommandSucceedsWithItsFile() throws Exception {
        StringWriter all = new StringWriter();
        assertThat(StartupTraining.run(new PrintWriter(all))).as(all.toString()).isZero();
    }
}
