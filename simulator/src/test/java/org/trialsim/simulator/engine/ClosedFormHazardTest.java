package org.trialsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;

class ClosedFormHazardTest {

    private static CompiledProtocol example(String... settings) throws Exception {
        LoadedProtocol p = new ProtocolReader().read(Path.of("../examples/two-arm-exponential.yaml"),
                Stream.of(settings).map(Setting::parse).toList());
        return CompiledProtocol.of(p);
    }

    private static Optional<ScaledHazard> hazard(CompiledProtocol p, String arm) {
        return p.closedFormHazard(p.arms().indexOf(arm), EndpointTime.of(p.loaded().protocol().endpoints().get("os")));
    }

    @Test
    void theExampleIsOneCurveTimesTheArmsHazardRatio() throws Exception {
        CompiledProtocol p = example();
        assertThat(hazard(p, "control")).get().extracting(ScaledHazard::multiplier).isEqualTo(1.0);
        assertThat(hazard(p, "experimental")).get().extracting(ScaledHazard::multiplier).isEqualTo(0.6);
        assertThat(hazard(p, "control").get().curve()).isEqualTo(hazard(p, "experimental").get().curve());
        assertThat(hazard(p, "control").get().curve().cumulativeHazard(365.25)).isCloseTo(Math.log(2), within(1e-12));
    }

    /** Each change makes the hazard something that only simulation can tell. */
    @ParameterizedTest
    @ValueSource(strings = {
        // a relapse hazard the endpoint (death) does not count: relapse, then death after it
        "outcomes.relapse[0].curve=control-death",
        // a cured fraction: no longer proportional
        "outcomes.deathInRemission[0].curedFraction=0.2",
        // a rule chosen by something other than the arm
        "outcomes.deathInRemission[0].when=arm == \"experimental\" and risk == \"all\"",
        // not everyone in remission at enrolment
        "population.initialMrd={type: uniform, min: 0, max: 0.001}",
    })
    void anythingElseIsLeftToSimulation(String setting) throws Exception {
        CompiledProtocol p;
        try {
            p = example(setting);
        } catch (org.trialsim.protocol.ProtocolException e) {
            throw new AssertionError("the test's setting is not valid: " + e.problems(), e);
        }
        assertThat(hazard(p, "experimental").isEmpty() || hazard(p, "control").isEmpty()).as(setting).isTrue();
    }

    static Stream<String> builtIns() {
        return BuiltinProtocols.IDS.stream();
    }

    /** Every built-in has a pathway of blocks and decisions: its effects are simulated. */
    @ParameterizedTest
    @MethodSource("builtIns")
    void noBuiltInIsClosedForm(String id) throws Exception {
        CompiledProtocol p = CompiledProtocol.of(BuiltinProtocols.load(id));
        for (int arm = 0; arm < p.arms().size(); arm++) {
            for (var endpoint : p.loaded().protocol().endpoints().values()) {
                assertThat(p.closedFormHazard(arm, EndpointTime.of(endpoint))).isEmpty();
            }
        }
    }

    @Test
    void noEventsAtAllIsNotAHazardToCompare() throws Exception {
        assertThat(hazard(example("outcomes.deathInRemission[0].curve=none", "outcomes.deathInRemission[1].curve=none"),
                "experimental")).isEmpty();
    }
}
