package org.trialsim.simulator.explore;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.trialsim.simulator.run.Provenance;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.trial.TrialResult;

/**
 * The result of an exploration: every cell's operating characteristics, the paired differences
 * between designs in each scenario, and each design's worst case with its rank. Immutable; its JSON
 * form is the stable output of {@code trialsim explore} (docs/explore.md).
 *
 * @param sweep          the sweep file, or what the sweep was made from
 * @param provenance     the protocol as written (before any cell's changes), the seed and the replicates per cell
 * @param analysis       the analysis (from 1) the figures, differences and ranking are about
 * @param analysisLabel  what it compares
 * @param objective      what the ranking minimizes: expected patients, events or months, in the worst scenario
 * @param minPower       the constraint on the worst power, or null
 * @param maxTypeIError  the constraint on the worst type I error, or null
 * @param cells          every cell, in the sweep's order
 * @param differences    in each scenario, each design against the first design there
 * @param designs        each design's worst case, in the sweep's order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExploreResult(String sweep, Provenance provenance, int analysis, String analysisLabel, String objective, Double minPower,
                            Double maxTypeIError, List<Cell> cells, List<Difference> differences, List<Design> designs) {
    public ExploreResult {
        cells = List.copyOf(cells);
        differences = List.copyOf(differences);
        designs = List.copyOf(designs);
    }

    /**
     * One cell.
     *
     * @param name           each axis and its value
     * @param design         the values of the design axes
     * @param scenario       the values of the scenario axes
     * @param nullHypothesis whether it was simulated under the null hypothesis (its rejection rate is a type I error)
     * @param settings       every change made to the protocol, in order
     * @param figures        the analysis's main figures, each with its Monte Carlo standard error
     * @param trial          the whole trial result: every analysis, stopping per look, allocation, bias and coverage
     */
    public record Cell(String name, String design, String scenario, boolean nullHypothesis, List<String> settings, Figures figures,
                       TrialResult trial) {
        public Cell {
            settings = List.copyOf(settings);
        }
    }

    /**
     * The analysis's figures in one cell, means over the replicates.
     *
     * @param rejection   the probability of rejecting the null hypothesis: power, or type I error in a null scenario
     * @param earlyStop   the probability of stopping before the final look (for efficacy or futility)
     * @param patients    patients enrolled at the conclusion
     * @param events      events (or responses) at the conclusion
     * @param months      months from the first enrolment to the conclusion
     */
    public record Figures(Estimate rejection, Estimate earlyStop, Estimate patients, Estimate events, Estimate months) {
    }

    /**
     * A design against the scenario's first design, replicate by replicate (the same patients in both).
     *
     * @param scenario                 the scenario
     * @param design                   the design
     * @param baseline                 the design it is compared with
     * @param measure                  rejection, patients, events or months
     * @param difference               the mean of design − baseline over the replicates, with its paired standard error
     * @param unpairedStandardError    the standard error the difference would have from two independent runs:
     *                                 √(se² + se²) of the two cells' means
     */
    public record Difference(String scenario, String design, String baseline, String measure, Estimate difference,
                             double unpairedStandardError) {
    }

    /**
     * A design's worst case across scenarios, and its rank.
     *
     * @param design             the design
     * @param worstPower         its smallest power over the scenarios that are not a null hypothesis, or null if none
     * @param worstPowerScenario where that is
     * @param worstTypeIError    its largest type I error over the null-hypothesis scenarios, or null if none
     * @param worstTypeIErrorScenario where that is
     * @param worstObjective     its largest expected objective over every scenario
     * @param worstObjectiveScenario where that is
     * @param meetsConstraints   whether the worst power and type I error meet the constraints (point estimates)
     * @param rank               1 for the design that meets the constraints with the smallest worst objective; null if it does not meet them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Design(String design, Estimate worstPower, String worstPowerScenario, Estimate worstTypeIError,
                         String worstTypeIErrorScenario, Estimate worstObjective, String worstObjectiveScenario, boolean meetsConstraints,
                         Integer rank) {
    }
}
