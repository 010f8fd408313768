/**
 * The statistical analyses a virtual trial runs at a data cut, and group-sequential boundaries.
 *
 * <p>Two-arm survival: {@link org.trialsim.simulator.analysis.SurvivalData} sorts a cut once; then
 * {@link org.trialsim.simulator.analysis.LogRankTest} (stratified or not),
 * {@link org.trialsim.simulator.analysis.CoxModel} (Efron or Breslow ties) and
 * {@link org.trialsim.simulator.analysis.KaplanMeier} (landmark difference) read it. Single arm
 * against history: {@link org.trialsim.simulator.analysis.OneSampleLogRank} with a
 * {@link org.trialsim.simulator.hazard.PiecewiseConstantHazard} reference, and
 * {@link org.trialsim.simulator.analysis.ExactBinomialTest}; response rates between arms:
 * {@link org.trialsim.simulator.analysis.FisherExactTest}. Interim looks:
 * {@link org.trialsim.simulator.analysis.GroupSequentialDesign} with a
 * {@link org.trialsim.simulator.analysis.SpendingFunction}; event counts and power:
 * {@link org.trialsim.simulator.analysis.SurvivalPower}.
 *
 * <p>Conventions: arm 0 is control and arm 1 experimental. Hazard-based z statistics (log-rank,
 * Cox, one-sample log-rank) are negative when the experimental arm (or the sample) does better;
 * the Kaplan–Meier difference z and the group-sequential statistics are positive when it does
 * better. One-sided p-values named {@code pOneSided} are against the alternative that the
 * experimental arm (or the single-arm sample) is better; the exact tests give both tails
 * ({@code pGreater}, {@code pLess}).
 * Results are immutable; every routine is checked against R ({@code survival}, {@code stats},
 * {@code rpact}) with the calls in the tests. See {@code docs/analyses.md}.
 */
package org.trialsim.simulator.analysis;
