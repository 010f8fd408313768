package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;

class ProtocolCommandsTest {

    static List<String> ids() {
        return BuiltinProtocols.IDS;
    }

    @Test
    void protocolsListsEachBuiltinOnOneLine() {
        Cli r = Cli.run("protocols");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines()).hasSize(5);
        assertThat(r.out()).contains("interfant-21", "NCT05327894", "aall1331", "NCT02101853", "cccg-blina-d19", "NCT06607419");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void showSummarisesEveryPart(String id) {
        Cli r = Cli.run("show", id);
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Population", "Risk groups", "Arms", "Pathway", "Outcome models", "Endpoints", "Design");
        assertThat(r.out()).contains("├─", "└─");
    }

    @Test
    void showDrawsTheDecisionPointsWithTheirConditions() {
        Cli r = Cli.run("show", "interfant-21");
        assertThat(r.out()).contains("after-blina-1: decision — After blinatumomab cycle 1")
                .contains("[MR with MRD > 0.01% → moved to high risk] if risk == \"MR\": risk → HR → hr-consolidation")
                .containsPattern("exclude  cd19-negative +cd19 == \"negative\" +\\(excludes from blinatumomab only\\)");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void exportedFilesValidateAndReadBackEqual(String id, @TempDir Path dir) throws Exception {
        for (String format : new String[] {"yaml", "json"}) {
            Path file = dir.resolve(id + "." + format);
            Cli export = Cli.run("export", id, "--format", format, "--out", file.toString());
            assertThat(export.exitCode()).isZero();
            assertThat(Cli.run("validate", file.toString()).out()).isEqualTo(file + ": valid" + System.lineSeparator());
            assertThat(new ProtocolReader().read(file).protocol()).isEqualTo(BuiltinProtocols.load(id).protocol());
        }
    }

    @Test
    void showGivesAnArmsHazardRatios() {
        Cli r = Cli.run("show", "aall1331", "--set", "outcomes.armHazardRatios={B: {relapse: 0.6, assumption: a test}}");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("on arm B, every rule's hazard: relapse × 0.6");
    }

    @Test
    void showAndExportApplySettings() throws Exception {
        Cli show = Cli.run("show", "interfant-21", "--set", "design.sampleSize=200");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("single arm (interfant-21), 200 patients");
        Cli export = Cli.run("export", "interfant-21", "--set", "design.sampleSize=200");
        assertThat(export.exitCode()).isZero();
        assertThat(export.out()).doesNotStartWith("#").contains("sampleSize: 200");
        Protocol changed = new ProtocolReader().read("changed.yaml", export.out().getBytes(StandardCharsets.UTF_8), List.of()).protocol();
        assertThat(changed).isEqualTo(BuiltinProtocols.load("interfant-21", List.of(Setting.parse("design.sampleSize=200"))).protocol());
    }

    @Test
    void exportToStandardOutputKeepsTheBuiltinsComments() {
        Cli r = Cli.run("export", "aall1331");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("# COG AALL1331").contains("id: aall1331");
    }

    @Test
    void validateReportsEveryProblemAndExits3(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        String text = new String(BuiltinProtocols.text("aall1331").orElseThrow(), StandardCharsets.UTF_8)
                .replace("IT methotrexate)\n      kind: chemotherapy\n      durationDays: 35",
                        "IT methotrexate)\n      kind: chemotherapy\n      durationDays: -35")
                .replace("to: early-failure", "to: early-falure");
        Files.writeString(bad, text);
        Cli r = Cli.run("validate", bad.toString(), "interfant-21");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.out()).isEqualTo("interfant-21: valid" + System.lineSeparator());
        assertThat(r.err()).contains(bad + ":").contains("at pathway.nodes.block1.durationDays: durationDays is -35; it must be from 0 to 36525")
                .contains("there is no node 'early-falure' (did you mean 'early-failure'?)")
                .contains("no patient ever reaches 'early-failure'")
                .contains("is not a valid protocol (3 errors)")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void validatePrintsWarningsButExits0(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("uncited.yaml");
        String text = new String(BuiltinProtocols.text("aall1121").orElseThrow(), StandardCharsets.UTF_8)
                .replace("      assumption: What responders received afterwards (up to 3 more cycles, or HSCT) is not modelled separately.\n", "");
        Files.writeString(file, text);
        Cli r = Cli.run("validate", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("valid (1 warning)");
        assertThat(r.err()).contains("warning: at pathway.nodes.consolidation: these values have no source or assumption");
    }

    @Test
    void missingFileExits4WithoutAStackTrace() {
        Cli r = Cli.run("show", "no-such-protocol.yaml");
        assertThat(r.exitCode()).isEqualTo(ExitCode.IO);
        assertThat(r.err()).isEqualTo("trialsim: 'no-such-protocol.yaml' is neither a built-in protocol nor an existing file;"
                + " the built-ins are interfant-21, interfant-06-blina, aall1331, aall1121, cccg-blina-d19 (see 'trialsim protocols')"
                + System.lineSeparator());
    }

    @Test
    void directoryIsNotAProtocol(@TempDir Path dir) {
        Cli r = Cli.run("validate", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.IO);
        assertThat(r.err()).contains("is a directory, not a protocol file");
    }

    @Test
    void exportToAMissingDirectoryExits4AndWritesNothing(@TempDir Path dir) {
        Cli r = Cli.run("export", "aall1121", "--out", dir.resolve("absent/x.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.IO);
        assertThat(r.err()).contains("does not exist");
        assertThat(dir.resolve("absent")).doesNotExist();
    }

    @Test
    void usageErrorsExit2WithTheSynopsis() {
        Cli unknownOption = Cli.run("show", "aall1331", "--bogus");
        assertThat(unknownOption.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknownOption.err()).contains("Unknown option: '--bogus'").contains("Usage: trialsim show");
        Cli badFormat = Cli.run("export", "aall1331", "--format", "xml");
        assertThat(badFormat.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badFormat.err()).contains("Invalid value for option '--format'").contains("YAML, JSON");
        Cli unknownCommand = Cli.run("simulat");
        assertThat(unknownCommand.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void noCommandIsAUsageErrorWithTheHelpOnStandardError() {
        Cli none = Cli.run();
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("trialsim: 'trialsim' needs a command, one of: simulate, trial, explore, design, escalate,")
                .contains("Usage: trialsim [-hV]").contains("Exit codes:");

        Cli design = Cli.run("design");
        assertThat(design.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(design.out()).isEmpty();
        assertThat(design.err()).startsWith("trialsim: 'trialsim design' needs a command, one of: simon")
                .contains("Usage: trialsim design");

        assertThat(Cli.run("--help").exitCode()).isZero();
        assertThat(Cli.run("design", "--help").out()).startsWith("Usage: trialsim design");
    }

    @ParameterizedTest
    @ValueSource(strings = {"protocols", "show", "export", "validate", "schema"})
    void everyCommandHasHelp(String command) {
        Cli r = Cli.run(command, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: trialsim " + command);
    }

    @Test
    void versionNamesTheRelease() {
        Cli r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("trialsim 0.1.0");
    }

    @Test
    void schemaIsJson() throws Exception {
        Cli r = Cli.run("schema");
        assertThat(r.exitCode()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("title").asText()).isEqualTo("trialsim protocol");
    }
}
