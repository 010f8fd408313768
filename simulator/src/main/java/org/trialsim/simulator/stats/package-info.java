/**
 * Survival and proportion statistics for simulated cohorts: what the cohort engine accumulates per
 * patient and what a report prints.
 *
 * <ul>
 *   <li>{@link org.trialsim.simulator.stats.SurvivalAccumulator}: counts times and statuses (censored,
 *       or a cause of event) in whole-day bins in a fixed-size array; one per worker shard and endpoint
 *       (EFS, DFS, OS), merged exactly in any order, with no allocation per patient.
 *   <li>{@link org.trialsim.simulator.stats.SurvivalCurve}: from an accumulator, the Kaplan–Meier
 *       survival (Greenwood variance) or the Aalen–Johansen cumulative incidence of a cause (delta-method
 *       variance), read at landmarks or on a grid as {@link org.trialsim.simulator.stats.CurvePoint}s
 *       with number at risk, events and a confidence interval of a chosen
 *       {@link org.trialsim.simulator.stats.ConfidenceTransform}.
 *   <li>{@link org.trialsim.simulator.stats.BinomialIntervals}: Wilson and Clopper–Pearson intervals
 *       for proportions; {@link org.trialsim.simulator.stats.MonteCarloError}: standard errors of
 *       simulated means and proportions; {@link org.trialsim.simulator.stats.Estimate}: a value with its
 *       Monte Carlo standard error, as every simulated result reports it.
 * </ul>
 *
 * <p>Conventions: time in days from an origin; an observation at time {@code t} falls in day bin
 * {@code ceil(t)}; events before censorings in the same bin (as R's {@code survival} package);
 * 95% intervals on the log-log scale by default. The estimators agree with R's
 * {@code survfit(Surv(ceiling(t), status) ~ 1)} (survival 3.5) to rounding.
 */
package org.trialsim.simulator.stats;
