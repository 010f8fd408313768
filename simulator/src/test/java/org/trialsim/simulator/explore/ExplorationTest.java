package org.trialsim.simulator.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.protocol.io.SweepReader;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.stats.Estimate;

class ExplorationTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    private static Sweep sweep(String yaml) throws Exception {
        return new SweepReader().read("sweep.yaml", yaml.getBytes(StandardCharsets.UTF_8), EXAMPLES);
    }

    private static ExploreResult.Difference difference(ExploreResult result, String design, String measure) {
        return result.differences().stream().filter(d -> d.design().equals(design) && d.measure().equals(measure)).findFirst()
                .orElseThrow();
    }

    /**
     * Two cells that differ only in the significance level: replicate i of both has the same patients,
     * arrivals and events, so each replicate's patients, events and months are equal in the two cells and
     * their paired differences are exactly 0 with standard error 0 — common random numbers across cells —
     * while two independent runs would differ by about their standard errors.
     */
    @Test
    void replicateIOfEveryCellHasTheSamePatientsAndArrivals() throws Exception {
        Sweep sweep = sweep("""
                protocol: two-arm-exponential.yaml
                axes:
                  - {name: alpha, kind: design, path: design.analysis.alpha, values: [0.025, 0.05]}
                """);
        ExploreResult result = new Simulator().exploration(sweep).run(new ExploreOptions(300, 4, 2), Progress.NONE);
        for (String measure : List.of("patients", "events", "months")) {
            ExploreResult.Difference d = difference(result, "0.05", measure);
            assertThat(d.difference()).as(measure).isEqualTo(new Estimate(0, 0));
        }
        assertThat(difference(result, "0.05", "months").unpairedStandardError()).isPositive();
        ExploreResult.Difference rejection = difference(result, "0.05", "rejection");
        // a larger alpha rejects in every replicate the smaller one did, and in some more
        assertThat(rejection.difference().value()).isPositive();
        assertThat(rejection.difference().standardError()).isLessThan(rejection.unpairedStandardError());
    }

    /**
     * The design's events at the final analysis, 110 against 120, on the same patients: the paired
     * standard error of the difference in power is well under the unpaired one, since the two cells'
     * rejections agree in most replicates (paired/unpaired = √(1 − ρ) for two cells of equal variance).
     * A chance failure would need the correlation ρ of the two cells' rejections to fall below 0.44
     * when it is about 0.7, some 9 standard errors away at 600 replicates.
     */
    @Test
    void thePairedStandardErrorIsSmallerThanTheUnpaired() throws Exception {
        Sweep sweep = sweep("""
                protocol: two-arm-exponential.yaml
                axes:
                  - {name: events, kind: design, path: design.analysis.events, values: [120, 110]}
                  - name: effect
                    kind: scenario
                    values:
                      - {label: HR 0.6, set: {"outcomes.deathInRemission[0].hazardRatio": 0.6}}
                      - {label: HR 0.7, set: {"outcomes.deathInRemission[0].hazardRatio": 0.7}}
                """);
        ExploreResult result = new Simulator().exploration(sweep).run(new ExploreOptions(600, 2, 2), Progress.NONE);
        assertThat(result.cells()).extracting(ExploreResult.Cell::name).containsExactly("events=120, effect=HR 0.6",
                "events=120, effect=HR 0.7", "events=110, effect=HR 0.6", "events=110, effect=HR 0.7");
        assertThat(result.differences()).hasSize(2 * 4);
        for (ExploreResult.Difference d : result.differences()) {
            assertThat(d.baseline()).isEqualTo("120");
            if (d.measure().equals("rejection") || d.measure().equals("months")) {
                assertThat(d.difference().standardError()).as(d.toString()).isLessThan(0.75 * d.unpairedStandardError());
            } else {
                // every trial enrols its 220 patients and ends at its planned events: nothing varies
                assertThat(d.unpairedStandardError()).as(d.toString()).isZero();
            }
        }
        ExploreResult.Difference power = result.differences().stream()
                .filter(d -> d.scenario().equals("HR 0.6") && d.measure().equals("rejection")).findFirst().orElseThrow();
        assertThat(power.difference().value()).isNegative();
        // the cell's figures are its trial result's
        ExploreResult.Cell cell = result.cells().get(0);
        assertThat(cell.figures().rejection()).isEqualTo(cell.trial().analyses().get(0).rejection());
        assertThat(cell.figures().patients().value()).isEqualTo(cell.trial().analyses().get(0).patients().mean());
        assertThat(cell.figures().events().value()).isEqualTo(120);
    }

    @Test
    void everyCellIsCheckedBeforeAnyRunsAndEveryProblemNamesItsCell() throws Exception {
        Sweep sweep = sweep("""
                protocol: two-arm-exponential.yaml
                analysis: 1
                axes:
                  - {name: size, kind: design, path: design.sampleSize, values: [220, -5, 1]}
                  - name: effect
                    kind: scenario
                    values:
                      - {label: fine, set: {"outcomes.deathInRemission[0].hazardRatio": 0.6}}
                      - {label: misspelt, set: {"outcomes.deathInRemision[0].hazardRatio": 0.7}}
                """);
        AtomicLong progress = new AtomicLong();
        assertThatThrownBy(() -> new Simulator().exploration(sweep).run(new ExploreOptions(10, 1, 1), (done, total) -> progress.set(done)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    List<String> messages = e.errors().stream().map(Problem::message).toList();
                    assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("in cell 'size=-5, effect=fine': ")
                            .contains("sampleSize is -5"));
                    assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("in cell 'size=1, effect=fine': "));
                    assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("in cell 'size=220, effect=misspelt': ")
                            .contains("deathInRemision"));
                    assertThat(messages).noneMatch(m -> m.startsWith("in cell 'size=220, effect=fine'"));
                });
        assertThat(progress.get()).isZero();
    }

    @Test
    void aDesignWithoutAnalysesOrWithoutTheSweepsAnalysisIsNamed() throws Exception {
        Sweep phaseOneTwo = sweep("""
                protocol: aall1121
                axes:
                  - {name: seedless, kind: scenario, values: [{label: as is, set: {}}]}
                """);
        assertThatThrownBy(() -> new Simulator().exploration(phaseOneTwo).check()).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.errors().get(0).message()).startsWith("in cell 'seedless=as is': the protocol's design cannot be"));
        Sweep third = sweep("""
                protocol: aall1331
                analysis: 3
                axes:
                  - {name: n, kind: design, path: design.sampleSize, values: [600]}
                """);
        assertThatThrownBy(() -> new Simulator().exploration(third).check()).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.errors().get(0).message()).isEqualTo("in cell 'n=600': the sweep is about analysis 3, but the design"
                        + " has 2 analyses"));
    }

    @Test
    void everyExampleSweepIsValid() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("sweeps"))) {
            List<Path> sweeps = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(sweeps).hasSize(8);
            for (Path file : sweeps) {
                Sweep sweep = new SweepReader().read(file);
                Exploration exploration = new Simulator().exploration(sweep);
                String label = sweep.search() != null ? exploration.search().check()
                        : sweep.calibration() != null ? exploration.calibration().check() : exploration.check();
                assertThat(label).as(file.toString()).isNotBlank();
            }
        }
    }
}
