package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.InvalidProtocolException;
import org.trialsim.simulator.run.Progress;

/** A margin in simulated trials: no effect is no margin, a response margin is tested by Farrington–Manning, --null at it is refused. */
class MarginTrialTest {
    private static final int R = 400;

    /** The protocol-model's two-arm test protocol (MRD after induction on each arm) with a randomized response comparison. */
    private static LoadedProtocol responseTrial(String analysis) throws Exception {
        String text = Files.readString(Path.of("../protocol-model/src/test/resources/protocols/two-arm-one-decision.yaml"),
                StandardCharsets.UTF_8) + """
                design:
                  type: randomized
                  sampleSize: 200
                  comparisons: [{control: control, experimental: experimental, response: "mrd < 0.01%%"}]
                  analysis: {alpha: 0.025%s}
                """.formatted(analysis);
        return new ProtocolReader().read("response.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static TrialResult run(LoadedProtocol p, boolean nullScenario) {
        return new Simulator().trial(p, new TrialOptions(R, 7, 2, nullScenario), Progress.NONE);
    }

    private static LoadedProtocol survivalTrial(List<Setting> settings) throws Exception {
        return new ProtocolReader().read(Path.of("../examples/two-arm-exponential.yaml"), settings);
    }

    @ParameterizedTest(name = "--null {0}")
    @ValueSource(booleans = {false, true})
    void aHazardRatioMarginOfOneIsSuperiorityExactly(boolean nullScenario) throws Exception {
        TrialResult plain = run(survivalTrial(List.of()), nullScenario);
        TrialResult one = run(survivalTrial(List.of(Setting.parse("design.analysis.margin=1"),
                Setting.parse("design.analysis.hypothesis=superiority"))), nullScenario);
        assertThat(one.analyses()).isEqualTo(plain.analyses());
        assertThat(one.analyses().get(0).margin()).isNull();
    }

    @ParameterizedTest(name = "--null {0}")
    @ValueSource(booleans = {false, true})
    void aResponseMarginOfZeroIsSuperiorityExactly(boolean nullScenario) throws Exception {
        TrialResult plain = run(responseTrial(""), nullScenario);
        TrialResult zero = run(responseTrial(", margin: 0"), nullScenario);
        assertThat(zero.analyses()).isEqualTo(plain.analyses());
        assertThat(plain.analyses().get(0).test()).isEqualTo("Fisher's exact test");
    }

    @Test
    void aResponseMarginIsTestedByFarringtonManning() throws Exception {
        TrialResult.AnalysisResult a = run(responseTrial(", margin: -0.1, hypothesis: non-inferiority"), false).analyses().get(0);
        assertThat(a.test()).isEqualTo("Farrington-Manning at difference in response rates <= -0.1 (non-inferiority)");
        assertThat(a.margin().scale()).isEqualTo("difference in response rates");
        // the experimental arm's deeper MRD response makes non-inferiority by 0.1 nearly certain at 100 a side
        assertThat(a.rejection().value()).isGreaterThan(0.9);
        // the Wald interval above -0.1 and the score test agree in all but the closest trials
        assertThat(a.margin().intervalBeyond().value()).isCloseTo(a.rejection().value(), within(0.05));
    }

    @Test
    void theNullHypothesisAtAResponseMarginIsRefusedAtTheField() throws Exception {
        LoadedProtocol p = responseTrial(", margin: -0.1, hypothesis: non-inferiority");
        InvalidProtocolException e = catchThrowableOfType(InvalidProtocolException.class, () -> run(p, true));
        assertThat(e).isNotNull();
        assertThat(e.problem().path()).isEqualTo("design.analysis.margin");
        assertThat(e.problem().message()).contains("--null cannot simulate a response comparison at a margin");
    }

    @Test
    void theNonInferiorityExampleTestsItsMarginAndPutsTheNullThere() throws Exception {
        LoadedProtocol p = new ProtocolReader().read(Path.of("../examples/non-inferiority-blina.yaml"));
        TrialResult.AnalysisResult a = new Simulator().trial(p, new TrialOptions(200, 3, 2, true), Progress.NONE).analyses().get(0);
        assertThat(a.test()).isEqualTo("log-rank at hazard ratio >= 1.35 (non-inferiority)");
        assertThat(a.margin().margin()).isEqualTo(1.35);
        // the pathway has blocks, so the true effect under the null comes from the large trial: at the margin
        assertThat(a.effect().truthMethod()).isEqualTo("large trial");
        assertThat(a.effect().truth()).isCloseTo(Math.log(1.35), within(4 * a.effect().truthStandardError()));
    }
}
