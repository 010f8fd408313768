package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Work done beside a simulation runs on a daemon thread, and what it throws is left to the command to meet again. */
class BeforehandTest {

    @Test
    void runsTheWorkOnADaemonThreadOfItsOwn() throws InterruptedException {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Thread thread = Beforehand.start(() -> ranOn.set(Thread.currentThread()));
        thread.join(10_000);
        assertThat(ranOn.get()).isSameAs(thread).isNotSameAs(Thread.currentThread());
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("trialsim-beforehand");
    }

    @Test
    void whatTheWorkThrowsReachesNoHandlerAndNoStackTrace() throws InterruptedException {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            Beforehand.start(() -> {
                throw new IllegalStateException("cannot hash a protocol");
            }).join(10_000);
            Beforehand.start(() -> {
                throw new NoClassDefFoundError("an extension's class");
            }).join(10_000);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught).isEmpty();
    }
}
