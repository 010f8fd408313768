package org.trialsim.simulator.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Calibration;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.protocol.io.SweepReader;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;

class ThresholdCalibrationTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final String NULL_AXIS = """
            axes:
              - name: hypothesis
                kind: scenario
                values: [{label: identical arms, nullHypothesis: true}]
            """;

    private static Sweep sweep(String yaml) throws Exception {
        return new SweepReader().read("sweep.yaml", yaml.getBytes(StandardCharsets.UTF_8), EXAMPLES);
    }

    private static CalibrationResult calibrate(Sweep sweep, int replicates, long seed, int threads) throws Exception {
        return new Simulator().exploration(sweep).calibration().run(new ExploreOptions(replicates, seed, threads), Progress.NONE);
    }

    /** The grid 0, 0.01, ..., 1 (100 steps), with a measure of known value and standard error 0.01 at each index. */
    private static ThresholdCalibration.Search onCurve(IntToDoubleFunction curve, List<Integer> asked) throws Exception {
        Calibration grid = new Calibration("p", Calibration.Measure.REJECTION, 0.05, new BigDecimal("0"), new BigDecimal("1"),
                new BigDecimal("0.01"), 0.95);
        return ThresholdCalibration.search(grid, k -> {
            asked.add(k);
            return List.of(new Estimate(curve.applyAsDouble(k), 0.01));
        });
    }

    /**
     * A measure falling from 0.201 by 0.002 a step (a stopping threshold) is at most 0.05 from index 76 on: the
     * answer is the smallest such value, 0.76, its neighbour 0.75 is above the target (0.051), and the uncertainty
     * is where 0.05 ± 1.96·0.01 lies: from 0.66 (0.069, the first not clearly above) to 0.86 (0.029, the first
     * clearly below). Each value is asked once, at most 2 + 3·7 of them.
     */
    @Test
    void aFallingMeasureGivesTheSmallestValueAtMostTheTarget() throws Exception {
        List<Integer> asked = new ArrayList<>();
        ThresholdCalibration.Search s = onCurve(k -> 0.201 - 0.002 * k, asked);
        assertThat(s.outcome()).isEqualTo(CalibrationResult.FOUND);
        assertThat(s.direction()).isEqualTo("falling");
        assertThat(s.found()).isEqualByComparingTo("0.76");
        assertThat(s.across().value()).isEqualByComparingTo("0.75");
        assertThat(s.across().meets()).isFalse();
        assertThat(s.uncertaintyLow()).isEqualByComparingTo("0.66");
        assertThat(s.uncertaintyHigh()).isEqualByComparingTo("0.86");
        assertThat(asked).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(2 + 3 * 7).startsWith(0, 100);
        assertThat(s.points()).hasSameSizeAs(asked).extracting(CalibrationResult.Point::value).isSorted();
    }

    /**
     * A measure rising with the value (an alpha), 0.001 + 0.002·k, gives the largest value at most the target,
     * 0.24 (0.049), and the range mirrored: from 0.14 (0.029, clearly below) to 0.34 (0.069, not clearly above).
     */
    @Test
    void aRisingMeasureGivesTheLargestValueAtMostTheTarget() throws Exception {
        ThresholdCalibration.Search s = onCurve(k -> 0.001 + 0.002 * k, new ArrayList<>());
        assertThat(s.direction()).isEqualTo("rising");
        assertThat(s.found()).isEqualByComparingTo("0.24");
        assertThat(s.across().value()).isEqualByComparingTo("0.25");
        assertThat(s.uncertaintyLow()).isEqualByComparingTo("0.14");
        assertThat(s.uncertaintyHigh()).isEqualByComparingTo("0.34");
    }

    @Test
    void boundsOnOneSideOfTheTargetAreReportedNotAnswered() throws Exception {
        ThresholdCalibration.Search above = onCurve(k -> 0.3 - 0.002 * k, new ArrayList<>());
        assertThat(above.outcome()).isEqualTo(CalibrationResult.NOT_BRACKETED);
        assertThat(above.found()).isNull();
        assertThat(above.points()).hasSize(2);
        assertThat(above.problem()).isEqualTo("the rejection is above the target of 5.00% at both bounds (at 0.00, 30.00% ± 1.00; at"
                + " 1.00, 10.00% ± 1.00), so the bounds do not bracket it: widen them until the measure is above the target at one bound"
                + " and at most the target at the other");
        assertThat(onCurve(k -> 0.01, new ArrayList<>()).problem()).startsWith("the rejection is at most the target of 5.00% at both bounds");
    }

    /**
     * A measure above the target up to index 40, at most it from 40 to 49, above it (but not clearly) from 50
     * to 74 and at most it from 75 on crosses it three times. The first bisection finds 75; the bisection of
     * the uncertainty range walks into the dip, and the values there contradict the answer: none is given.
     */
    @Test
    void aMeasureCrossingTheTargetMoreThanOnceIsReportedNotAnswered() throws Exception {
        ThresholdCalibration.Search s = onCurve(k -> k < 40 ? 0.10 : k < 50 ? 0.03 : k < 75 ? 0.06 : 0.02, new ArrayList<>());
        assertThat(s.outcome()).isEqualTo(CalibrationResult.NOT_MONOTONE);
        assertThat(s.found()).isNull();
        assertThat(s.direction()).isEqualTo("falling");
        assertThat(s.problem()).startsWith("the simulated rejection is not monotone in p between the bounds: it is at most the target of"
                + " 5.00% at 0.40 and at 0.75 but above it at 0.74, between them (at 0.40, 3.00% ± 1.00; at 0.74, 6.00% ± 1.00; at"
                + " 0.75, 2.00% ± 1.00)").endsWith("narrow the bounds to where the measure moves one way, or simulate more replicates");
    }

    /**
     * The final analysis's alpha calibrated for a type I error of at most 5% on the two-arm exponential design
     * (log-rank, one look at 120 deaths), 2,000 trials per value. Re-simulated at the alpha found with another
     * seed and 20,000 trials, the type I error is the target to within 4 standard errors of the difference of the
     * two estimates (a false failure about 1 in 16,000), plus the 0.1 point one step of alpha moves it. The
     * log-rank test keeps its level here, so the alpha found lies near 5%: its uncertainty range at 99.9%
     * confidence holds 0.050.
     */
    @Test
    void theCalibratedAlphaKeepsItsTypeIErrorWhenSimulatedAgainWithAnotherSeed() throws Exception {
        Sweep sweep = sweep("protocol: two-arm-exponential.yaml\n" + NULL_AXIS
                + "calibrate: {path: design.analysis.alpha, measure: rejection, target: 0.05, lower: 0.01, upper: 0.1, step: 0.001,"
                + " confidence: 0.999}\n");
        CalibrationResult r = calibrate(sweep, 2000, 1, 2);
        assertThat(r.outcome()).isEqualTo(CalibrationResult.FOUND);
        assertThat(r.direction()).isEqualTo("rising");
        assertThat(r.atFound().measure().get(0).value()).isLessThanOrEqualTo(0.05);
        assertThat(r.across().measure().get(0).value()).isGreaterThan(0.05);
        assertThat(r.across().value()).isEqualByComparingTo(r.found().add(new BigDecimal("0.001")));
        assertThat(r.uncertaintyLow()).isLessThanOrEqualTo(new BigDecimal("0.050"));
        assertThat(r.uncertaintyHigh()).isGreaterThanOrEqualTo(new BigDecimal("0.050"));
        assertThat(r.evaluations()).isEqualTo(r.points().size()).isLessThanOrEqualTo(2 + 3 * 7);

        Path file = EXAMPLES.resolve("two-arm-exponential.yaml");
        LoadedProtocol found = new ProtocolReader().read(file.toString(), Files.readAllBytes(file),
                List.of(new Setting("design.analysis.alpha", Calibration.text(r.found()))));
        TrialResult again = new Simulator().trial(found, new TrialOptions(20_000, 987_654_321L, 2, true), Progress.NONE);
        Estimate typeI = again.analyses().get(0).rejection();
        double se = Math.hypot(typeI.standardError(), Math.sqrt(0.05 * 0.95 / 2000));
        assertThat(typeI.value()).isBetween(0.05 - 4 * se - 0.001, 0.05 + 4 * se);
    }

    /** Every value is simulated with the same seed, whose random numbers never depend on the thread that draws them. */
    @Test
    void theCalibrationIsTheSameOnOneThreadAndOnTwo() throws Exception {
        Sweep sweep = sweep("protocol: two-arm-exponential.yaml\n" + NULL_AXIS
                + "calibrate: {path: design.analysis.alpha, measure: anyRejection, target: 0.05, lower: 0.01, upper: 0.1, step: 0.005}\n");
        assertThat(calibrate(sweep, 200, 3, 1)).isEqualTo(calibrate(sweep, 200, 3, 2));
    }

    /**
     * On the two-arm RAR example under the null, the superiority threshold is exactly monotone on common random
     * numbers: a replicate's posteriors do not depend on the threshold until it stops, so the stopping rate never
     * rises with the threshold; the value found stops at most 5% of the trials, the one below it more.
     */
    @Test
    void theSuperiorityStopFallsMonotonicallyWithTheThreshold() throws Exception {
        CalibrationResult r = calibrate(sweep("""
                protocol: adaptive-two-arm.yaml
                set:
                  design.randomization.adaptive.stopSuperiorityAbove: 0.99
                  design.randomization.adaptive.stopMinPatients: 40
                """ + NULL_AXIS + """
                calibrate: {path: design.randomization.adaptive.stopSuperiorityAbove, measure: superiorityStop, target: 0.05,
                            lower: 0.95, upper: 0.999, step: 0.007}
                """), 60, 5, 2);
        assertThat(r.outcome()).isEqualTo(CalibrationResult.FOUND);
        assertThat(r.direction()).isEqualTo("falling");
        List<Double> rates = r.points().stream().map(p -> p.measure().get(0).value()).toList();
        for (int i = 1; i < rates.size(); i++) {
            assertThat(rates.get(i)).isLessThanOrEqualTo(rates.get(i - 1));
        }
        assertThat(r.atFound().measure().get(0).value()).isLessThanOrEqualTo(0.05);
        assertThat(r.across().measure().get(0).value()).isGreaterThan(0.05);
        assertThat(r.found()).isEqualByComparingTo(r.across().value().add(new BigDecimal("0.007")));
    }

    @Test
    void aSuperiorityStopOfADesignThatCannotStopIsRefusedNamingTheCell() throws Exception {
        Sweep sweep = sweep("protocol: two-arm-exponential.yaml\n" + NULL_AXIS
                + "calibrate: {path: design.analysis.alpha, measure: superiorityStop, target: 0.05, lower: 0.01, upper: 0.1, step: 0.01}\n");
        assertThatThrownBy(() -> calibrate(sweep, 10, 1, 1)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("in cell 'hypothesis=identical arms': the measure superiorityStop is how often a response-adaptive update"
                        + " stops the trial for superiority, and this design has no such stop");
    }

    @Test
    void aPathThatIsNotANumberOrABoundTheProtocolRefusesIsReportedBeforeAnythingRuns() throws Exception {
        Sweep text = sweep("protocol: two-arm-exponential.yaml\n" + NULL_AXIS
                + "calibrate: {path: design.label, measure: rejection, target: 0.05, lower: 0.01, upper: 0.1, step: 0.01}\n");
        assertThatThrownBy(() -> calibrate(text, 10, 1, 1)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("in cell 'hypothesis=identical arms': the calibration's path design.label holds");
        Sweep bound = sweep("protocol: two-arm-exponential.yaml\n" + NULL_AXIS
                + "calibrate: {path: design.analysis.alpha, measure: rejection, target: 0.05, lower: 0.01, upper: 1.5, step: 0.01}\n");
        assertThatThrownBy(() -> calibrate(bound, 10, 1, 1)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("in cell 'hypothesis=identical arms': with design.analysis.alpha = 1.50: ");
    }
}
