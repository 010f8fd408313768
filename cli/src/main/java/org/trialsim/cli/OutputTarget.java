package org.trialsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * Where an output path really leads, found before anything is written. Symbolic links are followed
 * (whole chains, relative targets resolved from the link's own directory) to the name they finally
 * lead to, so that a link stays a link and its target is what changes. A regular file there, or no file
 * at all, is a {@link Kind#FILE}: replaced all or nothing. Anything else (a character device, a FIFO, an
 * open file of the process reached through {@code /proc/self/fd/N}, where {@code /dev/stdout} leads) is
 * a {@link Kind#STREAM}: written to in place, never replaced or deleted.
 *
 * @param given the path as the user gave it, for messages
 * @param path  the name to write: the file to replace or create, or the node to open
 * @param kind  how it is written
 */
record OutputTarget(Path given, Path path, Kind kind) {
    /** How a target is written. */
    enum Kind {
        /** A regular file, existing or to be created: replaced whole by a complete temporary file. */
        FILE,
        /** A device, FIFO or process's open file: opened and written to as it is. */
        STREAM
    }

    /** The most symbolic links followed from one path: Linux's own limit, so any chain the kernel opens is followed. */
    static final int MAX_LINKS = 40;

    /** Follows the path's symbolic links and says what is there; a place that cannot be written is a {@link UserException} (exit 4). */
    static OutputTarget resolve(Path given) {
        Path path = given.toAbsolutePath();
        Set<Path> followed = new HashSet<>();
        while (true) {
            BasicFileAttributes attributes = attributes(given, path);
            if (attributes == null) {
                return newFile(given, path);
            }
            if (attributes.isSymbolicLink()) {
                if (namesAnOpenFile(path)) {
                    return new OutputTarget(given, path, Kind.STREAM);
                }
                if (!followed.add(path)) {
                    throw new OutputTarget(given, path, Kind.FILE).cannotWrite("its symbolic links form a loop");
                }
                if (followed.size() > MAX_LINKS) {
                    throw new OutputTarget(given, path, Kind.FILE).cannotWrite("it leads through more than " + MAX_LINKS + " symbolic links");
                }
                path = path.resolveSibling(readLink(given, path));
                continue;
            }
            OutputTarget target = new OutputTarget(given, path, attributes.isRegularFile() ? Kind.FILE : Kind.STREAM);
            if (attributes.isDirectory()) {
                throw target.cannotWrite("it is a directory");
            }
            return target;
        }
    }

    /** The same name as another target's: then one output would overwrite the other. */
    boolean sameAs(OutputTarget other) {
        try {
            if (Files.exists(path) && Files.exists(other.path)) {
                return Files.isSameFile(path, other.path);
            }
        } catch (IOException e) {
            // fall back to the names
        }
        return path.normalize().equals(other.path.normalize());
    }

    /** A message naming the target as the user gave it (and where its links lead), never a temporary file. */
    UserException cannotWrite(String why) {
        return new UserException(ExitCode.IO, "cannot write " + describe() + ": " + why);
    }

    /** The path as given, and where it leads when symbolic links were followed. */
    String describe() {
        return path.equals(given.toAbsolutePath()) ? given.toString() : given + " (which leads to " + path + ")";
    }

    /** A file to create: its directory must exist. */
    private static OutputTarget newFile(Path given, Path path) {
        OutputTarget target = new OutputTarget(given, path, Kind.FILE);
        Path dir = path.getParent();
        if (!Files.isDirectory(dir)) {
            boolean linked = !path.equals(given.toAbsolutePath());
            Path shown = linked || given.getParent() == null ? dir : given.getParent();
            throw target.cannotWrite(Files.exists(dir) ? shown + " is not a directory" : "the directory " + shown + " does not exist");
        }
        return target;
    }

    /** The attributes of the name itself (a link is not followed), or null when nothing is there. */
    private static BasicFileAttributes attributes(Path given, Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (!Files.isDirectory(path.getParent())) {
                return null; // such as "file/x": newFile says what is wrong with the directory
            }
            throw new OutputTarget(given, path, Kind.FILE).cannotWrite(OutputFile.reason(e));
        }
    }

    private static Path readLink(Path given, Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw new OutputTarget(given, link, Kind.FILE).cannotWrite(OutputFile.reason(e));
        }
    }

    /**
     * Whether a link lives in /proc, as /proc/self/fd/1 does: such a link names a file the process has
     * open (a terminal, a pipe, a file the shell opened for {@code >>}), not a path; its text, such as
     * "pipe:[1234]", cannot be followed, and opening the link itself reaches that open file.
     */
    private static boolean namesAnOpenFile(Path link) {
        try {
            return "proc".equals(Files.getFileStore(link.getParent()).type());
        } catch (IOException e) {
            return false;
        }
    }
}
