package org.trialsim.cli;

import java.io.IOException;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import picocli.CommandLine.Option;

/**
 * {@code --protocol}: a protocol whose design gives a calculator ({@code escalate}, {@code design simon})
 * its parameters, which the calculator's own options override. A built-in id or a file, as for
 * {@link ProtocolSource}, which the commands that run a protocol take as their argument instead.
 */
final class ProtocolOption {
    @Option(names = "--protocol", paramLabel = "ID|FILE",
            description = "Take the parameters from this protocol's phase-1-2 design: a built-in protocol id, a protocol file,"
                    + " or - to read it from standard input. Options given here override them.")
    String protocol;

    /** The protocol given, or null if none was. */
    LoadedProtocol load() throws IOException, ProtocolException {
        return protocol == null ? null : ProtocolArgument.load(protocol);
    }
}
