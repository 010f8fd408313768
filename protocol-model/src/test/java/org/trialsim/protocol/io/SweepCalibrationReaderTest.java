package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;

/** A sweep file's calibrate block: what it reads, the grid it makes, and every wrong field refused at its place. */
class SweepCalibrationReaderTest {
    private static final String NULL = """
            protocol: adaptive.yaml
            axes:
              - name: hypothesis
                kind: scenario
                values: [{label: identical arms, nullHypothesis: true}]
            """;
    private static final String STOP = "{path: design.randomization.adaptive.stopSuperiorityAbove, measure: superiorityStop, target: 0.025";

    private static Sweep read(String yaml) throws ProtocolException {
        return new SweepReader().read("sweep.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("/work/sweeps"));
    }

    @Test
    void aCalibrateBlockIsReadWithItsDecimalsAsWritten() throws Exception {
        Sweep sweep = read(NULL + "calibrate: " + STOP + ", lower: 0.99, upper: 0.9999, step: 1.0e-4}\n");
        Calibration c = sweep.calibration();
        assertThat(c).isEqualTo(new Calibration("design.randomization.adaptive.stopSuperiorityAbove", Calibration.Measure.SUPERIORITY_STOP,
                0.025, new BigDecimal("0.99"), new BigDecimal("0.9999"), new BigDecimal("0.0001"), 0.95));
        assertThat(c.steps()).isEqualTo(99);
        assertThat(Calibration.text(c.value(0))).isEqualTo("0.9900");
        assertThat(Calibration.text(c.value(67))).isEqualTo("0.9967");
        assertThat(Calibration.text(c.value(99))).isEqualTo("0.9999");
        assertThat(sweep.search()).isNull();
        assertThat(read(NULL).calibration()).isNull();
    }

    /** A grid whose last step is short ends at upper; whole numbers stay whole. */
    @Test
    void theGridEndsAtTheUpperBound() throws Exception {
        Calibration c = read(NULL + "calibrate: {path: design.analysis.alpha, measure: rejection, target: 0.025, lower: 0.01, upper: 0.05,"
                + " step: 0.015, confidence: 0.99}\n").calibration();
        assertThat(c.steps()).isEqualTo(3);
        assertThat(List.of(c.value(0), c.value(1), c.value(2), c.value(3))).extracting(Calibration::text)
                .containsExactly("0.010", "0.025", "0.040", "0.050");
        assertThat(c.confidence()).isEqualTo(0.99);
        Calibration whole = read(NULL + "calibrate: {path: design.sampleSize, measure: anyRejection, target: 0.05, lower: 100, upper: 200,"
                + " step: 10}\n").calibration();
        assertThat(Calibration.text(whole.value(5))).isEqualTo("150");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            target 0 is refused           | {path: p, measure: rejection, target: 0, lower: 0, upper: 1, step: 0.1}    | at calibrate.target: target is a probability strictly between 0 and 1, not '0'
            an unknown measure            | {path: p, measure: rejections, target: 0.05, lower: 0, upper: 1, step: 0.1} | at calibrate.measure: 'rejections' is not one of rejection, anyRejection, superiorityStop (did you mean 'rejection'?)
            a measure is needed           | {path: p, target: 0.05, lower: 0, upper: 1, step: 0.1}                      | missing field 'measure'
            upper above lower             | {path: p, measure: rejection, target: 0.05, lower: 1, upper: 1, step: 0.1}  | upper (1) must be above lower (1)
            a positive step               | {path: p, measure: rejection, target: 0.05, lower: 0, upper: 1, step: 0}    | step is the grid's step, above 0, not 0
            at most a million steps       | {path: p, measure: rejection, target: 0.05, lower: 0, upper: 1, step: 1.0e-7} | from lower to upper are more than 1,000,000 steps of 0.0000001
            a numeric bound               | {path: p, measure: rejection, target: 0.05, lower: low, upper: 1, step: 0.1} | lower is a number, not 'low'
            bounds and step are needed    | {path: p, measure: rejection, target: 0.05}                                 | missing field 'lower' (the calibration needs lower, upper and step, numbers)
            a misspelt field              | {path: p, measure: rejection, target: 0.05, lower: 0, upper: 1, stp: 0.1}   | unknown field 'stp'
            """)
    void aWrongCalibrateFieldIsRefusedAtItsPlace(String name, String calibrate, String message) {
        assertThat(problems(NULL + "calibrate: " + calibrate + "\n")).anyMatch(p -> p.contains(message));
    }

    @Test
    void aCalibrationSweepHasOnlyNullScenariosThatLeaveThePathAloneAndNoSearch() {
        List<String> problems = problems("""
                protocol: adaptive.yaml
                axes:
                  - {name: n, kind: design, path: design.sampleSize, values: [100, 140]}
                  - name: effect
                    kind: scenario
                    values:
                      - {label: no difference, nullHypothesis: true}
                      - {label: stricter, set: {design.randomization.adaptive.stopSuperiorityAbove: 0.999}}
                search: {path: design.sampleSize, power: 0.8, lower: 50, upper: 300}
                calibrate: %s, lower: 0.9, upper: 0.999, step: 0.001}
                """.formatted(STOP));
        assertThat(problems).anyMatch(p -> p.contains("a sweep either searches (search) or calibrates (calibrate), not both"))
                .anyMatch(p -> p.contains("every axis of its sweep is a scenario, and the axis 'n' is a design axis"))
                .anyMatch(p -> p.contains("under the null hypothesis: every cell must be one, and 2 cells, 'n=100, effect=stricter',"
                        + " 'n=140, effect=stricter' are not; give a scenario axis whose values say nullHypothesis: true"))
                .anyMatch(p -> p.contains("the value 'stricter' of the axis 'effect' sets the calibrated path"
                        + " design.randomization.adaptive.stopSuperiorityAbove itself"));
    }

    private static List<String> problems(String yaml) {
        try {
            read(yaml);
        } catch (ProtocolException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("no problem found");
    }
}
