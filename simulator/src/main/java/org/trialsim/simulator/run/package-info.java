/**
 * The one harness that runs simulation work over index ranges: patients of a cohort, replicates of a
 * trial, simulated escalation trials. A range is cut into fixed chunks, worker threads turn chunks into
 * partial results, and the partial results are merged in index order, so that a seed gives the same
 * result for any thread count and a range can run anywhere and be merged later. Progress reporting
 * lives here too.
 */
package org.trialsim.simulator.run;
