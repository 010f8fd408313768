package org.trialsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where a command's result goes: standard output, or a file written whole or not at all ({@link OutputFile}). */
final class OutputOption {
    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the result to this file instead of standard output ('-': standard output).")
    Path out;

    /** Whether the result goes to standard output. */
    boolean toStandardOutput() {
        return out == null || OutputFile.isStandardOutput(out);
    }

    /** Writes the content to standard output, or to the file atomically. */
    void emit(CommandSpec spec, OutputFile.Content content) throws IOException {
        OutputFile.write(out == null ? Path.of(OutputFile.STANDARD_OUTPUT) : out, spec.commandLine().getOut(), content);
    }
}
