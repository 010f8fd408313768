package org.trialsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;

/** An executor compiles a protocol once for all the ranges it runs, and a changed protocol anew. */
class OnExecutorTest {
    private static final String EXAMPLE = "../examples/two-arm-exponential.yaml";

    @Test
    void theSameProtocolIsCompiledOnceAndAnotherAnew() throws Exception {
        Simulator simulator = new Simulator();
        ProtocolText text = ProtocolText.of(simulator.load(EXAMPLE));
        // as a broadcast hands it to each task: a copy, equal in content
        ProtocolText copy = new ProtocolText(text.json(), text.source(), text.contentHash(), List.copyOf(text.settings()));
        assertThat(OnExecutor.trialSimulation(copy)).isSameAs(OnExecutor.trialSimulation(text));
        assertThat(OnExecutor.cohortSimulation(copy)).isSameAs(OnExecutor.cohortSimulation(text));
        LoadedProtocol changed = simulator.load(EXAMPLE, "design.sampleSize=300");
        assertThat(OnExecutor.trialSimulation(ProtocolText.of(changed))).isNotSameAs(OnExecutor.trialSimulation(text));
    }

    @Test
    void aSweepIsReadAndCheckedOncePerExecutor() {
        List<String> arguments = List.of("--protocol", EXAMPLE, "--vary", "design.sampleSize=180,220");
        assertThat(OnExecutor.exploration(arguments)).isSameAs(OnExecutor.exploration(List.copyOf(arguments)));
        assertThat(OnExecutor.exploration(List.of("--protocol", EXAMPLE, "--vary", "design.sampleSize=180,240")))
                .isNotSameAs(OnExecutor.exploration(arguments));
    }
}
