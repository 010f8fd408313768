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

    /**
     * Refuses a second output (such as {@code --records}) that goes where the result goes, since one would
     * overwrite (or run into) the other.
     *
     * @param other  the second output's path
     * @param option the second output's option, as the user writes it
     * @param what   what it writes, in words
     */
    void checkApart(Path other, String option, String what) {
        if (OutputFile.isStandardOutput(other)) {
            if (toStandardOutput()) {
                throw UserException.usage(option + " - writes the " + what + " to standard output, where the result goes too;"
                        + " give the result a file with --out FILE");
            }
        } else if (!toStandardOutput() && OutputTarget.resolve(other).sameAs(OutputTarget.resolve(out))) {
            throw UserException.usage("--out and " + option + " both name " + out + "; give each its own file");
        }
    }

    /** Writes the content to standard output, or to the file atomically. */
    void emit(CommandSpec spec, OutputFile.Content content) throws IOException {
        OutputFile.write(out == null ? Path.of(OutputFile.STANDARD_OUTPUT) : out, spec.commandLine().getOut(), content);
    }
}
