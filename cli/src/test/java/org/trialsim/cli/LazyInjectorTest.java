package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Only the commands that simulate build the Guice injector (and load Guice's classes): in a JVM of its
 * own, with class loading logged, the commands that do not simulate load no Guice class at all, and
 * those that simulate build no injector while no extension is on the class path. {@code protocols}, the quickest command, binds no protocol either.
 */
class LazyInjectorTest {

    /** Runs each argument, a command line split at spaces, in this one JVM; exits 1 if one fails. */
    public static void main(String[] commands) {
        Main.configureGuice();
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int failures = 0;
        for (String command : commands) {
            failures += Main.run(command.split(" "), nowhere, nowhere) == 0 ? 0 : 1;
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    /** The classes a fresh JVM loads running the commands, one log line each. */
    private static List<String> loadedClasses(String... commands) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = new ArrayList<>(List.of(java, "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                LazyInjectorTest.class.getName()));
        args.addAll(List.of(commands));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String> loaded = out.lines().filter(l -> l.contains("[class,load]")).toList();
        assertThat(loaded).as("class loading is logged").isNotEmpty();
        return loaded;
    }

    private static boolean guice(List<String> loaded) {
        return loaded.stream().anyMatch(l -> l.contains(" com.google.inject."));
    }

    @Test
    void theCommandsThatDoNotSimulateLoadNoGuiceClass() throws Exception {
        assertThat(guice(loadedClasses("protocols", "show aall1331", "validate interfant-21", "export cccg-blina-d19", "schema",
                "trial --help", "simulate --help"))).isFalse();
    }

    @Test
    void protocolsBindsNoProtocolAndBuildsNoOtherCommand() throws Exception {
        List<String> loaded = loadedClasses("protocols");
        assertThat(loaded).as("no Jackson data binding").noneMatch(l -> l.contains(" com.fasterxml.jackson.databind."));
        assertThat(loaded).as("no other subcommand's model, such as simulate's converter of --patients")
                .noneMatch(l -> l.contains(" org.trialsim.cli.OptionRanges$Patients "));
    }

    @Test
    void aSimulationOrTrialWithoutExtensionsBuildsNoInjector() throws Exception {
        // the simulator and the built-in registry are then made without Guice (the extensions' interface extends
        // Guice's Module, which is all of Guice that finding none loads)
        assertThat(loadedClasses("simulate interfant-21 -n 10 -t 1 -q", "trial aall1121 -r 2 -t 1 -q")).as("no injector")
                .noneMatch(l -> l.contains(" com.google.inject.Guice ") || l.contains(" com.google.inject.internal."));
    }
}
