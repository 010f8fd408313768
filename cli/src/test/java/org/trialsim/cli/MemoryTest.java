package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the number of replicates, and a run that cannot fit says so before it
 * starts. The real command runs in a child JVM on the test class path with a small heap.
 */
class MemoryTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(Path dir, String heap, String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(child.waitFor(4, TimeUnit.MINUTES)).as("the run ended").isTrue();
            return new Run(child.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    /**
     * 250,000 replicates in a 32 MB heap. When every replicate's outcome was kept (about 400 bytes
     * each, 100 MB here) this ran out of memory; the tallies now take the same memory for any count.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void manyReplicatesFitInASmallHeap(@TempDir Path dir) throws Exception {
        Run r = run(dir, "32m", "trial", "../examples/two-arm-exponential.yaml", "--null", "-r", "250000", "-t", "2", "-q", "-f", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"replicates\" : 250000");
    }

    /**
     * Hazard ratios and data cuts of 3,000,000 patients per arm in a 32 MB heap: the Cox fit and the cut
     * read the per-day counts, where keeping each patient's time and event (12 bytes, 72 MB here) would not fit.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void hazardRatiosOfMillionsOfPatientsFitInASmallHeap(@TempDir Path dir) throws Exception {
        Run r = run(dir, "32m", "simulate", "interfant-06-blina", "-n", "3000000", "--hazard-ratio", "--follow-up", "0,44.8", "-t", "2",
                "-q", "-f", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"hazardRatios\"").contains("\"dataCuts\"");
    }

    /** The large trial that estimates AALL1331's true effect needs about 46 MB: refused at once in 32 MB, with what to do. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aRunThatCannotFitSaysHowMuchItNeedsBeforeItStarts(@TempDir Path dir) throws Exception {
        Run r = run(dir, "32m", "trial", "aall1331", "-r", "10000000", "-t", "2", "-q");
        assertThat(r.exitCode()).isEqualTo(ExitCode.MEMORY);
        assertThat(r.err()).startsWith("trialsim: this trial (670 patients a replicate, 2 threads, and a ")
                .contains("needs about ").contains("MB of memory, and this JVM may use ").contains("TRIALSIM_JAVA_OPTS=-Xmx")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
