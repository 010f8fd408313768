package org.trialsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trialsim protocols}: the built-in protocols, one line each. */
@Command(name = "protocols", mixinStandardHelpOptions = true,
        description = "List the built-in protocols: id, registry number and title.")
final class ProtocolsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return list(spec.commandLine().getOut());
    }

    /** Lists the built-ins on {@code out}. */
    static int list(PrintWriter out) {
        for (BuiltinProtocols.Listing p : BuiltinProtocols.listings()) {
            out.printf("%-20s %-14s %s%n", p.id(), p.registry() == null ? "-" : p.registry(), p.title());
        }
        return ExitCode.OK;
    }
}
