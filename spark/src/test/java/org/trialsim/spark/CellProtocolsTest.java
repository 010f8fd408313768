package org.trialsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.cli.SparkSweeps;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.Simulator;

/** A sweep's cells' protocols are read and compiled once for all the slices that share them, and the cells needing the large trial are known without running it. */
class CellProtocolsTest {
    private static final String EXAMPLE = "../examples/two-arm-exponential.yaml";

    private static Sweep sweep(String... arguments) throws Exception {
        return SparkSweeps.sweep(List.of(arguments));
    }

    @Test
    void aCellsProtocolIsReadAndCompiledOnceAndAnotherCellsAnew() throws Exception {
        Sweep sweep = sweep("--protocol", EXAMPLE, "--vary", "design.sampleSize=180,220");
        CellProtocols protocols = CellProtocols.of(new Simulator(), sweep);
        LoadedProtocol first = protocols.load(sweep.settings(sweep.cells().get(0)));
        // as a second slice of the cell asks for it, with settings equal in content
        LoadedProtocol again = protocols.load(List.copyOf(sweep.settings(sweep.cells().get(0))));
        assertThat(again).isSameAs(first);
        assertThat(protocols.simulation(again)).isSameAs(protocols.simulation(first));
        LoadedProtocol other = protocols.load(sweep.settings(sweep.cells().get(1)));
        assertThat(other).isNotSameAs(first);
        assertThat(other.protocol().design()).isNotEqualTo(first.protocol().design());
        assertThat(protocols.simulation(other)).isNotSameAs(protocols.simulation(first));
        assertThat(protocols.analyses(first)).isEqualTo(new Simulator().trialSimulation(first).analysisLabels());
    }

    @Test
    void aProtocolItDidNotReadIsCompiledButNotKept() throws Exception {
        CellProtocols protocols = CellProtocols.of(new Simulator(), sweep("--protocol", EXAMPLE, "--vary", "design.sampleSize=180,220"));
        LoadedProtocol elsewhere = new Simulator().load(EXAMPLE);
        assertThat(protocols.simulation(elsewhere)).isNotSameAs(protocols.simulation(elsewhere));
    }

    @Test
    void aSweepOfMoreCellsThanItKeepsDropsTheOldestAndReadsItAgain() throws Exception {
        StringBuilder sizes = new StringBuilder("design.sampleSize=");
        for (int n = 0; n <= CellProtocols.KEPT; n++) {
            sizes.append(n == 0 ? "" : ",").append(180 + 2 * n);
        }
        Sweep sweep = sweep("--protocol", EXAMPLE, "--vary", sizes.toString());
        CellProtocols protocols = CellProtocols.of(new Simulator(), sweep);
        LoadedProtocol first = protocols.load(sweep.settings(sweep.cells().get(0)));
        for (Sweep.Cell cell : sweep.cells()) {
            protocols.load(sweep.settings(cell));
        }
        LoadedProtocol again = protocols.load(sweep.settings(sweep.cells().get(0)));
        assertThat(again).isNotSameAs(first);
        assertThat(again.contentHash()).isEqualTo(first.contentHash());
    }

    @ParameterizedTest(name = "{0}, null {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ../examples/two-arm-exponential.yaml | false | ''
            ../examples/two-arm-exponential.yaml | true  | ''
            aall1331                             | false | 0 1
            """)
    void theCellsNeedingTheLargeTrialAreThoseWhoseTrueEffectsHaveNoClosedForm(String protocol, boolean withNull, String needing)
            throws Exception {
        Sweep sweep = withNull ? sweep("--protocol", protocol, "--vary", "design.sampleSize=600,670", "--null")
                : sweep("--protocol", protocol, "--vary", "design.sampleSize=600,670");
        CellProtocols protocols = CellProtocols.of(new Simulator(), sweep);
        List<Integer> expected = needing.isBlank() ? List.of() : Arrays.stream(needing.split(" ")).map(Integer::valueOf).toList();
        assertThat(protocols.needingTheLargeTrial()).isEqualTo(expected);
        for (int c = 0; c < sweep.cells().size(); c++) {
            Sweep.Cell cell = sweep.cells().get(c);
            boolean runs = new Simulator().trialSimulation(new Simulator().load(protocol, sweep.settings(cell).stream()
                    .map(Object::toString).toArray(String[]::new))).runsLargeTrial(Sweep.nullHypothesis(cell));
            assertThat(expected.contains(c)).as("cell %d", c).isEqualTo(runs);
        }
    }
}
