package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Only the commands that simulate build the Guice injector (and load Guice's classes): in a JVM of its
 * own, with class loading logged, a command that does not simulate loads no Guice class at all, and
 * one that simulates does.
 */
class LazyInjectorTest {

    /** The classes a fresh JVM loads running the command, one name a line. */
    private static List<String> loadedClasses(String... command) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = new ArrayList<>(List.of(java, "-Xshare:off", "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().filter(l -> l.contains("[class,load]")).toList();
    }

    @ParameterizedTest(name = "{0}: injector {1}")
    @CsvSource(delimiter = '|', textBlock = """
            protocols                                   | false
            show aall1331                               | false
            validate interfant-21                       | false
            export cccg-blina-d19                       | false
            schema                                      | false
            trial --help                                | false
            simulate interfant-21 -n 10 -t 1 -q         | true
            trial aall1121 -r 2 -t 1                    | true
            """)
    void onlyCommandsThatSimulateLoadGuice(String command, boolean simulates) throws Exception {
        List<String> loaded = loadedClasses(command.split(" "));
        assertThat(loaded).as("class loading is logged").isNotEmpty();
        assertThat(loaded.stream().anyMatch(l -> l.contains(" com.google.inject."))).isEqualTo(simulates);
    }
}
