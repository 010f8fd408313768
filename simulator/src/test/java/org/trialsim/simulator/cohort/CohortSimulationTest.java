package org.trialsim.simulator.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.run.Progress;

class CohortSimulationTest {

    private static CohortResult run(String id, long patients, int threads, String arm) throws Exception {
        return new Simulator().cohort(BuiltinProtocols.load(id), new CohortOptions(patients, 99, threads, arm), Progress.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"interfant-21", "aall1331"})
    void oneSeedGivesTheSameResultForAnyThreadCount(String id) throws Exception {
        // 20,001 patients: not a multiple of the chunk size, so threads get uneven work
        CohortResult one = run(id, 20_001, 1, null);
        assertThat(run(id, 20_001, 2, null)).isEqualTo(one);
        assertThat(run(id, 20_001, 8, null)).isEqualTo(one);
    }

    @Test
    void differentSeedsGiveDifferentPatients() throws Exception {
        CohortResult a = new Simulator().cohort(BuiltinProtocols.load("interfant-21"), new CohortOptions(5_000, 1, 2, null), Progress.NONE);
        CohortResult b = new Simulator().cohort(BuiltinProtocols.load("interfant-21"), new CohortOptions(5_000, 2, 2, null), Progress.NONE);
        assertThat(a.arms().get(0).flow().enrolled()).isNotEqualTo(b.arms().get(0).flow().enrolled());
    }

    @Test
    void everyArmIsSimulatedOnTheSameVirtualPatients() throws Exception {
        CohortResult result = run("aall1331", 20_000, 2, null);
        assertThat(result.arms()).extracting(CohortResult.ArmResult::arm).containsExactly("A", "B", "C", "D");
        // everything before randomization is identical on every arm
        for (CohortResult.ArmResult arm : result.arms()) {
            assertThat(arm.flow().enrolled()).isEqualTo(result.arms().get(0).flow().enrolled());
            assertThat(arm.flow().nodes().get(0)).isEqualTo(result.arms().get(0).flow().nodes().get(0));
        }
        // the HR/IR arms get the HR/IR stratum, the LR arms the LR stratum: together everyone randomized
        long hrIr = result.arms().get(0).flow().onArm();
        long lr = result.arms().get(2).flow().onArm();
        assertThat(result.arms().get(1).flow().onArm()).isEqualTo(hrIr);
        assertThat(result.arms().get(0).flow().notOffered()).isEqualTo(lr);
        assertThat(result.arms().get(2).flow().notOffered()).isEqualTo(hrIr);
        // a single arm can be asked for, and gives the same numbers as in the full run
        assertThat(run("aall1331", 20_000, 2, "B").arms()).containsExactly(result.arms().get(1));
    }

    @Test
    void unknownArmIsRefused() {
        assertThatThrownBy(() -> run("aall1331", 10, 1, "E")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the protocol has no arm 'E'; its arms are A, B, C, D");
    }

    @Test
    void recordsDescribeTheSamePatientsAsTheStatistics() throws Exception {
        var protocol = BuiltinProtocols.load("interfant-21");
        CohortOptions options = new CohortOptions(3_000, 99, 2, null);
        StringWriter records = new StringWriter();
        new PatientRecords(CompiledProtocol.of(protocol)).write(options, records, Progress.NONE);
        CohortResult stats = new Simulator().cohort(protocol, options, Progress.NONE);
        String[] lines = records.toString().split("\n");
        assertThat(lines).hasSize(3_001);
        assertThat(lines[0]).startsWith("arm,patient,enrolled,ageDays,wbc,prednisone,kmt2a,")
                .contains("route,mrd_eoi,mrd_post-blina-1,mrd_pre-hsct,remission_day,transplanted").endsWith("death_cause,efs_days,efs_event,dfs_days,dfs_event,os_days,os_event");
        java.util.List<String> header = java.util.List.of(lines[0].split(","));
        int enrolledColumn = header.indexOf("enrolled");
        int transplantedColumn = header.indexOf("transplanted");
        java.util.List<java.util.List<String>> rows = java.util.Arrays.stream(lines).skip(1).map(CohortSimulationTest::fields).toList();
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSameSizeAs(header));
        assertThat(rows.stream().filter(r -> r.get(enrolledColumn).equals("true")).count())
                .isEqualTo(stats.arms().get(0).flow().enrolled());
        assertThat(rows.stream().filter(r -> r.get(transplantedColumn).equals("true")).count())
                .isEqualTo(stats.arms().get(0).transplant().count());
    }

    /** Splits a CSV line, honouring double quotes. */
    private static java.util.List<String> fields(String line) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
