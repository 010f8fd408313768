/**
 * Trial-design calculators for early-phase trials: {@link org.trialsim.simulator.design.EarlyPhaseAnalysis}
 * runs both parts of a protocol's phase I/II design, using the dose-escalation simulation in
 * {@code design.escalation} and Simon's two-stage design in {@code design.simon}.
 */
package org.trialsim.simulator.design;
