package org.trialsim.simulator.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one harness that runs simulation work: an {@link IndexRange} (patients, replicates, escalation
 * trials) is cut into chunks of a fixed size, worker threads turn chunks into partial results, and the
 * partial results are handed over in index order on the calling thread. Because the chunks are fixed
 * by the range and the chunk size alone, and the order of hand-over is the index order, a result
 * folded from them is the same for any number of threads; because a partial result covers a range,
 * the same work can be split across processes and merged later.
 *
 * <p>Memory stays bounded whatever the size of the range: a worker takes a new chunk only while fewer
 * than {@code 4 × threads} chunks are waiting to be handed over, so a slow consumer (or a worker that
 * is late with the next chunk in order) holds the others back instead of letting partial results pile up.
 *
 * <pre>{@code
 * CohortAccumulator total = RangeRunner.of(threads, progress)
 *         .reduce(IndexRange.of(patients), 8192, () -> chunk -> simulate(chunk));
 * }</pre>
 */
public final class RangeRunner {
    /** Chunks in flight per thread, at most: enough to keep every thread busy, few enough to bound memory. */
    private static final int AHEAD_PER_THREAD = 4;
    /** How often the consumer looks for a failure while it waits, in case a worker could not signal it. */
    private static final long RECHECK_MILLIS = 50;

    private final int threads;
    private final Progress progress;

