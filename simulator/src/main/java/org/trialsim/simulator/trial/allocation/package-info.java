/**
 * Allocation of the patients of a virtual trial to arms: simple randomization, permuted blocks (fixed or
 * random block sizes), stratified permuted blocks and Pocock–Simon minimization, with any integer
 * allocation ratio.
 *
 * <p>{@link org.trialsim.simulator.trial.allocation.AllocationMethod} says how (from a protocol's
 * {@code design.randomization}, or from a command-line override by
 * {@link org.trialsim.simulator.trial.allocation.AllocationMethod#parse});
 * {@link org.trialsim.simulator.trial.allocation.Allocator#of} makes the stateful allocator of one
 * replicate and one stratum, fed one patient at a time in order of allocation, taking its randomness
 * from the stream it is given; {@link org.trialsim.simulator.trial.allocation.AllocationSummary} is what
 * it reports. Allocation to a single arm and allocation by risk group come from the protocol's
 * allocation node (one allocator per stratum). docs/allocation.md describes each method and the
 * property its tests check.
 */
package org.trialsim.simulator.trial.allocation;
