package org.trialsim.cli;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import java.util.Collection;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.SimulatorModule;
import org.trialsim.simulator.TrialsimExtension;
import org.trialsim.simulator.registry.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli's factory: what has an {@code @Inject} constructor (the {@link Simulator}) Guice makes, the
 * rest picocli. The injector (the simulator, its registry of named implementations and the extensions
 * on the class path) is built only when a running command first asks for the simulator
 * ({@link #simulator}): the commands that do not simulate (protocols, show, validate, export, schema,
 * every --help) load no Guice class: {@code protocols} started 0.13 s sooner without the launcher's
 * class-data archive, about 0.015 s with it (which maps Guice's classes); and without an extension on
 * the class path none is built at all (see {@link Injection}). One injector per command line, so that a
 * test can run one with another class path.
 */
final class GuiceFactory implements CommandLine.IFactory {
    private FutureTask<Injection> injection;
    /** The command line's protocol read ahead ({@link ReadAhead}), or null; kept here as the one object its commands share. */
    private volatile ReadAhead readAhead;

    /** Keeps the command line's protocol read ahead for its command ({@link ProtocolSource#load(CommandSpec)}). */
    void readAhead(ReadAhead ahead) {
        readAhead = ahead;
    }

    /** The protocol read ahead for the command's command line, if it is this argument's and was read without a problem; else null. */
    static LoadedProtocol readAhead(CommandSpec spec, String protocol) throws InterruptedException {
        ReadAhead ahead = spec.commandLine().getFactory() instanceof GuiceFactory factory ? factory.readAhead : null;
        return ahead == null ? null : ahead.take(protocol);
    }

    /** The simulator of the running command's command line, made by Guice on first use. */
    static Simulator simulator(CommandSpec spec) throws Exception {
        return spec.commandLine().getFactory().create(Simulator.class);
    }

    /**
     * Starts making the simulator (the injector, where extensions are on the class path) on a thread of its
     * own, for a command that will ask for it once it has loaded its protocol: the two overlap where a
     * processor is free. What building it throws is thrown where the simulator is asked for, as before, so
     * a protocol's errors still come first.
     */
    static void prepareSimulator(CommandSpec spec) {
        if (spec.commandLine().getFactory() instanceof GuiceFactory factory) {
            factory.prepare();
        }
    }

    /** As {@link #prepareSimulator}, unless it was started (or the simulator made) already. */
    private synchronized void prepare() {
        if (injection == null) {
            Thread building = new Thread(injection(), "trialsim-injector");
            building.setDaemon(true);
            building.start();
        }
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        return injected(type) ? injected().create(type) : CommandLine.defaultFactory().create(type);
    }

    private synchronized FutureTask<Injection> injection() {
        if (injection == null) {
            injection = new FutureTask<>(Injection::new);
        }
        return injection;
    }

    /** The injection, built here unless {@link #prepareSimulator} started building it (then waited for). */
    private Injection injected() throws InterruptedException {
        FutureTask<Injection> task = injection();
        task.run(); // nothing if it has run or is running
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether the type has a constructor marked for injection. */
    private static boolean injected(Class<?> type) {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(Inject.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The simulator, in a class of its own so that a command that never asks for it loads none of this.
     * Without an extension on the class path the injector would bind the built-ins alone, which is the
     * simulator made without Guice ({@link Simulator#Simulator()}, whose trials take
     * {@link Registry#builtIns}): that one is made instead, and no injector is built. Building it took about
     * 60 ms of a thread's processor time and some 700 classes in each {@code simulate} and {@code trial},
     * beside the protocol loading on the main thread.
     */
    private static final class Injection {
        /** The injector, or null when no extension is on the class path and {@link #builtIns} is the simulator. */
        private final Guiced guiced;
        private final Simulator builtIns;

        Injection() {
            try {
                // found as SimulatorModule finds them (with the context class loader), without making any
                boolean extended = ServiceLoader.load(TrialsimExtension.class).stream().findAny().isPresent();
                guiced = extended ? new Guiced() : null;
                builtIns = extended ? null : new Simulator();
            } catch (ServiceConfigurationError e) {
                throw new UserException(ExitCode.USAGE, "cannot load the trialsim extensions on the class path: " + e.getMessage()
                        + " (docs/extending.md)");
            }
        }

        <K> K create(Class<K> type) {
            if (guiced == null && type == Simulator.class) {
                return type.cast(builtIns);
            }
            return (guiced != null ? guiced : new Guiced()).create(type);
        }
    }

    /** The injector of the simulator and the extensions on the class path, in a class of its own (see {@link Injection}). */
    private static final class Guiced {
        /**
         * Guice logs an exception a module throws, with its stack trace, on standard error before it
         * reports it; the message is shown as one line instead. Held here: a logger that nothing holds
         * may be collected, and its level with it.
         */
        private static final Logger GUICE_ERRORS = Logger.getLogger("com.google.inject");

        private final Injector injector;

        Guiced() {
            GUICE_ERRORS.setLevel(Level.WARNING);
            try {
                injector = Guice.createInjector(new SimulatorModule());
            } catch (CreationException e) {
                throw cannotLoadExtensions(e.getErrorMessages(), e);
            }
        }

        <K> K create(Class<K> type) {
            try {
                return injector.getInstance(type);
            } catch (ProvisionException e) {
                throw cannotLoadExtensions(e.getErrorMessages(), e);
            }
        }

        /**
         * An extension whose module fails, that binds a name twice or one no protocol can give: Guice's
         * first message (its first line, which says what) as a usage error, since it is how trialsim
         * was started that is wrong.
         */
        private static UserException cannotLoadExtensions(Collection<Message> messages, RuntimeException e) {
            String first = messages.isEmpty() ? String.valueOf(e.getMessage()) : messages.iterator().next().getMessage();
            Throwable cause = e.getCause();
            String because = cause == null || cause.getMessage() == null || first.contains(cause.getMessage()) ? ""
                    : ": " + cause.getMessage();
            return new UserException(ExitCode.USAGE, "cannot load the trialsim extensions on the class path: "
                    + first.lines().findFirst().orElse("").strip() + because + " (docs/extending.md)");
        }
    }
}