    private RangeRunner(int threads, Progress progress) {
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * A harness on the given number of worker threads.
     *
     * @param threads  worker threads, at least 1
     * @param progress told of each finished chunk, from worker threads
     * @throws IllegalArgumentException if threads is not positive or progress is null
     */
    public static RangeRunner of(int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (progress == null) {
            throw new IllegalArgumentException("progress must be given (Progress.NONE to ignore it)");
        }
        return new RangeRunner(threads, progress);
    }

    /**
     * Turns a chunk of the range into its partial result. Each worker thread gets its own worker, which
     * may keep buffers from chunk to chunk; a partial result must not share state with the worker,
     * since the worker goes on with the next chunk while the result waits to be handed over.
     *
     * @param <P> the partial result
     */
    @FunctionalInterface
    public interface Worker<P> {
        /** Simulates the indices of the chunk, in order, and returns what they give. */
        P run(IndexRange chunk);
    }

    /**
     * A partial result that can take in the partial result of the range that follows it.
     *
     * @param <P> the partial result's own type
     */
    public interface Mergeable<P> {
        /** Adds the result of the range that immediately follows this one's. */
        void merge(P next);
    }

    /**
     * Runs the range and merges its chunks' partial results in index order into the first one.
     *
     * @return the merged result, or null for an empty range
     * @throws RuntimeException what a worker threw, or an {@link IllegalStateException} if interrupted
     */
    public <P extends Mergeable<P>> P reduce(IndexRange range, int chunkSize, Supplier<? extends Worker<P>> workers) {
        AtomicReference<P> total = new AtomicReference<>();
        run(range, chunkSize, workers, partial -> {
            if (total.get() == null) {
                total.set(partial);
            } else {
                total.get().merge(partial);
            }
        });
        return total.get();
    }

    /**
     * Runs the range and hands each chunk's partial result to {@code inOrder}, in index order, on the
     * calling thread, while the workers go on with later chunks.
     *
     * @param range     the indices to simulate
     * @param chunkSize indices per chunk, at least 1: part of what the result is when partial results are
     *                  folded with floating-point arithmetic, so fixed by the caller, never by the thread count
     * @param workers   makes one worker per thread
     * @param inOrder   receives the partial results, first chunk first
     * @throws RuntimeException what a worker or the consumer threw (an {@link Error} is rethrown as is),
     *                          or an {@link IllegalStateException} if the calling thread is interrupted
     */
    public <P> void run(IndexRange range, int chunkSize, Supplier<? extends Worker<P>> workers, Consumer<? super P> inOrder) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1, not " + chunkSize);
        }
        long chunks = range.chunks(chunkSize);
        if (chunks == 0) {
            return;
        }
        int pool = (int) Math.min(threads, chunks);
        new Run<P>(range, chunkSize, chunks, pool, workers).handOver(inOrder);
    }

    /** One run: the chunks waiting to be handed over, and what the workers and the consumer share. */
    private final class Run<P> {
        private final IndexRange range;
        private final int chunkSize;
        private final long chunks;
        private final int pool;
        private final Supplier<? extends Worker<P>> workers;
        /** Finished chunks not yet handed over: chunk k in slot k mod length (at most length are in flight). */
        private final AtomicReferenceArray<P> ready;
        /** A worker takes one before a chunk, the consumer gives it back after handing the chunk over. */
        private final Semaphore inFlight;
        private final AtomicLong nextChunk = new AtomicLong();
        private final AtomicLong done = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        /** Workers still running: when none is and a chunk is missing, something stopped them without a word. */
        private final AtomicInteger live;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();

        Run(IndexRange range, int chunkSize, long chunks, int pool, Supplier<? extends Worker<P>> workers) {
            this.range = range;
            this.chunkSize = chunkSize;
            this.chunks = chunks;
            this.pool = pool;
            this.workers = workers;
            int ahead = (int) Math.min(chunks, (long) AHEAD_PER_THREAD * pool);
            this.ready = new AtomicReferenceArray<>(ahead);
            this.inFlight = new Semaphore(ahead);
            this.live = new AtomicInteger(pool);
        }

        void handOver(Consumer<? super P> inOrder) {
            ExecutorService executor = Executors.newFixedThreadPool(pool, r -> {
                Thread t = new Thread(r, "trialsim-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                for (int w = 0; w < pool; w++) {
                    executor.execute(this::work);
                }
                for (long k = 0; k < chunks; k++) {
                    P partial = await(k);
                    inOrder.accept(partial);
                    inFlight.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the simulation was interrupted", e);
            } catch (RuntimeException | Error e) {
                fail(e);
                throw e;
            } finally {
                executor.shutdownNow();
            }
        }

        /**
         * Waits for chunk k, or rethrows what a worker threw. The wait also wakes up every
         * {@value #RECHECK_MILLIS} ms, so that a failure whose signal was lost (a worker out of memory
         * cannot always take the lock) still ends the run.
         */
        private P await(long k) throws InterruptedException {
            int slot = (int) (k % ready.length());
            lock.lock();
            try {
                P partial;
                while ((partial = ready.getAndSet(slot, null)) == null) {
                    rethrowFailure();
                    if (live.get() == 0 && ready.get(slot) == null) {
                        throw new IllegalStateException("the workers stopped before indices from " + range.chunk(k, chunkSize).from()
                                + " were simulated");
                    }
                    changed.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                }
                return partial;
            } finally {
                lock.unlock();
            }
        }

        private void work() {
            try {
                Worker<P> worker = workers.get();
                while (failure.get() == null) {
                    inFlight.acquire();
                    long k = nextChunk.getAndIncrement();
                    if (k >= chunks) {
                        return;
                    }
                    IndexRange chunk = range.chunk(k, chunkSize);
                    P partial = worker.run(chunk);
                    if (partial == null) {
                        throw new IllegalStateException("a worker returned no result for " + chunk);
                    }
                    // progress first: once the last chunk is handed over, every update has been made
                    progress.update(done.addAndGet(chunk.size()), range.size());
                    ready.set((int) (k % ready.length()), partial);
                    signal();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                live.decrementAndGet();
                signal();
            }
        }

        private void fail(Throwable e) {
            failure.compareAndSet(null, e);
            // wake any worker waiting for room; the consumer sees the failure at its next check
            inFlight.release(pool);
            signal();
        }

        /** Wakes the consumer; best effort, since the consumer also checks on its own every few milliseconds. */
        private void signal() {
            try {
                lock.lock();
                try {
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            } catch (Error e) {
                // out of memory even for the lock's queue: the consumer's timed wait finds the failure
            }
        }

        private void rethrowFailure() {
            Throwable e = failure.get();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (e instanceof Error err) {
                throw err;
            }
        }
    }
}
