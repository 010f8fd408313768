package org.trialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Sweep;
import picocli.CommandLine;

/**
 * The sweep an {@code explore} command line makes, read where a task runs (an executor), from the same
 * arguments the driver was given: the sweep file or {@code --protocol}, {@code --set}, {@code --vary},
 * {@code --vary-scenario} and {@code --null}, as {@code trialsim explore} reads them.
 */
public final class SparkSweeps {
    private SparkSweeps() {
    }

    /**
     * The sweep of {@code explore} with these arguments.
     *
     * @throws IllegalArgumentException if they are not an explore command line's (the driver checked them, so only a bug gets here)
     */
    public static Sweep sweep(List<String> arguments) throws IOException, ProtocolException {
        List<String> args = new ArrayList<>(List.of("explore"));
        args.addAll(arguments);
        String[] line = args.toArray(String[]::new);
        StringWriter ignored = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(ignored), new PrintWriter(ignored), line);
        CommandLine.ParseResult parsed;
        try {
            parsed = cl.parseArgs(line);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("the explore arguments " + arguments + " do not parse: " + e.getMessage(), e);
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        if (!(parsed.commandSpec().userObject() instanceof ExploreCommand explore)) {
            throw new IllegalArgumentException("the arguments " + arguments + " are not an explore command line's");
        }
        return explore.sweep();
    }

    /** The arguments that make the sweep of an explore command, for {@link #sweep}: as the command line gave them. */
    static List<String> arguments(ExploreCommand e) {
        List<String> args = new ArrayList<>();
        if (e.sweepFile != null) {
            args.add(e.sweepFile.toString());
        }
        if (e.protocol != null) {
            args.addAll(List.of("--protocol", e.protocol));
        }
        e.settings.forEach(v -> args.addAll(List.of("--set", v)));
        e.vary.forEach(v -> args.addAll(List.of("--vary", v)));
        e.varyScenario.forEach(v -> args.addAll(List.of("--vary-scenario", v)));
        if (e.withNull) {
            args.add("--null");
        }
        return args;
    }
}
