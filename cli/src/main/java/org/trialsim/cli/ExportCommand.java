package org.trialsim.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.Format;
import org.trialsim.protocol.io.ProtocolWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialsim export <id>}: writes a protocol file, the starting point for one's own protocol. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a built-in protocol (or a protocol file, normalised) as YAML or JSON: the starting point for"
                + " writing your own protocol. With --set, the changed protocol is written (normalised, without the"
                + " built-in's comments)."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProtocolSource source;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "yaml",
            description = "yaml or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws Exception {
        LoadedProtocol loaded = source.load();
        String text;
        if (format == Format.YAML && BuiltinProtocols.exists(source.protocol) && !source.changed()) {
            // the built-in's own file, with its comments, which explain where each figure comes from
            text = new String(BuiltinProtocols.text(source.protocol).orElseThrow(), StandardCharsets.UTF_8);
        } else {
            text = ProtocolWriter.write(loaded.protocol(), format);
        }
        output.emit(spec, w -> w.write(text));
        return ExitCode.OK;
    }
}
