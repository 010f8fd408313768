package org.trialsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code trialsim} command, which holds the subcommands and the shared options. */
@Command(name = "trialsim",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Simulates pediatric leukemia treatment protocols and the trials that test them.",
        subcommands = {SimulateCommand.class, TrialCommand.class, DesignCommand.class, EscalateCommand.class, ProtocolsCommand.class, ShowCommand.class,
                ExportCommand.class, ValidateCommand.class, SchemaCommand.class},
        footer = {"", "Exit codes: 0 success, 1 internal error, 2 usage error, 3 invalid protocol, 4 file cannot be read or written.",
                "Run 'trialsim COMMAND --help' for the options of a command."})
public final class TrialsimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of internal errors.")
    boolean verbose;

    /** No command was given: a usage error, with the list of commands on standard error. */
    @Override
    public Integer call() {
        return Errors.missingSubcommand(spec);
    }
}
