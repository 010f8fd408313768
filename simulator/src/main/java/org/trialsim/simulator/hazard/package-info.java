/**
 * Hazard curves as the simulator uses them: piecewise-constant hazards per day, built from a protocol's
 * rates or survival landmarks, with their cumulative hazard and its inverse. Below both the patient
 * engine (which spends Exp(1) budgets against them) and the analyses (the one-sample log-rank test's
 * expected events).
 */
package org.trialsim.simulator.hazard;
