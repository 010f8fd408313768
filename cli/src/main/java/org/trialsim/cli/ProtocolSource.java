package org.trialsim.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.calibration.Fitting;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The protocol a command works on: a built-in id or a file, changed by any {@code --set PATH=VALUE}
 * before it is validated. The changes are recorded in the loaded protocol, and so in the provenance
 * of every result.
 */
final class ProtocolSource {
    @Parameters(paramLabel = "ID|FILE",
            description = "A built-in protocol id (see 'trialsim protocols'), a protocol file, or - to read the protocol"
                    + " from standard input.")
    String protocol;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = {"Change the protocol before using it, e.g. --set design.sampleSize=300"
                    + " --set pathway.nodes.blina-1.mrdResponse.log10Shift=-2.5 (repeatable; a value may be YAML such as"
                    + " [1, 2] or {a: 1}; null removes a field). The changed protocol is validated as a whole.",
                    "Patient i of two runs with different settings is the same virtual patient, so their difference is"
                            + " estimated precisely."})
    List<String> settings = new ArrayList<>();

    /** Whether any --set was given. */
    boolean changed() {
        return !settings.isEmpty();
    }

    /** Loads the protocol with the --set changes applied. */
    LoadedProtocol load() throws IOException, ProtocolException {
        return ProtocolArgument.load(protocol, parsedSettings());
    }

    /** Loads the protocol as {@link #load()} does, or takes it from the command line's read-ahead ({@link ReadAhead}) where that read it. */
    LoadedProtocol load(CommandSpec spec) throws IOException, ProtocolException, InterruptedException {
        LoadedProtocol ahead = settings.isEmpty() ? GuiceFactory.readAhead(spec, protocol) : null;
        return ahead != null ? ahead : load();
    }

    /** Loads the protocol with the --set changes and then others, as often as asked (a file is read once). */
    Fitting.Loader loader() throws IOException {
        return ProtocolArgument.loader(protocol, parsedSettings());
    }

    private List<Setting> parsedSettings() {
        List<Setting> parsed = new ArrayList<>();
        for (String s : settings) {
            try {
                parsed.add(Setting.parse(s));
            } catch (IllegalArgumentException e) {
                throw UserException.usage("--set " + e.getMessage());
            }
        }
        return parsed;
    }
}
