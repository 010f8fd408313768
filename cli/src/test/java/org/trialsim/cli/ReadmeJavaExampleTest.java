package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;

/** The README's "Use from Java" example compiles against the project and prints what the simulator computes. */
class ReadmeJavaExampleTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("## Use from Java.*?```java\n(.*?)```", Pattern.DOTALL);

    @Test
    void theExampleCompilesRunsAndPrintsTheSimulatorsFigures(@TempDir Path dir) throws Exception {
        Matcher m = JAVA_BLOCK.matcher(Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8));
        assertThat(m.find()).as("the README has a Java example under 'Use from Java'").isTrue();
        String source = m.group(1);
        Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
        assertThat(name.find()).isTrue();
        Path file = dir.resolve(name.group(1) + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int code = javac.run(null, null, diagnostics, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"), file.toString());
        assertThat(code).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        String printed;
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(name.group(1)).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        printed = captured.toString(StandardCharsets.UTF_8);

        // the figures it prints are the simulator's own for the same protocol and options
        Simulator simulator = new Simulator();
        LoadedProtocol protocol = simulator.load("aall1331", "design.sampleSize=500");
        TrialResult trial = simulator.trial(protocol, TrialOptions.of(1_000).seed(7));
        List<String> lines = printed.lines().toList();
        assertThat(lines).hasSize(trial.analyses().size() + protocol.protocol().arms().size());
        for (int i = 0; i < trial.analyses().size(); i++) {
            TrialResult.AnalysisResult a = trial.analyses().get(i);
            assertThat(lines.get(i)).isEqualTo(String.format(Locale.ROOT, "%s: power %.3f ± %.3f", a.label(), a.rejection().value(),
                    a.rejection().standardError()));
        }
        assertThat(lines.subList(trial.analyses().size(), lines.size())).allMatch(l -> l.matches("arm \\w+: \\d+ patients enrolled"));
    }
}
