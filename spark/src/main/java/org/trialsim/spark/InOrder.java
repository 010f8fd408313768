package org.trialsim.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.apache.spark.FutureAction;

/**
 * The results of a Spark job's tasks, handed over in partition order: Spark reports each task's result
 * on the driver as it finishes, in any order ({@link #put}); the merge takes them one after the other
 * ({@link #iterator}), waiting for the next in order, and drops each once taken, so the driver holds
 * only the results that finished ahead of a slower earlier range.
 */
final class InOrder implements Iterable<byte[]> {
    /** How often a waiting merge looks whether the job failed (Spark reports a failure to the job, not to this buffer). */
    private static final long RECHECK_MILLIS = 100;

    private final byte[][] results;
    private final IntConsumer finished;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private FutureAction<?> job;

    /**
     * @param parts    the number of tasks
     * @param finished told of each finished task's partition, on the thread that reports it
     */
    InOrder(int parts, IntConsumer finished) {
        this.results = new byte[parts][];
        this.finished = finished;
    }

    /** The job whose failure ends the wait. */
    void watch(FutureAction<?> running) {
        this.job = running;
    }

    /**
     * A task's result (Spark calls this once per partition, for the attempt that succeeded). The task is
     * told finished before its result is handed over: told after, the merge could take the last result
     * and return before the last word of progress, which then came too late for the caller.
     */
    void put(int partition, byte[] result) {
        finished.accept(partition);
        lock.lock();
        try {
            results[partition] = result;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < results.length;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return take(next++);
            }
        };
    }

    private byte[] take(int partition) {
        lock.lock();
        try {
            while (results[partition] == null) {
                if (job != null && job.isCompleted() && results[partition] == null) {
                    failure();
                }
                arrived.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
            byte[] result = results[partition];
            results[partition] = null;
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the Spark job was interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    /** Throws what ended the job, which completed without this partition's result. */
    private void failure() {
        try {
            job.get();
        } catch (Exception e) {
            throw new SparkJobException(e.getCause() != null ? e.getCause() : e);
        }
        throw new IllegalStateException("the Spark job ended without the result of every task");
    }
}
