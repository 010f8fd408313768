/**
 * Calibration: a protocol's published targets compared with a simulated cohort, each with the
 * interval a trial of its own size would see and a verdict ({@link org.trialsim.simulator.calibration.Calibration}).
 */
package org.trialsim.simulator.calibration;
