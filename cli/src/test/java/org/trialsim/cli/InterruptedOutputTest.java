package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run stopped by SIGTERM (what {@code kill} and {@link Process#destroy()} send) or SIGINT (Ctrl-C)
 * while it writes its output removes its partial file and leaves the old outputs as they were. The real
 * command runs in a child JVM on the test class path; its patient records take seconds to write, so
 * the partial file of --records is there long enough to be seen and the run stopped.
 */
class InterruptedOutputTest {

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 15", "INT, 2"})
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aStoppedRunRemovesItsPartialFileAndLeavesTheTargetsUntouched(String signal, int number, @TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path records = Files.writeString(out.resolve("patients.csv"), "old records");
        Path result = Files.writeString(out.resolve("result.txt"), "old result");
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "simulate", "interfant-21", "-n", "300000", "-t", "1",
                "--records", records.toString(), "--out", result.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String partial = ".patients.csv." + child.pid() + ".0.partial";
            while (!Files.exists(out.resolve(partial))) {
                assertThat(child.isAlive()).as("the run ended before writing its records: " + Files.readString(log)).isTrue();
                Thread.sleep(10);
            }

            if (signal.equals("TERM")) {
                child.destroy();
            } else {
                assumeTrue(DeviceTwins.onPath("kill"), "kill is not installed: this case is skipped");
                new ProcessBuilder("kill", "-s", signal, Long.toString(child.pid())).inheritIO().start().waitFor();
            }

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("stopped by SIG" + signal).isTrue();
            assertThat(child.exitValue()).as("the JVM's exit code for a signal, 128 + its number").isEqualTo(128 + number);
            try (var left = Files.list(out)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("patients.csv", "result.txt");
            }
            assertThat(records).hasContent("old records");
            assertThat(result).hasContent("old result");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

}
