package org.trialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.simulator.registry.InvalidProtocolException;
import picocli.CommandLine;

/**
 * Turns exceptions into messages and exit codes: a user's mistake gets one paragraph naming the place
 * and the problem; only an internal error (a bug) may show a stack trace, and only with --verbose.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (e instanceof ProtocolException pe) {
            printProblems(pe, err);
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof InvalidProtocolException ip) {
            // a name the simulator's registry does not have: a problem of the protocol like validation's
            printProblems(new ProtocolException(List.of(ip.problem())), err);
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof UserException ue) {
            err.println("trialsim: " + ue.getMessage());
            return ue.exitCode();
        }
        if (e instanceof NoSuchFileException nf) {
            err.println("trialsim: no such file: " + nf.getFile());
            return ExitCode.IO;
        }
        if (e instanceof AccessDeniedException ad) {
            err.println("trialsim: permission denied: " + ad.getFile());
            return ExitCode.IO;
        }
        if (e instanceof IOException io) {
            err.println("trialsim: " + describe(io));
            return ExitCode.IO;
        }
        err.println("trialsim: internal error: " + e + (verbose(cl) ? "" : " (run with --verbose for details, and please report it)"));
        if (verbose(cl)) {
            e.printStackTrace(err);
        }
        return ExitCode.INTERNAL;
    }

    /** Prints a protocol's problems, errors first in file order, then a one-line summary. */
    static void printProblems(ProtocolException e, PrintWriter err) {
        for (Problem p : e.problems()) {
            err.println(p);
        }
        long errors = e.errors().size();
        err.println("trialsim: " + e.problems().get(0).file() + " is not a valid protocol (" + errors
                + (errors == 1 ? " error" : " errors") + ")");
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
            err.println("trialsim: " + option.longestName() + " must be " + refused.expected() + ", not " + refused.value());
            return ExitCode.USAGE;
        }
        err.println("trialsim: " + e.getMessage());
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

    private static boolean verbose(CommandLine cl) {
        CommandLine root = cl;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof TrialsimCommand t && t.verbose;
    }
}
