package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.gamma.Erfc;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;

class ReplicateRecordsTest {

    /** The two-arm example with two interim looks and a futility bound, so that trials stop at every look. */
    private static LoadedProtocol threeLooks() throws Exception {
        return new ProtocolReader().read(Path.of("../examples/two-arm-exponential.yaml"), List.of(
                Setting.parse("design.analysis.informationFractions=[0.3333333333333333, 0.6666666666666666, 1]"),
                Setting.parse("design.analysis.spending=obrien-fleming"),
                Setting.parse("design.analysis.futilityBounds=[0, 0]")));
    }

    private static String csv(LoadedProtocol p, TrialOptions options, List<ReplicateLook> rows) throws IOException {
        StringWriter out = new StringWriter();
        ReplicateRecords records = ReplicateRecords.to(out);
        new Simulator().trial(p, options, Progress.NONE, batch -> {
            rows.addAll(batch);
            records.accept(batch);
        });
        return out.toString();
    }

    @Test
    void everyLookUpToTheConclusionHasARowAndTheConclusionsAreTheResults() throws Exception {
        LoadedProtocol p = threeLooks();
        TrialOptions options = new TrialOptions(400, 3, 2, false);
        List<ReplicateLook> rows = new ArrayList<>();
        csv(p, options, rows);
        TrialResult result = new Simulator().trial(p, options);
        TrialResult.AnalysisResult analysis = result.analyses().get(0);

        long expectedReplicate = 0;
        int expectedLook = 1;
        long rejections = 0;
        long[] efficacyAt = new long[3];
        long[] futilityAt = new long[3];
        double patients = 0;
        for (ReplicateLook row : rows) {
            assertThat(row.replicate()).isEqualTo(expectedReplicate);
            assertThat(row.look()).isEqualTo(expectedLook);
            assertThat(row.analysis()).isEqualTo(1);
            if (row.concluded()) {
                expectedReplicate++;
                expectedLook = 1;
                patients += row.patients();
                if (row.decision().equals(ReplicateLook.EFFICACY)) {
                    rejections++;
                    efficacyAt[row.look() - 1]++;
                } else if (row.decision().equals(ReplicateLook.FUTILITY)) {
                    futilityAt[row.look() - 1]++;
                }
                assertThat(Double.isFinite(row.estimate())).isTrue();
            } else {
                expectedLook++;
                assertThat(row.estimate()).isNaN();
            }
            assertThat(row.pValue()).isBetween(0.0, 1.0);
        }
        assertThat(expectedReplicate).isEqualTo(400);
        assertThat(rejections / 400.0).isEqualTo(analysis.rejection().value());
        for (int k = 0; k < 3; k++) {
            assertThat(efficacyAt[k] / 400.0).isEqualTo(analysis.looks().get(k).stopForEfficacy().value());
            assertThat(futilityAt[k] / 400.0).isEqualTo(analysis.looks().get(k).stopForFutility().value());
        }
        assertThat(efficacyAt[0] + futilityAt[0]).as("trials stopping at the first look").isPositive();
        assertThat(patients / 400).isEqualTo(analysis.patients().mean());
    }

    @Test
    void theDecisionFollowsTheStatisticAndItsBoundary() throws Exception {
        // the log-rank z against the efficacy bound of its look; the p-value is the normal tail of z
        LoadedProtocol p = threeLooks();
        List<ReplicateLook> rows = new ArrayList<>();
        csv(p, new TrialOptions(200, 5, 1, false), rows);
        TrialResult.AnalysisResult analysis = new Simulator().trial(p, new TrialOptions(1, 5, 1, false)).analyses().get(0);
        for (ReplicateLook row : rows) {
            double bound = analysis.looks().get(row.look() - 1).efficacyBound();
            assertThat(row.decision().equals(ReplicateLook.EFFICACY)).isEqualTo(row.statistic() >= bound);
            if (row.decision().equals(ReplicateLook.FUTILITY)) {
                assertThat(row.statistic()).isLessThan(0);
            }
            assertThat(row.pValue()).isCloseTo(0.5 * Erfc.value(row.statistic() / Math.sqrt(2)), within(1e-12));
        }
    }

    @Test
    void theFileIsTheSameBytesForAnyThreadCount() throws Exception {
        LoadedProtocol p = BuiltinProtocols.load("aall1331");
        String one = csv(p, new TrialOptions(150, 9, 1, false), new ArrayList<>());
        assertThat(csv(p, new TrialOptions(150, 9, 2, false), new ArrayList<>())).isEqualTo(one);
        assertThat(csv(p, new TrialOptions(150, 9, 5, false), new ArrayList<>())).isEqualTo(one);
        assertThat(one.lines().findFirst()).contains(String.join(",", ReplicateRecords.COLUMNS));
        assertThat(one.lines().skip(1).map(l -> l.split(",", -1)[1]).distinct()).containsExactly("1", "2");
    }

    @Test
    void oneArmAndResponseAnalysesHaveOneLookEach() throws Exception {
        List<ReplicateLook> rows = new ArrayList<>();
        String text = csv(BuiltinProtocols.load("cccg-blina-d19"), new TrialOptions(50, 1, 2, false), rows);
        assertThat(rows).hasSize(50).allSatisfy(row -> {
            assertThat(row.look()).isEqualTo(1);
            assertThat(row.concluded()).isTrue();
            assertThat(row.statistic()).isEqualTo(row.events());
        });
        assertThat(text.lines().skip(1)).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(ReplicateRecords.COLUMNS.size()));
    }

    @Test
    void aListenerThatCannotWriteStopsTheRunWithItsException() throws Exception {
        LoadedProtocol p = threeLooks();
        assertThatThrownBy(() -> new Simulator().trial(p, new TrialOptions(1000, 1, 2, false), Progress.NONE, rows -> {
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
    }
}
