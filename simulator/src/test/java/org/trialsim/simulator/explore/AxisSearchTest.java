package org.trialsim.simulator.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.protocol.io.SweepReader;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.analysis.GroupSequentialDesign;
import org.trialsim.simulator.analysis.SpendingFunction;
import org.trialsim.simulator.design.sizing.Hazards;
import org.trialsim.simulator.design.sizing.SurvivalSizing;
import org.trialsim.simulator.run.Progress;

class AxisSearchTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    private static Sweep sweep(String yaml) throws Exception {
        return new SweepReader().read("sweep.yaml", yaml.getBytes(StandardCharsets.UTF_8), EXAMPLES);
    }

    private static SearchResult search(Sweep sweep, int replicates, int threads) throws Exception {
        return new Simulator().exploration(sweep).search().run(new ExploreOptions(replicates, 3, threads), Progress.NONE);
    }

    private static SearchResult fromTheBounds(Sweep sweep, int replicates) throws Exception {
        return new Simulator().exploration(sweep).search().fromTheBounds().run(new ExploreOptions(replicates, 3, 2), Progress.NONE);
    }

    /**
     * The two-arm exponential design (1:1, one look, one-sided α = 0.025) needs, by Schoenfeld's formula,
     * 4·(z₀.₉₇₅ + z₀.₈)² / ln(0.6)² = 120.3 deaths for 80% power at a hazard ratio of 0.6 (rpact:
     * {@code getSampleSizeSurvival(hazardRatio = 0.6, alpha = 0.025, sided = 1, beta = 0.2)$maxNumberOfEvents}
     * = 120.3157). The search's uncertainty range at 99.9% confidence holds it: on a monotone power curve
     * crossing 0.8 at D*, the range misses D* only when the power simulated at D* falls outside its own
     * 99.9% interval, a 0.1% chance (Schoenfeld's formula is close to the log-rank test's power here:
     * {@code trial} gives 80.6% ± 0.9 at 120 deaths).
     */
    @Test
    void theSearchFindsSchoenfeldsEventsWithinItsUncertainty() throws Exception {
        double analytic = SurvivalSizing.of(Hazards.exponential(Math.log(2) / 12, 0.6),
                GroupSequentialDesign.of(SpendingFunction.obrienFleming(0.025), 1.0)).sampleSize(0.8).events();
        assertThat(analytic).isCloseTo(120.3157, offset(1e-3));
        SearchResult result = fromTheBounds(sweep("""
                protocol: two-arm-exponential.yaml
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.6]}
                search: {path: design.analysis.events, power: 0.8, lower: 60, upper: 200, confidence: 0.999}
                """), 1000);
        assertThat(result.uncertaintyLow()).isLessThanOrEqualTo((int) Math.ceil(analytic));
        assertThat(result.uncertaintyHigh()).isGreaterThanOrEqualTo((int) Math.floor(analytic));
        assertThat(result.found()).isBetween(result.uncertaintyLow(), result.uncertaintyHigh());
        assertThat(result.atFound().reaches()).isTrue();
        assertThat(result.atFound().power().get(0).value()).isGreaterThanOrEqualTo(0.8);
        assertThat(result.below().value()).isEqualTo(result.found() - 1);
        assertThat(result.below().reaches()).isFalse();
        assertThat(result.points()).extracting(SearchResult.Point::value).isSorted().doesNotHaveDuplicates()
                .contains(60, 200, result.found(), result.found() - 1, result.uncertaintyLow(), result.uncertaintyHigh());
        assertThat(result.points()).hasSizeLessThanOrEqualTo(3 * 8 + 2);
        assertThat(result.analyticUnavailable()).isEqualTo("not asked for");
        assertThat(List.of(result.startLow(), result.startHigh())).containsExactly(60, 200);
    }

    /**
     * From the analytic answer the search simulates fewer values and finds the same answer within its Monte
     * Carlo uncertainty: with common random numbers a value has the same power whichever search simulates
     * it, so the two answers differ only where the power curve is not monotone. At a hazard ratio of 0.6
     * and 0.65, 80% power needs 120.3 and 169.2 events by Schoenfeld's formula (rpact:
     * {@code getSampleSizeSurvival(hazardRatio = c(0.6, 0.65), alpha = 0.025, sided = 1, beta = 0.2)$maxNumberOfEvents}
     * = 120.3157, 169.1807). From the bounds 20 and 600 the search simulates 24 values (about 3·log₂ 580 ≈ 28),
     * from 170 ± 17 only 18: the counts are exact, the seed being fixed and the results the same on any
     * number of threads.
     */
    @Test
    void theAnalyticStartFindsTheSameAnswerInFewerEvaluations() throws Exception {
        Sweep sweep = sweep("""
                protocol: two-arm-exponential.yaml
                set: {design.sampleSize: 700}
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.6, 0.65]}
                search: {path: design.analysis.events, power: 0.8, lower: 20, upper: 600}
                """);
        SearchResult analytic = search(sweep, 200, 2);
        SearchResult plain = fromTheBounds(sweep, 200);
        assertThat(analytic.analytic()).satisfiesExactly(d -> assertThat(d).isCloseTo(120.3157, offset(1e-3)),
                d -> assertThat(d).isCloseTo(169.1807, offset(1e-3)));
        assertThat(analytic.analyticAnswer()).isEqualTo(170);
        assertThat(analytic.analyticUnavailable()).isNull();
        assertThat(List.of(analytic.startLow(), analytic.startHigh())).containsExactly(170 - 17, 170 + 17);
        assertThat(plain.analytic()).isNull();
        assertThat(analytic.found()).isBetween(plain.uncertaintyLow(), plain.uncertaintyHigh());
        assertThat(plain.found()).isBetween(analytic.uncertaintyLow(), analytic.uncertaintyHigh());
        // the values both simulated have the same powers (common random numbers)
        for (SearchResult.Point p : analytic.points()) {
            plain.points().stream().filter(q -> q.value() == p.value()).findFirst()
                    .ifPresent(q -> assertThat(q.power()).isEqualTo(p.power()));
        }
        assertThat(List.of(analytic.points().size(), plain.points().size())).isEqualTo(List.of(18, 24));
    }

    /**
     * With 10 replicates the simulated power is coarse, so the root can lie outside the bracket 121 ± 13: with
     * seed 3 the bracket's upper end, 134, does not reach 80%, and the bracket moves up by twice its width (to
     * 134 and 186); with seed 2 its lower end, 108, already does, and it moves down (to 56 and 108).
     */
    @Test
    void aBracketWithoutTheRootMovesOutByDoublingSteps() throws Exception {
        Sweep sweep = sweep("""
                protocol: two-arm-exponential.yaml
                set: {design.sampleSize: 700}
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.6]}
                search: {path: design.analysis.events, power: 0.8, lower: 20, upper: 600}
                """);
        SearchResult up = new Simulator().exploration(sweep).search().run(new ExploreOptions(10, 3, 2), Progress.NONE);
        assertThat(List.of(up.startLow(), up.startHigh())).containsExactly(121 - 13, 121 + 13);
        assertThat(up.points()).filteredOn(p -> p.order() <= 2).extracting(SearchResult.Point::value, SearchResult.Point::reaches)
                .containsExactly(tuple(134, false), tuple(186, true));
        assertThat(up.found()).isGreaterThan(134);
        SearchResult down = new Simulator().exploration(sweep).search().run(new ExploreOptions(10, 2, 2), Progress.NONE);
        assertThat(down.points()).filteredOn(p -> p.order() <= 3).extracting(SearchResult.Point::value, SearchResult.Point::reaches)
                .containsExactly(tuple(56, false), tuple(108, true), tuple(134, true));
        assertThat(down.found()).isBetween(57, 108);
    }

    /** Where the protocol's hazards are not known in closed form, the report says why and the search starts from the bounds. */
    @Test
    void withoutAnAnalyticAnswerTheSearchStartsFromTheBoundsAndSaysWhy() throws Exception {
        SearchResult result = search(sweep("""
                protocol: two-arm-exponential.yaml
                set: {design.analysis.stratifyBy: [risk]}
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.6]}
                search: {path: design.analysis.events, power: 0.8, lower: 60, upper: 200}
                """), 50, 2);
        assertThat(result.analytic()).isNull();
        assertThat(result.analyticUnavailable()).isEqualTo("in cell 'effect=0.6': the log-rank test is stratified");
        assertThat(List.of(result.startLow(), result.startHigh())).containsExactly(60, 200);
        assertThat(result.points()).filteredOn(p -> p.order() <= 2).extracting(SearchResult.Point::value).containsExactly(60, 200);
    }

    /** Every value is simulated with the same seed, whose random numbers never depend on the thread that draws them. */
    @Test
    void theSearchIsTheSameOnOneThreadAndOnTwo() throws Exception {
        Sweep sweep = sweep("""
                protocol: two-arm-exponential.yaml
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.6, 0.65]}
                search: {path: design.analysis.events, power: 0.7, lower: 90, upper: 180}
                """);
        assertThat(search(sweep, 200, 1)).isEqualTo(search(sweep, 200, 2));
    }

    /** When even the upper bound does not reach the target, nothing is found, and the points say how far it is. */
    @Test
    void anUnreachedTargetFindsNothing() throws Exception {
        SearchResult result = search(sweep("""
                protocol: two-arm-exponential.yaml
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.9]}
                search: {path: design.analysis.events, power: 0.9, lower: 50, upper: 100}
                """), 200, 2);
        assertThat(result.found()).isNull();
        assertThat(result.points()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo(100);
            assertThat(p.reaches()).isFalse();
        });
    }

    @Test
    void thePathMustHoldANumberAndTheBoundsMustMakeValidProtocols() throws Exception {
        String axes = """
                protocol: two-arm-exponential.yaml
                axes:
                  - {name: effect, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.6]}
                """;
        assertThatThrownBy(() -> search(sweep(axes + "search: {path: design.label, power: 0.8, lower: 50, upper: 100}"), 10, 1))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("in cell 'effect=0.6': the search's path design.label holds"
                        + " '220 patients, final analysis at 120 deaths', not a number");
        assertThatThrownBy(() -> search(sweep(axes + "search: {path: design.analysis.event, power: 0.8, lower: 50, upper: 100}"), 10, 1))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("design.analysis.event is not in the protocol");
        assertThatThrownBy(() -> search(sweep(axes + "search: {path: design.analysis.events, power: 0.8, lower: 50, upper: 100000}"),
                10, 1)).isInstanceOf(ProtocolException.class).hasMessageContaining("with design.analysis.events = 100000: ");
    }
}
