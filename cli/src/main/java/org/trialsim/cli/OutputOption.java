package org.trialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where a command's result goes: standard output, or a file written whole or not at all. */
final class OutputOption {
    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the result to this file instead of standard output.")
    Path out;

    /** Writes the content to standard output, or to the file atomically. */
    void emit(CommandSpec spec, OutputFile.Content content) throws IOException {
        if (out == null) {
            PrintWriter writer = spec.commandLine().getOut();
            content.writeTo(writer);
            writer.flush();
        } else {
            OutputFile.write(out, content);
        }
    }
}
