package org.trialsim.simulator.explore;

/**
 * A folder that an exploration cannot run into or merge from: not an exploration's folder, of another
 * sweep (the message says which field changed), a shard missing, given twice or unfinished, or a
 * damaged file. Nothing has been written or deleted when it is thrown.
 */
public final class ExplorationFolderException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExplorationFolderException(String message) {
        super(message);
    }
}
