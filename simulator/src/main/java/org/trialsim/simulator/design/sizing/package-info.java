/**
 * Analytic sample size and power of two-arm survival comparisons and of one- and two-sample comparisons
 * of rates, fixed or group-sequential, as rpact's {@code getSampleSizeSurvival}, {@code getPowerSurvival}
 * and {@code getSampleSizeRates} compute them: {@link org.trialsim.simulator.design.sizing.SurvivalSizing}
 * and {@link org.trialsim.simulator.design.sizing.RatesSizing}. The group-sequential bounds and their
 * inflation of the maximum information come from {@code simulator.analysis.GroupSequentialDesign}; time
 * is in months throughout.
 */
package org.trialsim.simulator.design.sizing;
