/**
 * What a protocol is: immutable records for every part of a protocol file (population, eligibility,
 * risk groups, the pathway of blocks, decisions, allocations and ends, outcomes, follow-up, endpoints
 * and the trial design), the annotations that describe their fields ({@link org.trialsim.protocol.Required},
 * {@link org.trialsim.protocol.Range}), a validated protocol as loaded ({@link org.trialsim.protocol.LoadedProtocol})
 * and its problems. No randomness and no simulation here: reading and writing files is in {@code io},
 * checking them in {@code validation}, conditions in {@code condition}, the built-ins in {@code builtin}.
 */
package org.trialsim.protocol;
