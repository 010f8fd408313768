package org.trialsim.simulator.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.stats.Estimate;

/**
 * Each design's worst case across the scenarios, and the ranking of the designs that meet the sweep's
 * constraints: the smallest power over the scenarios that are not a null hypothesis, the largest type I
 * error over those that are, and the largest expected objective over all. The constraints are judged
 * on the point estimates; their Monte Carlo standard errors are reported beside them.
 */
final class Ranking {
    private Ranking() {
    }

    static List<ExploreResult.Design> designs(Sweep sweep, List<ExploreResult.Cell> cells) {
        return designs(sweep.designs(), sweep.minPower(), sweep.maxTypeIError(), sweep.objective(), cells);
    }

    static List<ExploreResult.Design> designs(List<String> designs, Double minPower, Double maxTypeIError, Sweep.Objective goal,
                                              List<ExploreResult.Cell> cells) {
        List<ExploreResult.Design> unranked = new ArrayList<>();
        for (String design : designs) {
            ExploreResult.Cell power = null;
            ExploreResult.Cell typeI = null;
            ExploreResult.Cell objective = null;
            for (ExploreResult.Cell cell : cells) {
                if (!cell.design().equals(design)) {
                    continue;
                }
                double rejection = cell.figures().rejection().value();
                if (cell.nullHypothesis()) {
                    if (typeI == null || rejection > typeI.figures().rejection().value()) {
                        typeI = cell;
                    }
                } else if (power == null || rejection < power.figures().rejection().value()) {
                    power = cell;
                }
                if (objective == null || objective(goal, cell).value() > objective(goal, objective).value()) {
                    objective = cell;
                }
            }
            boolean meets = (minPower == null || power == null || power.figures().rejection().value() >= minPower)
                    && (maxTypeIError == null || typeI == null || typeI.figures().rejection().value() <= maxTypeIError);
            unranked.add(new ExploreResult.Design(design, power == null ? null : power.figures().rejection(),
                    power == null ? null : power.scenario(), typeI == null ? null : typeI.figures().rejection(),
                    typeI == null ? null : typeI.scenario(), objective(goal, objective), objective.scenario(), meets, null));
        }
        List<ExploreResult.Design> meeting = unranked.stream().filter(ExploreResult.Design::meetsConstraints)
                .sorted(Comparator.comparingDouble(d -> d.worstObjective().value())).toList();
        List<ExploreResult.Design> ranked = new ArrayList<>();
        for (ExploreResult.Design d : unranked) {
            int rank = meeting.indexOf(d);
            ranked.add(rank < 0 ? d : new ExploreResult.Design(d.design(), d.worstPower(), d.worstPowerScenario(), d.worstTypeIError(),
                    d.worstTypeIErrorScenario(), d.worstObjective(), d.worstObjectiveScenario(), true, rank + 1));
        }
        return ranked;
    }

    private static Estimate objective(Sweep.Objective goal, ExploreResult.Cell cell) {
        return switch (goal) {
            case PATIENTS -> cell.figures().patients();
            case EVENTS -> cell.figures().events();
            case MONTHS -> cell.figures().months();
        };
    }
}
