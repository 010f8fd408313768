package org.trialsim.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes an output where the user asked ({@code --out}, {@code --records}): {@code -} is standard
 * output; a regular file (or a new one) is written all or nothing, through a complete temporary file
 * beside it that replaces it in one rename, so a failed or interrupted run never leaves a half-written
 * file; a device, a FIFO or {@code /dev/stdout} is written to in place and never replaced
 * ({@link OutputTarget}). Every message names the target as the user gave it, never the temporary file.
 */
final class OutputFile {
    /** Writes content to a writer. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** The path that means standard output. */
    static final String STANDARD_OUTPUT = "-";

    private OutputFile() {
    }

    static boolean isStandardOutput(Path given) {
        return given.toString().equals(STANDARD_OUTPUT);
    }

    /** Writes the content to the path given, or to standard output for {@code -}; a place that cannot be written is a {@link UserException} (exit 4). */
    static void write(Path given, PrintWriter standardOutput, Content content) throws IOException {
        if (isStandardOutput(given)) {
            content.writeTo(standardOutput);
            standardOutput.flush();
            return;
        }
        OutputTarget target = OutputTarget.resolve(given);
        switch (target.kind()) {
            case FILE -> replace(target, content);
            case STREAM -> stream(target, content);
        }
    }

    private static void replace(OutputTarget target, Content content) {
        Path file = target.path();
        PartialFile.removeAbandoned(file);
        PartialFile partial;
        try {
            partial = PartialFile.createBeside(file);
        } catch (IOException e) {
            throw target.cannotWrite("no file can be created in " + file.getParent() + " (" + reason(e) + ")");
        }
        try (partial) {
            partial.write(content);
            partial.replace(file);
        } catch (IOException e) {
            throw target.cannotWrite(reason(e));
        }
    }

    /**
     * Opened without truncating and in append mode: a device or a FIFO ignores both, and a file the shell
     * opened for this process ({@code --out /dev/stdout >> log}) keeps what it holds, as the process's
     * own writes to it would.
     */
    private static void stream(OutputTarget target, Content content) {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(target.path(), StandardOpenOption.WRITE, StandardOpenOption.APPEND), StandardCharsets.UTF_8))) {
            content.writeTo(out);
        } catch (IOException e) {
            throw target.cannotWrite(reason(e));
        }
    }

    /** What went wrong, in the operating system's words but without the file's name (which may be the temporary file's). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return reason.length() > 1 && Character.isLowerCase(reason.charAt(1))
                ? reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1) : reason;
    }
}
