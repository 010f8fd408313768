package org.trialsim.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeRunnerTest {

    /** A partial result that remembers the chunks it holds, in the order merged. */
    private static final class Chunks implements RangeRunner.Mergeable<Chunks> {
        final List<IndexRange> ranges = new ArrayList<>();
        double sum;

        @Override
        public void merge(Chunks next) {
            ranges.addAll(next.ranges);
            sum += next.sum;
        }
    }

    private static Chunks chunk(IndexRange range) {
        Chunks c = new Chunks();
        c.ranges.add(range);
        for (long i = range.from(); i < range.to(); i++) {
            // a floating-point sum whose value depends on the order of addition
            c.sum += 1.0 / (i + 1) + 1e-17 * i;
        }
        return c;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void chunksAreHandedOverInIndexOrderWhateverTheThreadCount(int threads) {
        Chunks total = RangeRunner.of(threads, Progress.NONE).reduce(new IndexRange(5, 1005), 7, () -> RangeRunnerTest::chunk);
        assertThat(total.ranges).hasSize(143);
        for (int k = 0; k < total.ranges.size(); k++) {
            assertThat(total.ranges.get(k)).isEqualTo(new IndexRange(5 + 7L * k, Math.min(1005, 5 + 7L * (k + 1))));
        }
        Chunks oneThread = RangeRunner.of(1, Progress.NONE).reduce(new IndexRange(5, 1005), 7, () -> RangeRunnerTest::chunk);
        assertThat(total.sum).isEqualTo(oneThread.sum);
    }

    @Test
    void aWorkerStaysOnOneThreadAndThereAreNoMoreWorkersThanThreadsOrChunks() {
        Map<Object, Set<Thread>> threadsOfWorker = new ConcurrentHashMap<>();
        RangeRunner.of(3, Progress.NONE).run(IndexRange.of(300), 10, () -> new RangeRunner.Worker<IndexRange>() {
            @Override
            public IndexRange run(IndexRange chunk) {
                threadsOfWorker.computeIfAbsent(this, w -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread());
                return chunk;
            }
        }, c -> { });
        assertThat(threadsOfWorker).hasSizeBetween(1, 3);
        assertThat(threadsOfWorker.values()).allSatisfy(threads -> assertThat(threads).hasSize(1));
        AtomicInteger made = new AtomicInteger();
        RangeRunner.of(8, Progress.NONE).run(IndexRange.of(15), 10, () -> {
            made.incrementAndGet();
            return RangeRunnerTest::chunk;
        }, c -> { });
        assertThat(made.get()).isBetween(1, 2);
    }

    @Test
    void anEmptyRangeRunsNothing() {
        assertThat(RangeRunner.of(2, Progress.NONE).reduce(IndexRange.of(0), 10, () -> RangeRunnerTest::chunk)).isNull();
    }

    @Test
    void partialResultsWaitingForTheConsumerAreBounded() {
        // a slow consumer: the workers may get at most 4 chunks per thread ahead of it
        AtomicLong produced = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        AtomicLong mostAhead = new AtomicLong();
        RangeRunner.of(2, Progress.NONE).run(IndexRange.of(2000), 1, () -> range -> {
            long ahead = produced.incrementAndGet() - consumed.get();
            mostAhead.accumulateAndGet(ahead, Math::max);
            return range;
        }, range -> {
            for (int spin = 0; spin < 20_000; spin++) {
                Thread.onSpinWait();
            }
            consumed.incrementAndGet();
        });
        assertThat(consumed.get()).isEqualTo(2000);
        assertThat(mostAhead.get()).isLessThanOrEqualTo(8);
    }

    @Test
    void progressCountsEveryIndexOnce() {
        AtomicLong last = new AtomicLong();
        AtomicLong total = new AtomicLong();
        RangeRunner.of(2, (done, of) -> {
            last.accumulateAndGet(done, Math::max);
            total.set(of);
        }).run(IndexRange.of(1001), 10, () -> RangeRunnerTest::chunk, c -> { });
        assertThat(last.get()).isEqualTo(1001);
        assertThat(total.get()).isEqualTo(1001);
    }

    @Test
    void whatAWorkerThrowsReachesTheCaller() {
        assertThatThrownBy(() -> RangeRunner.of(2, Progress.NONE).run(IndexRange.of(1000), 10, () -> range -> {
            if (range.from() == 500) {
                throw new IllegalArgumentException("bad index " + range.from());
            }
            return range;
        }, c -> { })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad index 500");
    }

    @Test
    void whatTheConsumerThrowsStopsTheRun() {
        AtomicLong simulated = new AtomicLong();
        assertThatThrownBy(() -> RangeRunner.of(2, Progress.NONE).run(IndexRange.of(100_000), 1, () -> range -> {
            simulated.incrementAndGet();
            return range;
        }, range -> {
            if (range.from() == 3) {
                throw new IllegalStateException("full");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("full");
        assertThat(simulated.get()).isLessThan(100);
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> RangeRunner.of(0, Progress.NONE)).hasMessageContaining("threads");
        assertThatThrownBy(() -> RangeRunner.of(1, null)).hasMessageContaining("progress");
        assertThatThrownBy(() -> new IndexRange(5, 4)).hasMessageContaining("[5, 4)");
        assertThatThrownBy(() -> RangeRunner.of(1, Progress.NONE).run(IndexRange.of(5), 0, () -> r -> r, c -> { }))
                .hasMessageContaining("chunkSize");
    }
}
