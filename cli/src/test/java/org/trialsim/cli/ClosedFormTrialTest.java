package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsim.cli.report.Format;
import org.trialsim.cli.report.TrialReport;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.simulator.engine.ClosedFormPatients;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * Every example and built-in trial whose patients take the closed form ({@link ClosedFormPatients})
 * gives the same JSON, byte for byte, as when they walk the general engine, under the alternative and
 * the null hypothesis; the others decline it, and the plain survival examples do take it.
 */
class ClosedFormTrialTest {

    static Stream<Arguments> trials() throws Exception {
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> all.add(Arguments.of(f.toString())));
        }
        BuiltinProtocols.IDS.forEach(id -> all.add(Arguments.of(id)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trials")
    void theClosedFormGivesTheGeneralEnginesTrialJson(String protocol) throws Exception {
        LoadedProtocol loaded = protocol.endsWith(".yaml") ? new ProtocolReader().read(Path.of(protocol)) : BuiltinProtocols.load(protocol);
        CompiledProtocol compiled = CompiledProtocol.of(loaded);
        boolean closedForm = ClosedFormPatients.of(compiled, new RandomStreams(1)).isPresent();
        if (protocol.contains("two-arm-") || protocol.contains("three-look")) {
            assertThat(closedForm).as("a plain survival design takes the closed form").isTrue();
        }
        if (!closedForm) {
            return; // declined: both runs would walk the general engine
        }
        TrialSimulation simulation;
        try {
            simulation = new TrialSimulation(compiled, Registry.builtIns());
        } catch (IllegalArgumentException e) {
            return; // no trial of replicates (no design, or a phase 1-2 design)
        }
        for (boolean nullScenario : new boolean[] {false, true}) {
            TrialOptions options = new TrialOptions(150, 3, 2, nullScenario);
            String fast = json(simulation, options, loaded);
            assertThat(fast).contains("\"replicates\" : 150");
            assertThat(fast).as("null: %s", nullScenario).isEqualTo(json(simulation.withGeneralEngine(), options, loaded));
        }
    }

    private static String json(TrialSimulation simulation, TrialOptions options, LoadedProtocol loaded) throws Exception {
        StringWriter out = new StringWriter();
        new TrialReport(simulation.run(options, Progress.NONE), loaded.protocol()).write(Format.JSON, out);
        return out.toString();
    }
}
