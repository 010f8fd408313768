package org.trialsim.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;

/** The entry point of {@code trialsim}. */
public final class Main {
    private static final String GUICE_BYTECODE = "guice_bytecode_gen_option";

    private Main() {
    }

    public static void main(String[] args) {
        configureGuice();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Guice's generated classes need sun.misc.Unsafe, which Java 24+ warns about on standard error;
     * nothing here needs them (no method interception), and reflection is as fast for a handful of
     * objects. A value the user set is kept.
     */
    static void configureGuice() {
        if (System.getProperty(GUICE_BYTECODE) == null) {
            System.setProperty(GUICE_BYTECODE, "DISABLED");
        }
    }

    /**
     * Runs the command line with the given writers and returns the exit code (for tests). Running out
     * of memory, which a run's own estimate did not foresee, is a message and exit code 5, not a trace.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            Integer quick = Shortcut.run(args, out, err);
            return quick != null ? quick : commandLine(out, err, args).execute(args);
        } catch (OutOfMemoryError e) {
            err.println(String.format(Locale.ROOT, "trialsim: ran out of memory (this JVM may use %,d MB); give it more, e.g."
                    + " TRIALSIM_JAVA_OPTS=-Xmx%dm, or use fewer threads", Runtime.getRuntime().maxMemory() >> 20,
                    Math.max(512, 4 * (Runtime.getRuntime().maxMemory() >> 20))));
            return ExitCode.MEMORY;
        }
    }

    /** The configured command line with every subcommand. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /** The configured command line with the subcommands these arguments can reach (see {@link TrialsimCommand#addSubcommands}). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        GuiceFactory factory = new GuiceFactory();
        // the protocol of a simulate or trial command line is read beside picocli's model
        factory.readAhead(ReadAhead.start(args));
        CommandLine cl = new CommandLine(TrialsimCommand.class, factory);
        // before the settings below, which picocli passes on to the subcommands there are when they are made
        TrialsimCommand.addSubcommands(cl, args);
        FormatOption.restrict(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new Errors());
        cl.setParameterExceptionHandler(Errors::usage);
        return cl;
    }
}
