package org.trialsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trialsim design}: the trial-design calculators, one subcommand each. */
@Command(name = "design", mixinStandardHelpOptions = true,
        description = {"Trial-design calculators (see also 'trialsim escalate').",
                "'trialsim design simon' finds or evaluates Simon two-stage designs exactly; 'trialsim design survival' and"
                        + " 'trialsim design rates' give analytic sample sizes (and survival power) as rpact does; 'trialsim escalate'"
                        + " simulates dose finding: rolling six, 3+3, BOIN, TITE-BOIN, CRM and TITE-CRM."},
        subcommands = {SimonCommand.class, SurvivalCommand.class, RatesCommand.class})
final class DesignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** No calculator was named: a usage error, with the list of calculators on standard error. */
    @Override
    public Integer call() {
        return Errors.missingSubcommand(spec);
    }
}
