package org.trialsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.Limits;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.calibration.Fitting;

/**
 * Resolves a {@code <id|file>} argument: a built-in protocol's id, {@code -} for standard input, or the
 * path of a protocol file (a regular file, a named pipe or a process substitution such as {@code <(...)}).
 */
final class ProtocolArgument {
    /** The argument that means standard input. */
    static final String STANDARD_INPUT = "-";
    /** What standard input is called in messages and in the provenance of results. */
    static final String STANDARD_INPUT_NAME = "standard input";

    private ProtocolArgument() {
    }

    /** Loads the built-in with that id, or else the file at that path. */
    static LoadedProtocol load(String idOrFile) throws IOException, ProtocolException {
        return load(idOrFile, List.of());
    }

    /** Loads the built-in or file, with changes given by --set. */
    static LoadedProtocol load(String idOrFile, List<Setting> settings) throws IOException, ProtocolException {
        if (BuiltinProtocols.exists(idOrFile)) {
            return BuiltinProtocols.load(idOrFile, settings);
        }
        if (idOrFile.equals(STANDARD_INPUT)) {
            return new ProtocolReader().read(STANDARD_INPUT_NAME, System.in, settings);
        }
        return new ProtocolReader().read(file(idOrFile), settings);
    }

    /**
     * Loads the built-in or file with the --set changes and then any others, as often as asked: a file or
     * standard input is read once (within the size limit), and its bytes read again at each load.
     */
    static Fitting.Loader loader(String idOrFile, List<Setting> settings) throws IOException {
        if (BuiltinProtocols.exists(idOrFile)) {
            return changes -> BuiltinProtocols.load(idOrFile, concat(settings, changes));
        }
        String name = idOrFile.equals(STANDARD_INPUT) ? STANDARD_INPUT_NAME : file(idOrFile).toString();
        byte[] bytes;
        try (InputStream in = idOrFile.equals(STANDARD_INPUT) ? System.in : Files.newInputStream(file(idOrFile))) {
            bytes = in.readNBytes(Limits.DEFAULT.maxBytes() + 1);
        }
        return changes -> new ProtocolReader().read(name, bytes, concat(settings, changes));
    }

    private static List<Setting> concat(List<Setting> first, List<Setting> then) {
        List<Setting> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** The path of a protocol file that exists and is not a directory. */
    private static Path file(String idOrFile) {
        Path path = Path.of(idOrFile);
        if (!Files.exists(path)) {
            throw new UserException(ExitCode.IO, "'" + idOrFile + "' is neither a built-in protocol nor an existing file;"
                    + " the built-ins are " + String.join(", ", BuiltinProtocols.IDS) + " (see 'trialsim protocols')");
        }
        if (Files.isDirectory(path)) {
            throw new UserException(ExitCode.IO, "'" + idOrFile + "' is a directory, not a protocol file");
        }
        return path;
    }
}
