package org.trialsim.simulator.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.io.Setting;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.stats.Estimate;

class RankingTest {
    private static final Sweep.Axis N = new Sweep.Axis("n", Sweep.Kind.DESIGN, List.of(value("100"), value("140"), value("200")));
    private static final Sweep.Axis EFFECT = new Sweep.Axis("effect", Sweep.Kind.SCENARIO,
            List.of(value("optimistic"), value("pessimistic"), new Sweep.Value("null", List.of(), true)));

    private static Sweep.Value value(String label) {
        return new Sweep.Value(label, List.of(new Setting("x", label)), false);
    }

    /** Power, type I error and expected patients of each design in each scenario, in the product's order. */
    private static List<ExploreResult.Design> rank(double[][] figures, Double minPower, Double maxTypeI) {
        Sweep sweep = new Sweep("s", "p", null, List.of(), null, null, 1, List.of(N, EFFECT), Sweep.product(List.of(N, EFFECT)),
                minPower, maxTypeI, Sweep.Objective.PATIENTS);
        List<ExploreResult.Cell> cells = new ArrayList<>();
        for (int c = 0; c < sweep.cells().size(); c++) {
            Sweep.Cell cell = sweep.cells().get(c);
            ExploreResult.Figures f = new ExploreResult.Figures(new Estimate(figures[c][0], 0.01), new Estimate(0, 0),
                    new Estimate(figures[c][1], 1), new Estimate(0, 0), new Estimate(0, 0));
            cells.add(new ExploreResult.Cell(sweep.name(cell), sweep.design(cell), sweep.scenario(cell), Sweep.nullHypothesis(cell),
                    List.of(), f, null));
        }
        return Ranking.designs(sweep, cells);
    }

    @Test
    void designsAreJudgedByTheirWorstScenarioAndRankedByTheirWorstObjective() {
        double[][] figures = {
            {0.90, 100}, {0.70, 100}, {0.020, 100},   // n = 100: too little power when pessimistic
            {0.95, 130}, {0.85, 140}, {0.024, 120},   // n = 140: meets both, worst 140 patients
            {0.99, 150}, {0.95, 200}, {0.024, 190},   // n = 200: meets both, worst 200 patients
        };
        List<ExploreResult.Design> designs = rank(figures, 0.8, 0.025);
        assertThat(designs).extracting(ExploreResult.Design::design).containsExactly("100", "140", "200");
        assertThat(designs.get(0).worstPower().value()).isEqualTo(0.70);
        assertThat(designs.get(0).worstPowerScenario()).isEqualTo("pessimistic");
        assertThat(designs.get(0).worstTypeIErrorScenario()).isEqualTo("null");
        assertThat(designs.get(0).meetsConstraints()).isFalse();
        assertThat(designs.get(0).rank()).isNull();
        assertThat(designs.get(1).worstObjective().value()).isEqualTo(140);
        assertThat(designs.get(1).worstObjectiveScenario()).isEqualTo("pessimistic");
        assertThat(designs).extracting(ExploreResult.Design::rank).containsExactly(null, 1, 2);
    }

    @Test
    void aTypeIErrorAboveTheBoundFailsTheDesignAndNoConstraintsRankEveryDesign() {
        double[][] figures = {
            {0.90, 100}, {0.85, 100}, {0.030, 100},
            {0.95, 130}, {0.85, 140}, {0.024, 120},
            {0.99, 150}, {0.95, 200}, {0.024, 90},
        };
        assertThat(rank(figures, 0.8, 0.025)).extracting(ExploreResult.Design::rank).containsExactly(null, 1, 2);
        assertThat(rank(figures, null, null)).extracting(ExploreResult.Design::rank).containsExactly(1, 2, 3);
    }
}
