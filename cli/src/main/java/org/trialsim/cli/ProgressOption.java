package org.trialsim.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Whether a long run shows its progress on standard error. */
final class ProgressOption {
    @Option(names = {"-q", "--quiet"},
            description = "Show no progress. Otherwise a run longer than 2 s shows a progress bar when standard error is a"
                    + " terminal, and a run longer than 10 s prints a progress line every 10 s when it is not (a log, a pipe).")
    boolean quiet;

    /** The display of a task, counting the given unit, on the command's standard error. */
    ProgressDisplay display(CommandSpec spec, String task, String unit) {
        return ProgressDisplay.of(task, unit, quiet, spec.commandLine().getErr());
    }
}
