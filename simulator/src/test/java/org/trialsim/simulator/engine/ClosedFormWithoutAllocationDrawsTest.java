package org.trialsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.random.RandomStreams;

/**
 * A trial's allocation policies draw nothing from a patient's allocation draws, so the closed form may
 * leave that stream unpositioned for them: every patient's outcome is then the one
 * {@link ClosedFormPatients#simulate(long, ArmPolicy)} gives, including under a hazard factor, with a cure
 * uniform and with relapse competing with death.
 */
class ClosedFormWithoutAllocationDrawsTest {
    private static final int PATIENTS = 3_000;

    @ParameterizedTest(name = "settings: [{0}]")
    @ValueSource(strings = {"", "outcomes.relapse[0].curve=control-death outcomes.deathAfterEvent[0].curve=control-death",
        "outcomes.deathInRemission[0].curedFraction=0.3 outcomes.deathInRemission[1].curedFraction=0.1", "followUp.horizonYears=1"})
    void givesTheOutcomesOfTheFullSimulation(String settings) throws Exception {
        List<Setting> changes = settings.isEmpty() ? List.of() : Stream.of(settings.split(" ")).map(Setting::parse).toList();
        CompiledProtocol p = CompiledProtocol.of(new ProtocolReader().read(Path.of("../examples/two-arm-exponential.yaml"), changes));
        // two simulators, since an outcome is reused by the next call of the same one
        ClosedFormPatients full = ClosedFormPatients.of(p, new RandomStreams(11)).orElseThrow();
        ClosedFormPatients without = ClosedFormPatients.of(p, new RandomStreams(11)).orElseThrow();
        List<ArmPolicy> policies = new ArrayList<>(List.of((a, s, arms, w, state, rng) -> ArmPolicy.NOT_OFFERED));
        for (int arm = 0; arm < p.arms().size(); arm++) {
            policies.add(ArmPolicy.forced(arm));
            policies.add(ArmPolicy.forced(arm, 1.3));
        }
        int events = 0;
        for (ArmPolicy policy : policies) {
            for (long i = 0; i < PATIENTS; i++) {
                String expected = ClosedFormPatientsTest.describe(full.simulate(i, policy));
                String actual = ClosedFormPatientsTest.describe(without.simulateWithoutAllocationDraws(i, policy));
                assertThat(actual).as("patient %d", i).isEqualTo(expected);
                events += expected.contains("relapse=Infinity, death=Infinity") ? 0 : 1;
            }
        }
        assertThat(events).as("patients with an event").isPositive();
    }
}
