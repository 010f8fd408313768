/**
 * Phase I dose escalation in calendar time: the rolling six (Skolnik et al., J Clin Oncol
 * 2008;26:190-195) and the traditional 3+3, simulated as discrete-event trials in which patients arrive
 * at random, wait out a DLT window before their answer is known, and are lost or wait when no slot is
 * open.
 *
 * <p>{@link org.trialsim.simulator.design.escalation.EscalationSimulation} is the way in: give it an
 * {@link org.trialsim.simulator.design.escalation.EscalationScenario} and get an
 * {@link org.trialsim.simulator.design.escalation.EscalationResult} with the probability of choosing each
 * level as the MTD, patients, DLTs, duration and suspended accrual, each with its Monte Carlo standard
 * error. The decision grids are tables (package-private {@code DecisionRules}), checked for completeness
 * when loaded. Two designs run on the same patients (common random numbers) for a paired comparison.
 */
package org.trialsim.simulator.design.escalation;
