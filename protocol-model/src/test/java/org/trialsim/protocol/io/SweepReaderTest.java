package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;

class SweepReaderTest {

    private static Sweep read(String yaml) throws ProtocolException {
        return new SweepReader().read("sweep.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("/work/sweeps"));
    }

    private static List<String> problems(String yaml) {
        try {
            read(yaml);
        } catch (ProtocolException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("no problem found");
    }

    @Test
    void aSweepOfPlainAndStructuredValuesIsTheProductOfItsAxes() throws Exception {
        Sweep sweep = read("""
                protocol: two-arm.yaml
                set: {design.accrual.patientsPerMonth: 8}
                replicates: 500
                seed: 7
                axes:
                  - {name: n, kind: design, path: design.sampleSize, values: [100, 140]}
                  - name: effect
                    kind: scenario
                    values:
                      - label: pessimistic
                        set: {a.hazardRatio: 0.8, b.rates: [0.1, 0.2], "c[0].method": {name: x}}
                      - {label: no difference, nullHypothesis: true}
                constraints: {minPower: 0.8, maxTypeIError: 0.025}
                objective: months
                """);
        assertThat(sweep.protocol()).isEqualTo("two-arm.yaml");
        assertThat(sweep.folder()).isEqualTo(Path.of("/work/sweeps").toString());
        assertThat(sweep.replicates()).isEqualTo(500);
        assertThat(sweep.seed()).isEqualTo(7L);
        assertThat(sweep.objective()).isEqualTo(Sweep.Objective.MONTHS);
        assertThat(sweep.cells()).hasSize(4);
        Sweep.Cell second = sweep.cells().get(1);
        assertThat(sweep.name(second)).isEqualTo("n=100, effect=no difference");
        assertThat(sweep.design(second)).isEqualTo("100");
        assertThat(sweep.scenario(second)).isEqualTo("no difference");
        assertThat(Sweep.nullHypothesis(second)).isTrue();
        assertThat(sweep.settings(sweep.cells().get(0))).extracting(Setting::toString).containsExactly(
                "design.accrual.patientsPerMonth=8", "design.sampleSize=100", "a.hazardRatio=0.8", "b.rates=[0.1,0.2]",
                "c[0].method={\"name\":\"x\"}");
        assertThat(sweep.designs()).containsExactly("100", "140");
        assertThat(sweep.scenarios()).containsExactly("pessimistic", "no difference");
    }

    @Test
    void listedCellsAreTheCellsAndABuiltInIsNotAFile() throws Exception {
        Sweep sweep = read("""
                protocol: aall1331
                axes:
                  - {name: n, kind: design, path: design.sampleSize, values: [500, 670]}
                  - {name: rate, kind: scenario, path: design.accrual.patientsPerMonth, values: [5, 8]}
                cells:
                  - {n: 500, rate: 8}
                  - {n: 670, rate: 5}
                """);
        assertThat(sweep.protocol()).isEqualTo("aall1331");
        assertThat(sweep.cells()).extracting(sweep::name).containsExactly("n=500, rate=8", "n=670, rate=5");
    }

    @Test
    void everyProblemIsReportedAtOnceAtItsLine() {
        List<String> problems = problems("""
                protocol: x.yaml
                replicates: 0
                objectiv: patients
                axes:
                  - {name: n, kind: desing, path: design.sampleSize, values: [100, 100]}
                  - {name: n, kind: scenario, values: [{label: a}, 3]}
                  - {name: e, kind: design, values: [{label: null, nullHypothesis: true, set: {x: 1}}]}
                constraints: {minPower: 1.5}
                """);
        assertThat(problems).containsExactly(
                "sweep.yaml:2:1: error: at replicates: '0' is not a whole number from 1 to 10,000,000",
                "sweep.yaml:3:1: error: at objectiv: unknown field 'objectiv'; the fields here are analysis, axes, calibrate, cells, constraints,"
                        + " description, objective, protocol, replicates, search, seed, set (did you mean 'objective'?)",
                "sweep.yaml:5:15: error: at axes[0].kind: 'desing' is not one of design, scenario (did you mean 'design'?)",
                "sweep.yaml:5:68: error: at axes[0].values[1]: the axis has the value '100' twice",
                "sweep.yaml:6:6: error: at axes[1].name: another axis is named 'n' too; each axis needs a name of its own",
                "sweep.yaml:6:40: error: at axes[1].values[0]: the value changes nothing: give it set: {path: value, ...} or"
                        + " nullHypothesis: true",
                "sweep.yaml:6:52: error: at axes[1].values[1]: without a path for the axis, a value is a mapping {label, set: {path:"
                        + " value, ...}}; or give the axis a path and list plain values",
                "sweep.yaml:7:39: error: at axes[2].values[0].label: label is a non-empty text",
                "sweep.yaml:7:52: error: at axes[2].values[0].nullHypothesis: the null hypothesis is a scenario, not a design: put it"
                        + " on an axis of kind scenario",
                "sweep.yaml:8:15: error: at constraints.minPower: minPower is a probability from 0 to 1, not '1.5'");
    }

    @Test
    void aCellMustNameAValueOfEveryAxis() {
        List<String> problems = problems("""
                protocol: aall1331
                axes:
                  - {name: n, kind: design, path: design.sampleSize, values: [500, 670]}
                  - {name: rate, kind: scenario, path: design.accrual.patientsPerMonth, values: [5, 8]}
                cells:
                  - {n: 50, rate: 8}
                  - {n: 670}
                  - {n: 670, rate: 5, extra: 1}
                """);
        assertThat(problems).containsExactly(
                "sweep.yaml:6:6: error: at cells[0].n: the axis 'n' has no value '50'; it has 500, 670 (did you mean '500'?)",
                "sweep.yaml:7:5: error: at cells[1]: the cell gives no value of the axis 'rate'",
                "sweep.yaml:8:23: error: at cells[2].extra: unknown field 'extra'; the fields here are n, rate");
    }

    @Test
    void tooManyCellsAreRefusedBeforeAnyIsMade() {
        StringBuilder yaml = new StringBuilder("protocol: aall1331\naxes:\n");
        for (int a = 0; a < 4; a++) {
            yaml.append("  - {name: a").append(a).append(", kind: design, path: p").append(a).append(", values: [1, 2, 3, 4, 5, 6]}\n");
        }
        assertThat(problems(yaml.toString())).singleElement().asString()
                .contains("the axes make 1,296 cells; a sweep may have at most 1,000");
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(ProtocolException.class);
    }
}
