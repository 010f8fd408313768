package org.trialsim.simulator.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Target;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.run.Progress;

/**
 * {@code calibrate} measures each target as the cohort result reports it, and judges it by the rule of
 * docs/calibration.md.
 */
class CalibrationMeasureTest {
    private static final CohortOptions OPTIONS = new CohortOptions(4_000, 7, 2, null);

    /** Exact cases of the rule: p ± 1.96 √(p(1−p)/n) around the simulated value, or the published interval. */
    @ParameterizedTest(name = "published {0} [{1}, {2}], simulated {3} at n={4}: {5}")
    @CsvSource(textBlock = """
            0.5, NaN, NaN, 0.5, 100, true
            0.6, NaN, NaN, 0.5, 100, false
            0.597, NaN, NaN, 0.5, 100, true
            0.599, NaN, NaN, 0.5, 100, false
            0.403, NaN, NaN, 0.5, 100, true
            0.401, NaN, NaN, 0.5, 100, false
            0.7, 0.6, 0.8, 0.5, 100, false
            0.7, 0.5, 0.8, 0.5, 100, true
            0.0, NaN, NaN, 0.0, 10, true
            0.01, NaN, NaN, 0.0, 10, false
            """)
    void theVerdictRule(double published, double lower, double upper, double simulated, int n, boolean met) {
        // at p = 0.5 and n = 100 the interval is 0.5 ± 0.098
        assertThat(TargetResult.matches(published, lower, upper, simulated, n)).isEqualTo(met);
    }

    @Test
    void theSimulatedIntervalIsClippedToProportions() {
        assertThat(TargetResult.lower(0.01, 10)).isZero();
        assertThat(TargetResult.upper(0.99, 10)).isEqualTo(1.0);
        assertThat(TargetResult.upper(0.5, 100)).isCloseTo(0.5 + 1.96 * 0.05, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void eachTargetReadsTheFigureTheCohortReports() throws Exception {
        LoadedProtocol protocol = BuiltinProtocols.load("aall1331");
        Simulator simulator = new Simulator();
        CalibrationResult calibration = simulator.calibrate(protocol, OPTIONS, Progress.NONE);
        CohortResult cohort = simulator.cohort(protocol, OPTIONS, Progress.NONE);
        List<TargetResult> targets = calibration.targets();
        assertThat(targets).hasSize(protocol.protocol().targets().size());
        CohortResult.ArmResult a = arm(cohort, "A");
        CohortResult.ArmResult b = arm(cohort, "B");
        CohortResult.ArmResult d = arm(cohort, "D");
        // MRD-negative at the end of reinduction on B, of all patients on the arm
        assertThat(targets.get(0).simulated()).isEqualTo(
                (double) b.responses().stream().filter(r -> r.assessment().equals("eob1")).findFirst().orElseThrow().negative().count()
                        / b.flow().onArm());
        assertThat(targets.get(7).simulated()).as("transplanted on A").isEqualTo(a.transplant().estimate());
        assertThat(targets.get(8).simulated()).as("relapse as first event on B, at 3 years").isEqualTo(
                endpoint(b, "dfs").incidence().stream().filter(i -> i.event().equals("relapse")).findFirst().orElseThrow()
                        .landmarks().get(2).estimate());
        assertThat(targets.get(12).simulated()).as("grade ≥3 infection in B's first blinatumomab cycle").isEqualTo(
                b.toxicities().stream().filter(t -> t.block().equals("b-blina1")).findFirst().orElseThrow().toxicities().stream()
                        .filter(t -> t.toxicity().equals("infection-g3")).findFirst().orElseThrow().rate().estimate());
        assertThat(targets.get(14).simulated()).as("4-year DFS on D").isEqualTo(endpoint(d, "dfs").landmarks().get(3).estimate());
        for (TargetResult t : targets) {
            if (t.target().measure() == Target.Measure.HAZARD_RATIO) {
                continue; // judged on its own interval: HazardRatioTargetTest
            }
            assertThat(t.simulatedLower()).isEqualTo(TargetResult.lower(t.simulated(), t.target().n()));
            assertThat(t.met()).isEqualTo(TargetResult.matches(t.target().value(), t.target().lower() == null ? Double.NaN
                    : t.target().lower(), t.target().upper() == null ? Double.NaN : t.target().upper(), t.simulated(), t.target().n()));
        }
        assertThat(calibration.missed()).isEqualTo(targets.stream().filter(t -> !t.met()).count());
        assertThat(calibration.provenance().patients()).isEqualTo(4_000);
    }

    @Test
    void mrdOfThoseAssessedAndBelowAThreshold() throws Exception {
        LoadedProtocol protocol = BuiltinProtocols.load("interfant-06-blina");
        CalibrationResult calibration = new Simulator().calibrate(protocol, OPTIONS, Progress.NONE);
        CohortResult.Response post = arm(new Simulator().cohort(protocol, OPTIONS, Progress.NONE), "blina").responses().stream()
                .filter(r -> r.assessment().equals("post-blina")).findFirst().orElseThrow();
        assertThat(calibration.targets().get(0).simulated()).isEqualTo(post.negative().estimate());
        assertThat(calibration.targets().get(1).simulated()).isEqualTo(post.belowThreshold().get(0).rate().estimate());
    }

    @Test
    void aTargetNobodyCanBeMeasuredOnIsMissed() throws Exception {
        TargetResult r = TargetResult.of(BuiltinProtocols.load("aall1121").protocol().targets().get(0), Double.NaN);
        assertThat(r.met()).isFalse();
        assertThat(r.simulated()).isNull();
        assertThat(r.simulatedLower()).isNull();
    }

    @Test
    void aProtocolWithoutTargetsIsRefused() throws Exception {
        LoadedProtocol none = new ProtocolReader().read(Path.of("../examples/two-arm-exponential.yaml"));
        assertThatThrownBy(() -> new Simulator().calibrate(none, OPTIONS, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no targets");
    }

    private static CohortResult.ArmResult arm(CohortResult r, String id) {
        return r.arms().stream().filter(a -> a.arm().equals(id)).findFirst().orElseThrow();
    }

    private static CohortResult.EndpointResult endpoint(CohortResult.ArmResult arm, String id) {
        return arm.endpoints().stream().filter(e -> e.endpoint().equals(id)).findFirst().orElseThrow();
    }
}
