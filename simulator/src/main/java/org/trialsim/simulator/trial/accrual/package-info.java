/**
 * Accrual of a virtual trial in calendar time: patients arriving as a Poisson process with a linear
 * ramp-up while sites open and piecewise constant rates afterwards, up to the sample size, and each
 * enrolled patient's time to loss to follow-up.
 *
 * <p>{@link org.trialsim.simulator.trial.accrual.AccrualPlan} is the configuration (from a protocol's
 * {@code design.accrual} or built directly); {@link org.trialsim.simulator.trial.accrual.AccrualProcess}
 * samples it into the caller's primitive arrays, so that a trial engine running 10⁴–10⁵ replicates
 * reuses its buffers. docs/allocation.md describes the process and how its tests check it.
 */
package org.trialsim.simulator.trial.accrual;
