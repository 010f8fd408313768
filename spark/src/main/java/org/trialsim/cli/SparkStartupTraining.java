package org.trialsim.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.trialsim.spark.Sessions;

/**
 * The run {@code ./trialsim-spark} records its class-data-sharing archive from after a build (as
 * {@code ./trialsim} does with {@link StartupTraining}): an embedded Spark started, and a small trial, an
 * exploration and a cohort run on it, which between them load the classes of Spark's start-up, its
 * scheduler and executor and of the three commands' paths. Recorded interpreted (-Xint), for the reason
 * {@link StartupTraining} gives; under the null hypothesis, so that no large trial runs interpreted.
 */
public final class SparkStartupTraining {
    private static final List<List<String>> COMMANDS = List.of(
        List.of("trial", "aall1331", "-r", "4", "--null", "--partitions", "2"),
        List.of("explore", "--protocol", "aall1331", "--vary", "design.sampleSize=600,670", "--null", "-r", "4", "--partitions", "2"),
        List.of("simulate", "aall1331", "-n", "100", "--partitions", "2"));

    private SparkStartupTraining() {
    }

    /** The commands the recording runs, in order. */
    public static List<List<String>> commands() {
        return COMMANDS;
    }

    public static void main(String[] args) {
        Main.configureGuice();
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int failures = 0;
        try (JavaSparkContext spark = new JavaSparkContext(Sessions.conf("local[2]"))) {
            for (List<String> command : COMMANDS) {
                failures += SparkMain.run(command.toArray(String[]::new), nowhere, nowhere, spark) == 0 ? 0 : 1;
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
