package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * picocli builds every command whenever trialsim starts, and each command's --format reads its
 * report's formats; the reports' writers (whose method references cost about a millisecond each to
 * make) are made only when a report is written. In a JVM of its own, with class loading logged.
 */
class LazyReportsTest {

    private static List<String> loadedClasses(String... commands) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = new ArrayList<>(List.of(java, "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                LazyInjectorTest.class.getName()));
        args.addAll(List.of(commands));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().filter(l -> l.contains("[class,load]")).toList();
    }

    @Test
    void startingAndParsingMakeNoReportWriter() throws Exception {
        List<String> loaded = loadedClasses("protocols", "simulate --help", "trial --help", "escalate --help", "design simon --help");
        assertThat(loaded).as("the commands were built").anyMatch(l -> l.contains(" org.trialsim.cli.FormatOption "));
        assertThat(loaded).noneMatch(l -> l.contains(" org.trialsim.cli.report.FormatWriters "))
                .noneMatch(l -> l.contains("Report$Writers "));
    }

    @Test
    void writingAReportMakesItsWriters() throws Exception {
        assertThat(loadedClasses("show aall1331")).anyMatch(l -> l.contains(" org.trialsim.cli.report.ProtocolReport$Writers "));
    }
}
