package org.trialsim.simulator.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;

/**
 * The cohort's partial tallies as a Spark task or a shard uses them: runs over ranges, encoded and decoded,
 * and merged in order, give the result of one run, whatever the cuts.
 */
class CohortPartialTest {
    private static final CohortOptions OPTIONS = new CohortOptions(10_000, 7, 2, null)
            .subgroups(List.of("risk == \"HR\"", "risk == \"LR\""));

    private final CohortSimulation simulation = simulation("aall1331");

    @Test
    void decodedPartialsOfUnevenRangesMergeIntoOneRunsResult() throws IOException {
        CohortResult one = simulation.run(OPTIONS, Progress.NONE);
        long[] cuts = {0, 1, 8_193, 8_200, 10_000};
        List<CohortPartial> parts = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.length; i++) {
            parts.add(roundTrip(simulation.runPart(OPTIONS.threads(1), new IndexRange(cuts[i], cuts[i + 1]), Progress.NONE)));
        }
        assertThat(simulation.merge(parts)).isEqualTo(one);
        // a tree of merges (as a Spark reduce) gives the same: the left half and the right half, each combined first
        CohortPartial left = roundTrip(simulation.combine(parts.subList(0, 2)));
        CohortPartial right = simulation.combine(parts.subList(2, 4));
        assertThat(left.range()).isEqualTo(new IndexRange(0, 8_193));
        assertThat(simulation.merge(List.of(left, right))).isEqualTo(one);
    }

    @Test
    void encodingIsTheSameBytesAfterADecodeAndSmall() throws IOException {
        CohortPartial part = simulation.runPart(OPTIONS, new IndexRange(100, 5_100), Progress.NONE);
        byte[] bytes = encode(part);
        assertThat(encode(simulation.readPartial(new ByteArrayInputStream(bytes)))).isEqualTo(bytes);
        assertThat(bytes.length).isLessThan(200_000);
    }

    @Test
    void gapsOverlapsOtherRunsAndDamagedBytesAreRefused() throws IOException {
        CohortPartial a = simulation.runPart(OPTIONS, new IndexRange(0, 50), Progress.NONE);
        CohortPartial b = simulation.runPart(OPTIONS, new IndexRange(50, 100), Progress.NONE);
        CohortPartial c = simulation.runPart(OPTIONS, new IndexRange(60, 10_000), Progress.NONE);
        assertThatThrownBy(() -> simulation.merge(List.of(a, c))).hasMessage("patients 50 to 59 are missing");
        assertThatThrownBy(() -> simulation.merge(List.of(a, b, c))).hasMessage("patients 60 to 99 are held twice");
        assertThatThrownBy(() -> simulation.merge(List.of(a, b))).hasMessage("patients 100 to 9999 are missing");
        CohortPartial otherSeed = simulation.runPart(OPTIONS.seed(8), new IndexRange(50, 100), Progress.NONE);
        assertThatThrownBy(() -> simulation.combine(List.of(a, otherSeed))).hasMessageContaining("are of another run");

        byte[] bytes = encode(a);
        assertThatThrownBy(() -> simulation.readPartial(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 1))))
                .isInstanceOf(IOException.class);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> simulation.readPartial(new ByteArrayInputStream(longer))).hasMessage("it has bytes after its tallies");
        byte[] version = bytes.clone();
        version[7] = 2;
        assertThatThrownBy(() -> simulation.readPartial(new ByteArrayInputStream(version)))
                .hasMessage("its codec is version 2; this trialsim reads version 1");
        CohortSimulation other = simulation("interfant-21");
        assertThatThrownBy(() -> other.readPartial(new ByteArrayInputStream(bytes))).hasMessageContaining("content hash");
    }

    private static CohortSimulation simulation(String id) {
        try {
            return new Simulator().cohortSimulation(BuiltinProtocols.load(id));
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    private CohortPartial roundTrip(CohortPartial part) throws IOException {
        return simulation.readPartial(new ByteArrayInputStream(encode(part)));
    }

    private static byte[] encode(CohortPartial part) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.write(out);
        return out.toByteArray();
    }
}
