package org.trialsim.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.Format;
import org.trialsim.protocol.io.ProtocolWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialsim export <id>}: writes a protocol file, the starting point for one's own protocol. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a built-in protocol (or a protocol file, normalised) as YAML or JSON:",
                "the starting point for writing your own protocol."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID|FILE", description = "A built-in protocol id (see 'trialsim protocols') or a protocol file.")
    String protocol;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
            description = "yaml or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        LoadedProtocol loaded = ProtocolArgument.load(protocol);
        String text;
        if (format == Format.YAML && BuiltinProtocols.exists(protocol)) {
            // the built-in's own file, with its comments, which explain where each figure comes from
            text = new String(BuiltinProtocols.text(protocol).orElseThrow(), StandardCharsets.UTF_8);
        } else {
            text = ProtocolWriter.write(loaded.protocol(), format);
        }
        if (out == null) {
            PrintWriter writer = spec.commandLine().getOut();
            writer.print(text);
            writer.flush();
        } else {
            OutputFile.write(out, w -> w.write(text));
        }
        return ExitCode.OK;
    }
}
