package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stand-ins for special files, made in a test's temporary directory: a FIFO, a character device with
 * the numbers of /dev/null, and the process's own open files under /proc/self/fd. Tests never touch the
 * machine's real /dev files. A case whose tool is missing is skipped, saying so.
 */
final class DeviceTwins {
    private static final int TYPE_MASK = 0170000;
    static final int FIFO = 0010000;
    static final int CHARACTER_DEVICE = 0020000;
    static final int REGULAR_FILE = 0100000;

    private DeviceTwins() {
    }

    static Path fifo(Path path) throws IOException, InterruptedException {
        run("mkfifo", path.toString());
        return path;
    }

    /** A character device with the numbers of /dev/null (1, 3): writes to it vanish. */
    static Path nullDevice(Path path) throws IOException, InterruptedException {
        run("mknod", path.toString(), "c", "1", "3");
        return path;
    }

    /** The name of this process's file descriptor open on the file, /proc/self/fd/N. */
    static Path descriptorOf(Path file) throws IOException {
        Path real = file.toRealPath();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).equals(real)) {
                        return Path.of("/proc/self/fd").resolve(fd.getFileName());
                    }
                } catch (IOException e) {
                    // a descriptor closed while listing
                }
            }
        }
        throw new AssertionError("no descriptor of this process is open on " + file);
    }

    /** The file type bits of the name itself (a link is not followed). */
    static int type(Path path) throws IOException {
        return (int) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & TYPE_MASK;
    }

    static Object inode(Path path) throws IOException {
        return Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    /** Every name under the directory, with its type, so that a test sees anything created, removed or replaced. */
    static TreeSet<String> listing(Path dir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                names.add(dir.relativize(p) + " " + Integer.toOctalString(type(p)) + " " + inode(p));
            }
        }
        return names;
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static void run(String... command) throws IOException, InterruptedException {
        assumeTrue(onPath(command[0]), command[0] + " is not installed: this case is skipped");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
