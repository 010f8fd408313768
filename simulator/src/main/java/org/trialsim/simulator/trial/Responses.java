package org.trialsim.simulator.trial;

/** Which patients of a replicate a response analysis counts, and whether each responded. Reused; not thread-safe. */
final class Responses {
    private boolean[] included = new boolean[0];
    private boolean[] responded = new boolean[0];

    /** Makes room for n patients. */
    void resize(int patients) {
        if (included.length < patients) {
            included = new boolean[patients];
            responded = new boolean[patients];
        }
    }

    /** Patient i is not in the analysis. */
    void exclude(int i) {
        included[i] = false;
    }

    /** Patient i is in the analysis and responded or not. */
    void record(int i, boolean response) {
        included[i] = true;
        responded[i] = response;
    }

    boolean included(int i) {
        return included[i];
    }

    boolean responded(int i) {
        return responded[i];
    }
}
