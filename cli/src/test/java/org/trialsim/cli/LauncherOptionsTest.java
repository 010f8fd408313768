package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JVM options the {@code ./trialsim} launcher chooses by command and size (docs/limits.md, start-up), and
 * which changes make it build the jar again. The launcher is copied beside an empty jar, so that it builds and
 * records nothing (but where a test makes a source newer, with a Maven that only leaves a mark), and run with a
 * {@code java} that prints its arguments instead of starting a JVM.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherOptionsTest {

    private static final String C1 = "-XX:TieredStopAtLevel=1";
    private static final String LARGE = "-XX:+UseSerialGC -Xmn32m";
    /** A large trial's on-stack replacement by C2, postponed (before the large runs' collector). */
    private static final String TRIAL = "-XX:Tier4BackEdgeThreshold=1000000";

    @TempDir
    static Path home;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "protocols | " + C1,
        "validate aall1331 | " + C1,
        "simulate interfant-21 | " + C1,
        "simulate interfant-21 -n 1000000 | " + C1,
        "simulate interfant-21 --patients=1_000_000 | " + C1,
        "simulate interfant-21 -n 1000001 | " + LARGE,
        "simulate interfant-21 -n 10000000 -t 2 | " + LARGE,
        "simulate interfant-21 -n 1e7 | " + LARGE,
        "trial aall1331 | " + C1,
        "trial aall1331 -r 10000 | " + C1,
        "trial aall1331 -r 20000 | " + TRIAL + " " + LARGE,
        "trial aall1331 -r 10001 -t 2 | " + TRIAL + " " + LARGE,
        "trial aall1331 --replicates=10_000 | " + C1,
        "trial aall1331 --replicates 100,000 | " + TRIAL + " " + LARGE,
        "trial aall1331 @args.txt | " + TRIAL + " " + LARGE,
        "explore sweep.yaml | " + LARGE,
        "calibrate aall1331 | ''",
    })
    void choosesByCommandAndSize(String command, String expected) throws Exception {
        assertThat(jvmOptions(Map.of(), command.split(" "))).isEqualTo(words(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-XX:TieredStopAtLevel=4 | " + TRIAL + " -XX:+UseSerialGC -Xmn32m -XX:TieredStopAtLevel=4",
        "-Xmx1g | " + TRIAL + " -XX:+UseSerialGC -Xmn32m -Xmx1g",
        "-Xmn64m | " + TRIAL + " -XX:+UseSerialGC -Xmn32m -Xmn64m",
        "-XX:+UseG1GC | " + TRIAL + " -XX:+UseG1GC",
        "-Xmx2g -XX:+UseParallelGC -Xmn64m | " + TRIAL + " -Xmx2g -XX:+UseParallelGC -Xmn64m",
        "-XX:Tier4BackEdgeThreshold=40000 | " + TRIAL + " -XX:+UseSerialGC -Xmn32m -XX:Tier4BackEdgeThreshold=40000",
    })
    void userOptionsComeLastAndReplaceTheCollector(String user, String expected) throws Exception {
        // a second collector would stop the JVM ("conflicting collector combinations"), so the user's replaces
        // the launcher's with its young generation; any other option comes after the launcher's and wins
        List<String> options = jvmOptions(Map.of("TRIALSIM_JAVA_OPTS", user), "trial", "aall1331", "-r", "20000");
        assertThat(options).isEqualTo(words(expected));
    }

    @Test
    void javaTwentyFiveGetsTheSameChoiceAndItsReflectionSetting() throws Exception {
        List<String> options = jvmOptions(Map.of("FAKE_JAVA_VERSION", "25.0.3"), "trial", "aall1331", "-r", "20000");
        assertThat(options).isEqualTo(words(TRIAL + " " + LARGE + " -Djdk.reflect.useNativeAccessorOnly=true"));
    }

    @ParameterizedTest(name = "{0} newer than the jar -> built: {1}")
    @CsvSource({
        "benchmarks/src/main/java/B.java, false",
        "spark/src/main/java/S.java, false",
        "cli/src/test/java/T.java, false",
        "docs/notes.md, false",
        "simulator/src/main/java/S.java, true",
        "cli/src/main/resources/r.txt, true",
        "protocol-model/pom.xml, true",
        "pom.xml, true",
    })
    void rebuildsOnlyWhenAPomOrAMainSourceOfTheJarsModulesIsNewer(String file, boolean built) throws Exception {
        Path root = checkout("17.0.15");
        Path jar = root.resolve("cli/target/trialsim.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path newer = root.resolve(file);
        Files.createDirectories(newer.getParent());
        Files.writeString(newer, "");
        // a Maven that only leaves a mark where the launcher runs it (the checkout)
        Path mvn = Files.writeString(root.resolve("jdk/bin/mvn"), "#!/bin/sh\ntouch built\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        launch(root, Map.of(), "protocols");

        assertThat(Files.exists(root.resolve("built"))).isEqualTo(built);
    }

    private static List<String> words(String options) {
        return options.isBlank() ? List.of() : Arrays.asList(options.trim().split(" +"));
    }

    /** The options the launcher passes to java before the class path, with class-data sharing off. */
    private static List<String> jvmOptions(Map<String, String> env, String... command) throws IOException,
            InterruptedException {
        String out = launch(checkout(env.getOrDefault("FAKE_JAVA_VERSION", "17.0.15")), env, command);
        List<String> lines = out.lines().toList();
        int classPath = lines.indexOf("-cp");
        assertThat(classPath).as(out).isNotNegative();
        return lines.subList(0, classPath);
    }

    /**
     * A checkout of the launcher beside an empty jar, with a {@code java} of the given version (in {@code jdk/bin})
     * that prints its arguments, one a line.
     */
    private static Path checkout(String javaVersion) throws IOException {
        Path root = Files.createTempDirectory(home, "checkout");
        Files.createDirectories(root.resolve("cli/target"));
        Files.createFile(root.resolve("cli/target/trialsim.jar"));
        Files.copy(Path.of("../trialsim"), root.resolve("trialsim"));
        Path jdk = root.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + javaVersion + "\"\n");
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    /** Runs the checkout's launcher with only its {@code jdk/bin} and the system's on the path; its output. */
    private static String launch(Path root, Map<String, String> env, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", root.resolve("trialsim").toString()));
        argv.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().remove("TRIALSIM_JAVA_OPTS");
        builder.environment().remove("TRIALSIM_CLASSPATH");
        builder.environment().put("TRIALSIM_CDS", "off");
        builder.environment().put("PATH", root.resolve("jdk/bin") + ":/usr/bin:/bin");
        env.forEach((k, v) -> {
            if (!k.startsWith("FAKE_")) {
                builder.environment().put(k, v);
            }
        });
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
