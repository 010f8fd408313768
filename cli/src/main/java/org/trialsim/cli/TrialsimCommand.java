package org.trialsim.cli;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code trialsim} command, which holds the subcommands and the shared options. The
 * subcommands are added by {@link #addSubcommands}, not listed in the annotation, so that a run builds
 * the picocli model of the one it runs only.
 */
@Command(name = "trialsim",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Simulates pediatric leukemia treatment protocols and the trials that test them.",
        footer = {"", "Exit codes: 0 success, 1 internal error, 2 usage error, 3 invalid protocol, 4 file cannot be read or written,"
                + " 5 not enough memory, 6 a target missed (calibrate --check).",
                "Run 'trialsim COMMAND --help' for the options of a command."})
public final class TrialsimCommand implements Callable<Integer> {
    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(SimulateCommand.class, TrialCommand.class, ExploreCommand.class, DesignCommand.class,
            EscalateCommand.class, CalibrateCommand.class, ProtocolsCommand.class, ShowCommand.class, ExportCommand.class, ValidateCommand.class,
            SchemaCommand.class, ReportCommand.class, MergeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of internal errors.")
    boolean verbose;

    /** No command was given: a usage error, with the list of commands on standard error. */
    @Override
    public Integer call() {
        return Errors.missingSubcommand(spec);
    }

    /**
     * Adds the subcommands that these arguments can reach: the one the first argument naming a subcommand
     * names, or all of them when none does (the help, a usage error that lists them, a misspelling that
     * gets a suggestion) or when an argument file ({@code @file}) may hold the name. picocli builds a
     * command's model, by reflection over its options and mixins, when the command is added: building
     * all nine took about a fifth of a second of a fresh JVM's time, most of {@code trialsim protocols}.
     * The top-level options take no values, so the first argument that names a subcommand is the one run.
     */
    static void addSubcommands(CommandLine root, String... args) {
        boolean argumentFile = Arrays.stream(args).anyMatch(a -> a.startsWith("@"));
        Class<?> named = argumentFile ? null : Arrays.stream(args)
                .flatMap(a -> SUBCOMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(a)))
                .findFirst().orElse(null);
        for (Class<?> subcommand : named == null ? SUBCOMMANDS : List.of(named)) {
            root.addSubcommand(subcommand);
        }
    }
}
