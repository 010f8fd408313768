package org.trialsim.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file all or nothing: the content goes to a temporary file beside the target, which
 * replaces the target only once it is complete, so a failed run never leaves a half-written file.
 */
final class OutputFile {
    /** Writes content to a writer. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private OutputFile() {
    }

    static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserException(ExitCode.IO, "cannot write " + target + ": the directory " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new UserException(ExitCode.IO, "cannot write " + target + ": it is a directory");
        }
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
