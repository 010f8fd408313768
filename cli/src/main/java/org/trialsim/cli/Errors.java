package org.trialsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.ControlCharacters;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.simulator.run.InvalidProtocolException;
import org.trialsim.simulator.run.NotEnoughMemoryException;
import org.trialsim.simulator.run.SimulationException;
import picocli.CommandLine;

/**
 * Turns exceptions into messages and exit codes: a user's mistake gets one paragraph naming the place
 * and the problem; only an internal error (a bug) may show a stack trace, and only with --verbose.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        return handle(e, cl.getErr(), verbose(cl));
    }

    /** Prints what went wrong and returns the exit code; a stack trace only for an internal error, and only when verbose. */
    static int handle(Exception e, PrintWriter err, boolean verbose) {
        if (e instanceof ProtocolException pe) {
            printProblems(pe, err);
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof InvalidProtocolException ip) {
            // a name the simulator's registry does not have: a problem of the protocol like validation's
            printProblems(new ProtocolException(List.of(ip.problem())), err);
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof NotEnoughMemoryException ne) {
            err.println("trialsim: " + ne.getMessage());
            return ExitCode.MEMORY;
        }
        if (e instanceof SimulationException se) {
            err.println("trialsim: " + se.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof UserException ue) {
            err.println("trialsim: " + visible(ue.getMessage()));
            return ue.exitCode();
        }
        if (e instanceof NoSuchFileException nf) {
            err.println("trialsim: no such file: " + visible(nf.getFile()));
            return ExitCode.IO;
        }
        if (e instanceof AccessDeniedException ad) {
            err.println("trialsim: permission denied: " + visible(ad.getFile()));
            return ExitCode.IO;
        }
        // Jackson's exceptions are IOExceptions too, but one while writing a result is a bug, not a file
        // that cannot be written, and its message is in Jackson's words
        if (e instanceof IOException io && !(e instanceof JsonProcessingException)) {
            err.println("trialsim: " + visible(describe(io)));
            return ExitCode.IO;
        }
        err.println("trialsim: internal error: " + visible(e.toString())
                + (verbose ? "" : " (run with --verbose for details, and please report it)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        return ExitCode.INTERNAL;
    }

    /** Prints a protocol's problems in file order (the first {@link Problem#SHOWN}), then a one-line summary. */
    static void printProblems(ProtocolException e, PrintWriter err) {
        printProblems(e.problems(), err);
        long errors = e.errors().size();
        err.println("trialsim: " + visible(e.problems().get(0).file()) + " is not a valid protocol ("
                + String.format(Locale.ROOT, "%,d", errors) + (errors == 1 ? " error" : " errors") + ")");
    }

    /** Prints problems, one a line, the first {@link Problem#SHOWN} of them and a count of the rest. */
    static void printProblems(List<Problem> problems, PrintWriter err) {
        Problem.listing(problems).forEach(err::println);
    }

    /** Text from the user (a file name, a value, an echoed argument) made safe for a terminal. */
    static String visible(String text) {
        return ControlCharacters.visible(text);
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /**
     * Usage errors: the message, the command's synopsis, and exit code 2. A value outside its option's
     * range is one line that names the option, the range and the value: the synopsis would not help.
     */
    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        if (e.getCause() instanceof RefusedValue refused && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            err.println("trialsim: " + option.longestName() + " must be " + refused.expected() + ", not " + visible(refused.value()));
            return ExitCode.USAGE;
        }
        err.println("trialsim: " + visible(e.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Usage: " + cl.getHelp().synopsis(0).strip());
            err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for more.");
        }
        return ExitCode.USAGE;
    }

    /** A command that only groups subcommands was given none: the message and its help on standard error, exit code 2. */
    static int missingSubcommand(CommandLine.Model.CommandSpec spec) {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        err.println("trialsim: '" + spec.qualifiedName() + "' needs a command, one of: "
                + String.join(", ", cl.getSubcommands().keySet()));
        err.println();
        cl.usage(err);
        err.flush();
        return ExitCode.USAGE;
    }

    /** Whether --verbose was given: the option is inherited, so the failing command has it too. */
    private static boolean verbose(CommandLine cl) {
        CommandLine.Model.OptionSpec verbose = cl.getCommandSpec().findOption("--verbose");
        return verbose != null && Boolean.TRUE.equals(verbose.getValue());
    }
}
