package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.TestProtocols;

/**
 * Every input is read as a stream, never more than one byte past the size limit, whatever it is: a
 * named pipe fed a protocol works, and one fed an endless stream is refused at the limit, at once. The
 * pipes and the device are twins made in a temporary directory, never the machine's own /dev files. The
 * time limit only guards against a hang.
 */
class BoundedReadingTest {
    private static final Duration GUARD = Duration.ofSeconds(30);
    private static final int LIMIT = Limits.DEFAULT.maxBytes();

    private static Path fifo(Path dir, String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
        return fifo;
    }

    /** Writes into the pipe until the reader closes it; returns how many bytes got written. */
    private static CompletableFuture<Long> endlessWriter(Path fifo) {
        return CompletableFuture.supplyAsync(() -> {
            byte[] chunk = "a: 1\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
            long written = 0;
            try (OutputStream out = Files.newOutputStream(fifo)) {
                while (true) {
                    out.write(chunk);
                    written += chunk.length;
                }
            } catch (IOException e) {
                return written; // the reader closed the pipe: a broken pipe ends the stream
            }
        });
    }

    @Test
    void aNamedPipeFedAProtocolIsRead(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir, "protocol.yaml");
        byte[] text = TestProtocols.text(TestProtocols.TWO_ARM).getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        LoadedProtocol loaded = assertTimeoutPreemptively(GUARD, () -> new ProtocolReader().read(fifo));
        writer.get(10, TimeUnit.SECONDS);
        assertThat(loaded.protocol().id()).isEqualTo("two-arm-example");
        assertThat(loaded.source()).isEqualTo(fifo.toString());
    }

    @Test
    void aNamedPipeFedForeverIsRefusedAtTheLimit(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir, "endless.yaml");
        CompletableFuture<Long> writer = endlessWriter(fifo);
        ProtocolException e = assertTimeoutPreemptively(GUARD,
                () -> catchThrowableOfType(ProtocolException.class, () -> new ProtocolReader().read(fifo)));
        long written = writer.get(20, TimeUnit.SECONDS);
        assertThat(e.errors()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("the file is more than 4.0 MiB long; a protocol file may be at most 4.0 MiB");
            assertThat(p.file()).isEqualTo(fifo.toString());
        });
        // the reader stopped at the limit: the writer got no further than that, a pipe buffer and a chunk
        assertThat(written).isLessThan(LIMIT + (1L << 20));
    }

    @Test
    void aZeroDeviceTwinIsRefusedAtTheLimit(@TempDir Path dir) throws Exception {
        Path zero = dir.resolve("zero.yaml");
        Process mknod;
        try {
            // character device 1,5 is what /dev/zero is; made here, it is ours to read
            mknod = new ProcessBuilder("mknod", zero.toString(), "c", "1", "5").redirectErrorStream(true).start();
        } catch (IOException e) {
            mknod = null;
        }
        assumeTrue(mknod != null && mknod.waitFor(10, TimeUnit.SECONDS) && mknod.exitValue() == 0, "mknod needs root");
        ProtocolException e = assertTimeoutPreemptively(GUARD,
                () -> catchThrowableOfType(ProtocolException.class, () -> new ProtocolReader().read(zero)));
        assertThat(e.errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("the file is more than 4.0 MiB long; a protocol file may be at most 4.0 MiB"));
    }

    @Test
    void anEndlessStreamIsReadOnlyToOneBytePastTheLimit() {
        CountingStream endless = new CountingStream();
        ProtocolException e = assertTimeoutPreemptively(GUARD,
                () -> catchThrowableOfType(ProtocolException.class, () -> new ProtocolReader().read("standard input", endless, List.of())));
        assertThat(e.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("standard input");
            assertThat(p.message()).contains("more than 4.0 MiB");
        });
        assertThat(endless.read).isEqualTo(LIMIT + 1L);
    }

    @Test
    void aProtocolOnAStreamIsReadAndNamedAsGiven() throws Exception {
        byte[] text = TestProtocols.text(TestProtocols.TWO_ARM).getBytes(StandardCharsets.UTF_8);
        LoadedProtocol loaded = new ProtocolReader().read("standard input", new ByteArrayInputStream(text), List.of());
        assertThat(loaded.source()).isEqualTo("standard input");
        assertThat(loaded.protocol().id()).isEqualTo("two-arm-example");
    }

    /** An endless stream of spaces that counts what was read from it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            read += len;
            return len;
        }
    }
}
