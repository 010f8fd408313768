package org.trialsim.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary file an output is written to before it replaces its target: {@code .NAME.PID.N.partial}
 * beside the target, so that the final rename stays within one directory (and so is atomic) and the
 * name says which process wrote it. While it exists a shutdown hook removes it, so that a run stopped by
 * SIGTERM or Ctrl-C leaves nothing behind; a run killed outright (SIGKILL, a power cut) leaves it, and the
 * next write of the same target removes it once that process is gone.
 */
final class PartialFile implements Closeable {
    /** The most names tried for one target by one process (a name is taken only while another write of this process uses it). */
    static final int MAX_ATTEMPTS = 100;
    /** The partial files this process is writing; any other file with its process id was left by an earlier process with the same id. */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private final Path path;
    /** Removes the file if the JVM shuts down while it exists; registered from before creation to {@link #close()}. */
    final Thread cleanup;
    /** Set by the shutdown hook; guarded by this, so that the file is either created before the hook removes it or never. */
    private boolean stopping;

    private PartialFile(Path path) {
        this.path = path;
        this.cleanup = new Thread(this::removeAtShutdown, "trialsim-remove-partial-file");
    }

    /**
     * A new empty file beside the target, created as any new file is (permissions from the umask). Its
     * shutdown hook is registered before the file is created, so that there is no moment when the file
     * exists and a SIGTERM would leave it behind.
     */
    static PartialFile createBeside(Path target) throws IOException {
        String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
        for (int attempt = 0; ; attempt++) {
            PartialFile partial = new PartialFile(target.resolveSibling(prefix + attempt + ".partial"));
            try {
                Runtime.getRuntime().addShutdownHook(partial.cleanup);
            } catch (IllegalStateException shuttingDown) {
                throw stopped();
            }
            try {
                partial.create();
                return partial;
            } catch (FileAlreadyExistsException e) {
                partial.unregister();
                if (attempt + 1 >= MAX_ATTEMPTS) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                partial.unregister();
                throw e;
            }
        }
    }

    Path path() {
        return path;
    }

    /** Writes the content in UTF-8 and forces it to disk, so that the rename never exposes a file whose data is not there yet. */
    void write(OutputFile.Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
                Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8))) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    /** Replaces the target by this file in one atomic rename; a replaced file keeps its permissions. */
    void replace(Path target) throws IOException {
        if (Files.exists(target) && Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, Files.getPosixFilePermissions(target));
        }
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
    }

    /** Removes the file if it is still there (the write failed) and the shutdown hook with it. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(path);
        } finally {
            WRITING.remove(path);
            unregister();
        }
    }

    /**
     * Removes the partial files of this target left by processes that are no longer alive (killed
     * outright). A file whose process is alive may still be written, and is left alone; one with this
     * process's own id that it is not writing is a leftover of an earlier process that had the same id
     * (in a container every run may be process 1).
     */
    static void removeAbandoned(Path target) {
        Pattern name = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.(\\d{1,18})\\.\\d+\\.partial");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target.getParent(),
                entry -> name.matcher(entry.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                Matcher m = name.matcher(entry.getFileName().toString());
                if (m.matches() && abandoned(entry, Long.parseLong(m.group(1))) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.deleteIfExists(entry);
                    } catch (IOException e) {
                        // an old leftover that cannot be removed is no reason to fail this write
                    }
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // nor is a directory that cannot be listed (the write then says what is wrong)
        }
    }

    private static boolean abandoned(Path partial, long pid) {
        return pid == ProcessHandle.current().pid() ? !WRITING.contains(partial) : ProcessHandle.of(pid).isEmpty();
    }

    private synchronized void create() throws IOException {
        if (stopping) {
            throw stopped();
        }
        // claimed before the file exists, so that no other write of this process takes it for a leftover
        if (!WRITING.add(path)) {
            throw new FileAlreadyExistsException(path.toString());
        }
        try {
            Files.createFile(path);
        } catch (IOException | RuntimeException e) {
            WRITING.remove(path);
            throw e;
        }
    }

    private synchronized void removeAtShutdown() {
        stopping = true;
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the JVM is exiting: nothing more can be done
        }
    }

    private void unregister() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it removes the file
        }
    }

    private static IOException stopped() {
        return new IOException("the run is being stopped");
    }

    /** Forces the directory entry of the rename to disk too; a file system that cannot sync a directory has the file's data already. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // see above
        }
    }
}
