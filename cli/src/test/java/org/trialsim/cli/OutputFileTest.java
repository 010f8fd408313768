package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputFileTest {
    private final StringWriter standardOutput = new StringWriter();

    private void write(Path target, String text) throws IOException {
        OutputFile.write(target, new PrintWriter(standardOutput), w -> w.write(text));
    }

    @Test
    void aNewFileHasThePermissionsOfAnyNewFile(@TempDir Path dir) throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        Path out = dir.resolve("result.json");
        write(out, "{}");
        assertThat(Files.readString(out)).isEqualTo("{}");
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @Test
    void aReplacedFileKeepsItsPermissions(@TempDir Path dir) throws IOException {
        Path out = Files.writeString(dir.resolve("result.csv"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        write(out, "new");
        assertThat(Files.readString(out)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoPartialOneAndNamesTheTarget(@TempDir Path dir) throws IOException {
        Path out = Files.writeString(dir.resolve("result.csv"), "old");
        assertThatThrownBy(() -> OutputFile.write(out, new PrintWriter(standardOutput), w -> {
            w.write("half");
            throw new IOException("disk full");
        })).isInstanceOf(UserException.class).hasMessage("cannot write " + out + ": disk full");
        assertThat(Files.readString(out)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void aDashIsStandardOutput(@TempDir Path dir) throws IOException {
        write(Path.of("-"), "to the terminal");
        assertThat(standardOutput).hasToString("to the terminal");
        assertThat(Path.of("-")).doesNotExist();
    }

    /** Links as "name -> target" (ABS/ is the temporary directory), the path given, and the file that must receive the output. */
    static Stream<Arguments> linkChains() {
        List<String> forty = new ArrayList<>();
        IntStream.range(0, 39).forEach(i -> forty.add("l" + i + " -> l" + (i + 1)));
        forty.add("l39 -> data/result.json");
        return Stream.of(
                arguments("an absolute link", List.of("out.json -> ABS/data/result.json"), "out.json", "data/result.json"),
                arguments("a chain of relative links", List.of("a -> b", "b -> sub/../c", "c -> data/result.json"), "a", "data/result.json"),
                arguments("a link in another directory", List.of("links/out.json -> ../data/result.json"), "links/out.json", "data/result.json"),
                arguments("a chain through a linked directory", List.of("alias -> data", "out.json -> alias/result.json"), "out.json",
                        "data/result.json"),
                arguments("a dangling link (its target is created, as a shell's > does)", List.of("out.json -> data/new.json"), "out.json",
                        "data/new.json"),
                arguments("40 links, as many as Linux follows", forty, "l0", "data/result.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linkChains")
    void aSymbolicLinkStaysALinkAndTheFileItLeadsToIsReplaced(String name, List<String> links, String given, String real,
            @TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("sub"));
        Files.createDirectories(dir.resolve("links"));
        Files.writeString(dir.resolve("data/result.json"), "old");
        for (String link : links) {
            String[] parts = link.split(" -> ");
            Files.createSymbolicLink(dir.resolve(parts[0]), Path.of(parts[1].replace("ABS", dir.toString())));
        }
        List<String> before = texts(dir, links);
        List<String> partialsWhileWriting = new ArrayList<>();

        OutputFile.write(dir.resolve(given), new PrintWriter(standardOutput), w -> {
            partialsWhileWriting.addAll(partialFiles(dir));
            w.write("new");
        });

        assertThat(texts(dir, links)).isEqualTo(before);
        assertThat(Files.readString(dir.resolve(real))).isEqualTo("new");
        Path realPath = Path.of(real);
        assertThat(partialsWhileWriting).as("a partial file beside the real target").singleElement().asString()
                .startsWith(realPath.resolveSibling("." + realPath.getFileName()) + ".");
        assertThat(partialFiles(dir)).isEmpty();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsWrittenToAndStaysAFifo(@TempDir Path dir) throws Exception {
        Path fifo = DeviceTwins.fifo(dir.resolve("pipe"));
        Object inode = DeviceTwins.inode(fifo);
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        write(fifo, "through the pipe");
        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("through the pipe");
        assertThat(DeviceTwins.type(fifo)).isEqualTo(DeviceTwins.FIFO);
        assertThat(DeviceTwins.inode(fifo)).isEqualTo(inode);
        assertThat(partialFiles(dir)).isEmpty();
    }

    @ParameterizedTest(name = "through a symbolic link: {0}")
    @ValueSource(booleans = {false, true})
    void aCharacterDeviceIsWrittenToAndNeverReplaced(boolean throughLink, @TempDir Path dir) throws Exception {
        Path device = DeviceTwins.nullDevice(dir.resolve("null"));
        Object inode = DeviceTwins.inode(device);
        Object numbers = Files.getAttribute(device, "unix:rdev");
        Path given = throughLink ? Files.createSymbolicLink(dir.resolve("link"), device) : device;
        write(given, "into nothing");
        assertThat(DeviceTwins.type(device)).isEqualTo(DeviceTwins.CHARACTER_DEVICE);
        assertThat(DeviceTwins.inode(device)).isEqualTo(inode);
        assertThat(Files.getAttribute(device, "unix:rdev")).isEqualTo(numbers);
        assertThat(Files.isSymbolicLink(given)).isEqualTo(throughLink);
        assertThat(partialFiles(dir)).isEmpty();
    }

    /**
     * /dev/stdout leads to /proc/self/fd/1; here a twin link leads to /proc/self/fd/N, a descriptor this
     * process holds open on a file of the test, as a shell holds one open for {@code >> log}.
     */
    @ParameterizedTest(name = "through a link like /dev/stdout: {0}")
    @ValueSource(booleans = {false, true})
    void anOpenFileOfTheProcessIsWrittenToInPlaceAfterWhatItHolds(boolean throughLink, @TempDir Path dir) throws IOException {
        Path log = dir.resolve("log.txt");
        try (FileOutputStream held = new FileOutputStream(log.toFile())) {
            held.write("before. ".getBytes(StandardCharsets.UTF_8));
            Path descriptor = DeviceTwins.descriptorOf(log);
            Path given = throughLink ? Files.createSymbolicLink(dir.resolve("stdout"), descriptor) : descriptor;
            Object inode = DeviceTwins.inode(log);

            write(given, "the result");

            assertThat(Files.readString(log)).isEqualTo("before. the result");
            assertThat(DeviceTwins.inode(log)).isEqualTo(inode);
            if (throughLink) {
                assertThat(Files.readSymbolicLink(given)).isEqualTo(descriptor);
            }
        }
        assertThat(partialFiles(dir)).isEmpty();
    }

    @Test
    void anAbandonedPartialFileIsRemovedByTheNextWriteOfItsTarget(@TempDir Path dir) throws Exception {
        assumeTrue(DeviceTwins.onPath("true"), "true is not installed: this case is skipped");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long dead = gone.pid();
        assumeTrue(ProcessHandle.of(dead).isEmpty(), "the process id was reused at once");
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        long ours = ProcessHandle.current().pid();
        Path abandoned = Files.writeString(dir.resolve(".result.json." + dead + ".0.partial"), "half");
        Path abandonedToo = Files.writeString(dir.resolve(".result.json." + dead + ".12.partial"), "half");
        Path ofAnEarlierProcessWithOurId = Files.writeString(dir.resolve(".result.json." + ours + ".3.partial"), "half");
        Path stillBeingWritten = Files.writeString(dir.resolve(".result.json." + alive + ".57.partial"), "half");
        Path anotherTargets = Files.writeString(dir.resolve(".other.json." + dead + ".0.partial"), "half");
        Path notOurs = Files.writeString(dir.resolve(".result.json." + dead + ".0.partial.keep"), "mine");

        write(dir.resolve("result.json"), "{}");

        assertThat(abandoned).doesNotExist();
        assertThat(abandonedToo).doesNotExist();
        assertThat(ofAnEarlierProcessWithOurId).doesNotExist();
        assertThat(stillBeingWritten).exists();
        assertThat(anotherTargets).exists();
        assertThat(notOurs).exists();
        assertThat(dir.resolve("result.json")).hasContent("{}");
    }

    @Test
    void theShutdownHookIsRegisteredOnlyWhileThePartialFileExists(@TempDir Path dir) throws IOException {
        PartialFile partial = PartialFile.createBeside(dir.resolve("result.json"));
        assertThat(partial.path()).exists();
        assertThat(partial.path().getFileName().toString()).isEqualTo(".result.json." + ProcessHandle.current().pid() + ".0.partial");
        assertThat(Runtime.getRuntime().removeShutdownHook(partial.cleanup)).as("registered while the file exists").isTrue();
        Runtime.getRuntime().addShutdownHook(partial.cleanup);

        partial.close();

        assertThat(partial.path()).doesNotExist();
        assertThat(Runtime.getRuntime().removeShutdownHook(partial.cleanup)).as("registered after close").isFalse();
    }

    @Test
    void aDirectoryWhereNoFileCanBeCreatedIsAClearErrorThatLeavesNothing(@TempDir Path dir) throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path out = Files.writeString(locked.resolve("result.json"), "old");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            DeviceTwins.run("chattr", "+i", locked.toString()); // root ignores permission bits, not the immutable flag
        } else {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            var before = DeviceTwins.listing(dir);
            UserException e = catchThrowableOfType(() -> write(out, "new"), UserException.class);
            assertThat(e.exitCode()).isEqualTo(ExitCode.IO);
            assertThat(e.getMessage()).startsWith("cannot write " + out + ": no file can be created in " + locked + " (")
                    .doesNotContain(".partial");
            assertThat(DeviceTwins.listing(dir)).isEqualTo(before);
            assertThat(out).hasContent("old");
        } finally {
            if (root) {
                DeviceTwins.run("chattr", "-i", locked.toString());
            } else {
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static List<String> texts(Path dir, List<String> links) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String link : links) {
            Path p = dir.resolve(link.split(" -> ")[0]);
            texts.add(Files.isSymbolicLink(p) + " " + Files.readSymbolicLink(p));
        }
        return texts;
    }

    /** The partial files under the directory, relative to it. */
    static List<String> partialFiles(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".partial")).map(p -> dir.relativize(p).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
