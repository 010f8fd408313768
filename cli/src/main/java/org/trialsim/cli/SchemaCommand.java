package org.trialsim.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.trialsim.protocol.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trialsim schema}: the JSON Schema of protocol files, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema of protocol files, so that editors can check and complete them"
                + " (e.g. '# yaml-language-server: $schema=protocol.schema.json' at the top of a YAML file)."})
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws Exception {
        String schema;
        try (InputStream in = Protocol.class.getResourceAsStream("protocol.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("protocol.schema.json is missing from the jar");
            }
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        output.emit(spec, w -> w.write(schema));
        return ExitCode.OK;
    }
}
