package org.trialsim.cli;

/**
 * Runs work a command will need once its simulation has finished on a thread of its own, beside the
 * simulation, so that the result is written sooner: the protocol's content hash, which every result's
 * provenance carries (serializing the whole protocol, 0.1-0.4 s of a short run), and the report
 * writer's first-use work. On two processors with one simulation thread it costs no wall time at all;
 * with a simulation thread on each it takes its share, as it would afterwards.
 *
 * <p>The work must be safe to do twice and keep its result (the content hash is memoized and
 * synchronized): what it throws is ignored here, since the command meets it again where it needs the
 * result, and reports it there.
 */
final class Beforehand {
    private Beforehand() {
    }

    /** Starts the work on a daemon thread, which never keeps the JVM from exiting; the thread is returned for tests. */
    static Thread start(Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // done again, and reported, where the command needs it
            }
        }, "trialsim-beforehand");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
