package org.trialsim.simulator.run;

/** Receives progress of a long run, from worker threads: implementations must be thread-safe and quick. */
@FunctionalInterface
public interface Progress {
    /** Called as work is done: {@code done} of {@code total} units (patients or replicates). */
    void update(long done, long total);

    /** Ignores progress. */
    Progress NONE = (done, total) -> {
    };
}
