package org.trialsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.random.RandomStreams;

/**
 * The closed form gives every patient exactly the general engine's outcome, field by field, on every
 * example and built-in protocol it takes (and on variants of the plain survival example that reach its
 * rarer branches), or declines the protocol.
 */
class ClosedFormPatientsTest {
    private static final int PATIENTS = 2_000;

    static Stream<Arguments> protocols() throws Exception {
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .forEach(f -> all.add(Arguments.of(f.getFileName().toString(), f, new String[0])));
        }
        for (String id : BuiltinProtocols.IDS) {
            all.add(Arguments.of(id, null, new String[] {id}));
        }
        Path plain = Path.of("../examples/two-arm-exponential.yaml");
        for (String[] settings : List.of(
                // relapse competing with death, then death after relapse
                new String[] {"outcomes.relapse[0].curve=control-death", "outcomes.deathAfterEvent[0].curve=control-death"},
                // cured fractions: the cure uniform decides
                new String[] {"outcomes.deathInRemission[0].curedFraction=0.3", "outcomes.deathInRemission[1].curedFraction=0.1"},
                // a horizon that cuts the event times
                new String[] {"followUp.horizonYears=1"},
                // nobody in remission at enrolment: no events in remission at all
                new String[] {"population.initialMrd={type: constant, value: 0.5}"})) {
            all.add(Arguments.of("two-arm-exponential " + String.join(" ", settings), plain, settings));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void givesTheGeneralEnginesOutcomesOrDeclines(String name, Path file, String[] settings) throws Exception {
        CompiledProtocol p = compile(file, settings);
        RandomStreams streams = new RandomStreams(7);
        Optional<ClosedFormPatients> closed = ClosedFormPatients.of(p, streams);
        if (name.equals("two-arm-exponential.yaml") || name.equals("three-look-piecewise.yaml") || name.equals("two-arm-two-to-one.yaml")) {
            assertThat(closed).as("the plain survival examples take the closed form").isPresent();
        }
        if (closed.isEmpty()) {
            return;
        }
        PatientSimulator general = new PatientSimulator(p, streams);
        List<ArmPolicy> policies = new ArrayList<>(List.of(ArmPolicy.BY_RATIO, (a, s, arms, w, state, rng) -> ArmPolicy.NOT_OFFERED));
        for (int arm = 0; arm < p.arms().size(); arm++) {
            policies.add(ArmPolicy.forced(arm));
            policies.add(ArmPolicy.forced(arm, 1.3));
        }
        int events = 0;
        for (ArmPolicy policy : policies) {
            for (long i = 0; i < PATIENTS; i++) {
                String expected = describe(general.simulate(i, policy));
                String actual = describe(closed.get().simulate(i, policy));
                assertThat(actual).as("patient %d", i).isEqualTo(expected);
                events += expected.contains("relapse=Infinity, death=Infinity") ? 0 : 1;
            }
        }
        if (!name.contains("initialMrd")) {
            assertThat(events).as("patients with an event").isPositive();
        }
    }

    private static CompiledProtocol compile(Path file, String[] settings) throws Exception {
        if (file == null) {
            return CompiledProtocol.of(BuiltinProtocols.load(settings[0]));
        }
        LoadedProtocol loaded = new ProtocolReader().read(file, Stream.of(settings).map(Setting::parse).toList());
        return CompiledProtocol.of(loaded);
    }

    /** Every field of the outcome, doubles written exactly (also {@link UnreadAllocationDrawsTest}'s). */
    static String describe(PatientOutcome o) {
        return describe(o, true);
    }

    /** As {@link #describe(PatientOutcome)}, the blocks' toxicities left out unless asked for ({@link PatientSimulatorTest}'s). */
    static String describe(PatientOutcome o, boolean toxicities) {
        StringBuilder path = new StringBuilder();
        for (int k = 0; k < o.pathLength(); k++) {
            path.append(o.pathNode(k)).append(':').append(o.pathChoice(k));
            if (toxicities) {
                path.append(':').append(o.pathToxicities(k));
            }
            path.append(' ');
        }
        double[] assessments = new double[o.assessmentDays.length];
        for (int a = 0; a < assessments.length; a++) {
            assessments[a] = o.assessmentDay(a);
        }
        return "index=" + o.index() + ", state=" + Arrays.toString(o.state()) + ", enrolled=" + o.enrolled() + ", failed=" + o.failedCriteria()
                + "/" + o.firstFailedCriterion() + ", ineligible=" + o.ineligibleTreatments() + ", risk=" + o.initialRisk() + ", arm="
                + o.arm() + ", stratum=" + o.stratum() + ", node=" + o.allocationNode() + ", notOffered=" + o.notOffered()
                + ", allocated=" + o.allocationTime() + ", path=" + path + ", end=" + o.endNode() + ", interrupted=" + o.interruptedAt()
                + ", remission=" + o.reachedRemission() + "/" + o.remissionTime() + ", mrd=" + o.initialMrd() + ", transplanted="
                + o.transplanted() + ", therapy=" + o.timeOnTherapy() + ", cost=" + o.cost() + ", failure=" + o.failureTime()
                + ", relapse=" + o.relapseTime() + ", death=" + o.deathTime() + ", cause=" + o.deathCause() + ", assessments="
                + Arrays.toString(assessments);
    }
}
