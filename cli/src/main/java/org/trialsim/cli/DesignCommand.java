package org.trialsim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trialsim design}: the trial-design calculators, one subcommand each. */
@Command(name = "design", mixinStandardHelpOptions = true,
        description = {"Trial-design calculators (see also 'trialsim escalate').",
                "'trialsim design simon' finds or evaluates Simon two-stage designs exactly; 'trialsim escalate'"
                        + " simulates rolling-six and 3+3 dose escalation."},
        subcommands = {SimonCommand.class})
final class DesignCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
