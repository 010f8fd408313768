package org.trialsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.random.RandomStreams;

/**
 * A policy that does not read the patient's draws for the allocation ({@link ArmPolicy#readsPatientDraws}) is
 * given null, and both engines leave those draws unpositioned: every patient's outcome is the one the same
 * choice gives with the draws positioned, including under a hazard factor, with a cure uniform and with
 * relapse competing with death.
 */
class UnreadAllocationDrawsTest {
    private static final int PATIENTS = 3_000;

    @ParameterizedTest(name = "settings: [{0}]")
    @ValueSource(strings = {"", "outcomes.relapse[0].curve=control-death outcomes.deathAfterEvent[0].curve=control-death",
        "outcomes.deathInRemission[0].curedFraction=0.3 outcomes.deathInRemission[1].curedFraction=0.1", "followUp.horizonYears=1"})
    void givesTheOutcomesOfTheSameChoiceWithTheDrawsPositioned(String settings) throws Exception {
        List<Setting> changes = settings.isEmpty() ? List.of() : Stream.of(settings.split(" ")).map(Setting::parse).toList();
        CompiledProtocol p = CompiledProtocol.of(new ProtocolReader().read(Path.of("../examples/two-arm-exponential.yaml"), changes));
        List<ArmPolicy> policies = new ArrayList<>();
        for (int arm = 0; arm < p.arms().size(); arm++) {
            policies.add(ArmPolicy.forced(arm));
            policies.add(ArmPolicy.forced(arm, 1.3));
        }
        // two simulators of each engine, since an outcome is reused by the next call of the same one
        List<Patients[]> engines = List.of(
                new Patients[] {ClosedFormPatients.of(p, new RandomStreams(11)).orElseThrow(),
                    ClosedFormPatients.of(p, new RandomStreams(11)).orElseThrow()},
                new Patients[] {new PatientSimulator(p, new RandomStreams(11)), new PatientSimulator(p, new RandomStreams(11))});
        int events = 0;
        for (Patients[] engine : engines) {
            for (ArmPolicy policy : policies) {
                assertThat(policy.readsPatientDraws()).isFalse();
                ArmPolicy reading = new Reading(policy);
                for (long i = 0; i < PATIENTS; i++) {
                    String expected = ClosedFormPatientsTest.describe(engine[0].simulate(i, reading));
                    String actual = ClosedFormPatientsTest.describe(engine[1].simulate(i, policy));
                    assertThat(actual).as("patient %d", i).isEqualTo(expected);
                    events += expected.contains("relapse=Infinity, death=Infinity") ? 0 : 1;
                }
            }
        }
        assertThat(events).as("patients with an event").isPositive();
    }

    /** The same choice by a policy that says it reads the draws, so that the engines position them; it checks it got them. */
    private record Reading(ArmPolicy policy) implements ArmPolicy {
        @Override
        public int choose(int allocation, int stratum, int[] arms, int[] weights, double[] state, UniformRandomProvider rng) {
            assertThat(rng).as("the patient's draws").isNotNull();
            return policy.choose(allocation, stratum, arms, weights, state, rng);
        }

        @Override
        public double hazardFactor() {
            return policy.hazardFactor();
        }
    }
}
