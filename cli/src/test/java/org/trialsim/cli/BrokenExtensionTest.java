package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Design;
import org.trialsim.simulator.TrialsimExtension;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.trial.allocation.AllocationMethod;

/**
 * An extension on the class path that cannot be loaded stops a command that simulates with one line
 * saying why (exit 2, how trialsim was started), never a stack trace; the commands that do not
 * simulate never load it.
 */
class BrokenExtensionTest {

    /** Binds a built-in name again. */
    public static final class BindsSimpleAgain extends AbstractModule implements TrialsimExtension {
        @Override
        protected void configure() {
            Registry.allocationMethods(binder()).addBinding(Design.Randomization.SIMPLE).toInstance(AllocationMethod.Simple::of);
        }
    }

    /** Binds a name no protocol file can give. */
    public static final class BindsAnUnwritableName extends AbstractModule implements TrialsimExtension {
        @Override
        protected void configure() {
            Registry.allocationMethods(binder()).addBinding("Biased Coin").toInstance(AllocationMethod.Simple::of);
        }
    }

    /** Fails in its own configuration. */
    public static final class Fails extends AbstractModule implements TrialsimExtension {
        @Override
        protected void configure() {
            throw new IllegalStateException("no licence file");
        }
    }

    @TempDir
    Path classes;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a missing class       | org.example.Missing                                         | Provider org.example.Missing not found
            a built-in name again | org.trialsim.cli.BrokenExtensionTest$BindsSimpleAgain       | Duplicate key "simple"
            an unwritable name    | org.trialsim.cli.BrokenExtensionTest$BindsAnUnwritableName  | the allocation method name 'Biased Coin' cannot be given in a protocol file
            a failing module      | org.trialsim.cli.BrokenExtensionTest$Fails                  | no licence file
            """)
    void aBrokenExtensionIsOneLineAndExitCode2(String kind, String service, String message) throws Exception {
        Path services = classes.resolve("META-INF/services/org.trialsim.simulator.TrialsimExtension");
        Files.createDirectories(services.getParent());
        Files.writeString(services, service + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        PrintStream stderr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            Cli trial = Cli.run("trial", "aall1331", "-r", "1", "-q");
            System.setErr(stderr);
            assertThat(logged.toString(StandardCharsets.UTF_8)).as("nothing but the message, e.g. Guice's log of the exception").isEmpty();
            assertThat(trial.exitCode()).as(trial.err()).isEqualTo(ExitCode.USAGE);
            assertThat(trial.err()).startsWith("trialsim: cannot load the trialsim extensions on the class path: ").contains(message)
                    .endsWith("(docs/extending.md)" + System.lineSeparator()).hasLineCount(1);
            assertThat(Cli.run("show", "aall1331").exitCode()).isZero();
        } finally {
            System.setErr(stderr);
            thread.setContextClassLoader(before);
        }
    }
}
