package org.trialsim.simulator.trial;

import java.io.IOException;
import java.util.List;

/**
 * Receives a trial simulation's per-replicate rows as the replicates are merged: the rows of
 * consecutive replicates in replicate order, on the thread that runs the simulation, whatever the
 * thread count. Nothing is kept once it returns, so memory does not grow with the replicates.
 */
@FunctionalInterface
public interface ReplicateListener {
    /**
     * The rows of the next replicates, in order of replicate, analysis and look.
     *
     * @throws IOException if the rows cannot be written: the simulation stops and rethrows it
     */
    void accept(List<ReplicateLook> rows) throws IOException;
}
