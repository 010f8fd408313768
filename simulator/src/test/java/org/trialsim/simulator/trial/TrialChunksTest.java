package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;

/**
 * The replicates per chunk are the harness's choice, not part of the result: tallies of any cut merge
 * to the same result, and the replicates' rows come in the same order.
 */
class TrialChunksTest {

    private static LoadedProtocol protocol(String name) throws Exception {
        return name.endsWith(".yaml") ? new ProtocolReader().read(Path.of("../examples", name), List.of()) : BuiltinProtocols.load(name);
    }

    /** The result and every replicate's rows of a run in chunks of the given size. */
    private record Run(TrialResult result, List<ReplicateLook> rows) {
        static Run of(TrialSimulation simulation, TrialOptions options) throws Exception {
            List<ReplicateLook> rows = new ArrayList<>();
            TrialResult result = simulation.run(options, Progress.NONE, rows::addAll);
            return new Run(result, rows);
        }
    }

    @ParameterizedTest(name = "{0}, {1} replicates")
    @CsvSource({"two-arm-exponential.yaml, 300", "three-look-piecewise.yaml, 300", "adaptive-two-arm.yaml, 80", "interfant-21, 40"})
    void anyChunkSizeGivesTheSameResultAndRows(String name, int replicates) throws Exception {
        TrialSimulation simulation = new Simulator().trialSimulation(protocol(name));
        TrialOptions options = new TrialOptions(replicates, 3, 2, false);
        Run usual = Run.of(simulation, options);
        assertThat(usual.rows()).extracting(ReplicateLook::replicate).startsWith(0L).endsWith(replicates - 1L);
        int[][] chunksAndThreads = {{1, 1}, {7, 3}, {replicates, 2}};
        for (int[] c : chunksAndThreads) {
            Run cut = Run.of(simulation.withChunks(c[0]), new TrialOptions(replicates, 3, c[1], false));
            assertThat(cut.result()).as("chunks of %d on %d threads", c[0], c[1]).isEqualTo(usual.result());
            assertThat(cut.rows()).as("chunks of %d on %d threads", c[0], c[1]).isEqualTo(usual.rows());
        }
    }
}
