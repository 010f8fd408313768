package org.trialsim.cli;

import java.util.concurrent.Callable;
import org.trialsim.cli.report.Format;
import org.trialsim.cli.report.ProtocolReport;
import org.trialsim.protocol.LoadedProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trialsim show <id|file>}: a readable summary of a protocol. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a protocol: population, eligibility, risk groups, the pathway as an indented tree of blocks"
                + " and decision points with their conditions, arms, outcome models and design."})
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProtocolSource source;

    @Override
    public Integer call() throws Exception {
        LoadedProtocol loaded = source.load();
        new ProtocolReport(loaded.protocol()).write(Format.TABLE, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
