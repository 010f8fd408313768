package org.trialsim.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;

class LoadedProtocolTest {

    @Test
    void theHashIsComputedWhenFirstAskedForAndOnlyOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch asked = new CountDownLatch(1);
        Function<Protocol, String> hash = p -> {
            calls.incrementAndGet();
            return "h" + calls.get();
        };
        LoadedProtocol loaded = LoadedProtocol.hashedWhenAsked(null, "mine.yaml", List.of(), List.of(), hash);
        assertThat(calls).as("not before it is asked for").hasValue(0);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = pool.invokeAll(List.of(() -> {
                asked.await();
                return loaded.contentHash();
            }, () -> {
                asked.await();
                return loaded.contentHash();
            }, () -> {
                asked.await();
                return loaded.contentHash();
            }, () -> {
                asked.countDown();
                return loaded.contentHash();
            }));
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("h1");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(calls).as("once, whatever the number of threads asking").hasValue(1);
    }

    @Test
    void aLazilyHashedBuiltinHasTheHashOfItsCanonicalForm() throws Exception {
        LoadedProtocol builtin = BuiltinProtocols.load("aall1331");
        byte[] text = BuiltinProtocols.text("aall1331").orElseThrow();
        String reordered = new String(text, UTF_8).replaceFirst("(?m)^(title: .*)\\n(registry: .*)$", "$2\n$1");
        LoadedProtocol same = new ProtocolReader().read("mine.yaml", reordered.getBytes(UTF_8));

        assertThat(reordered).isNotEqualTo(new String(text, UTF_8));
        assertThat(builtin.contentHash()).hasSize(64).isEqualTo(same.contentHash());
    }

    @Test
    void aGivenHashIsKept() {
        assertThat(new LoadedProtocol(null, "test.yaml", "abc", List.of(), List.of()).contentHash()).isEqualTo("abc");
    }
}
