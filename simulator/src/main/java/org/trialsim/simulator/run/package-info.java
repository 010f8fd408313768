/**
 * The one harness that runs simulation work over index ranges: patients of a cohort, replicates of a
 * trial, simulated escalation trials. A range is cut into fixed chunks, worker threads turn chunks into
 * partial results, and the partial results are merged in index order, so that a seed gives the same
 * result for any thread count and a range can run anywhere and be merged later. Progress reporting
 * lives here too, and the {@link org.trialsim.simulator.run.Provenance} a result carries to say how it
 * was run.
 */
package org.trialsim.simulator.run;
