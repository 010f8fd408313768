package org.trialsim.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

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
        Path temp = createBeside(dir, target);
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            keepPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new empty file beside the target, created as any new file is (permissions from the umask, not
     * the owner-only ones of a temporary file), with a name no other run uses.
     */
    private static Path createBeside(Path dir, Path target) throws IOException {
        Path base = dir == null ? Path.of("") : dir;
        for (int attempt = 0; ; attempt++) {
            Path temp = base.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + attempt + ".partial");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** A file that is replaced keeps its permissions. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (Files.exists(target) && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(temp, permissions);
        }
    }
}
