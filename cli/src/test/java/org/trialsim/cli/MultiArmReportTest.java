package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A design of two experimental arms against one control with Holm's adjustment: every format shows the family. */
class MultiArmReportTest {
    private static final String PROTOCOL = Path.of("../simulator/src/test/resources/protocols/three-arm-exponential.yaml").toString();

    @TempDir
    Path dir;

    private static Cli trial(String... more) {
        String[] base = {"trial", PROTOCOL, "-r", "100", "-q", "-s", "3", "--set", "design.analysis.multiplicity=holm"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        Cli r = Cli.run(all);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    @Test
    void theTableShowsAnyArmPowerOrTheFamilyWiseError() {
        assertThat(trial().out()).contains("Multiplicity: families of comparisons against one control",
                "one vs control, two vs control — holm, one-sided alpha 0.0250 for the family, 0.0125 per comparison at Holm's first step",
                "rejects at least one (any-arm power): ", "rejects all: ");
        assertThat(trial("--null").out()).contains("rejects at least one (family-wise type I error): ");
    }

    @Test
    void theJsonCarriesTheFamilyAndReadsBackIntoTheSamePage() throws Exception {
        Path json = dir.resolve("three.json");
        trial("--format", "json", "--out", json.toString());
        JsonNode family = new ObjectMapper().readTree(json.toFile()).get("families").get(0);
        assertThat(family.get("control").asText()).isEqualTo("control");
        assertThat(family.get("multiplicity").asText()).isEqualTo("holm");
        assertThat(family.get("comparisons").toString()).isEqualTo("[\"one vs control\",\"two vs control\"]");
        assertThat(family.get("alphaPerComparison").asDouble()).isEqualTo(0.0125);
        assertThat(family.get("anyRejected").get("value").asDouble()).isBetween(0.5, 1.0);
        assertThat(family.get("allRejected").get("value").asDouble()).isLessThanOrEqualTo(family.get("anyRejected").get("value").asDouble());
        String html = trial("--format", "html").out();
        assertThat(html).contains("<h2>Multiplicity</h2>", "Families of comparisons", "Rejects at least one (any-arm power)");
        Cli report = Cli.run("report", json.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).isEqualTo(html);
    }

    @Test
    void theCsvHasTheFamilysRows() {
        assertThat(trial("--format", "csv").out()).contains("family one vs control & two vs control,holm against control,alpha,0.025,",
                "holm against control,alpha per comparison,0.0125,", "holm against control,rejects at least one,",
                "holm against control,rejects all,");
    }

    @Test
    void aDesignWithoutAdjustmentHasNoFamilies() throws Exception {
        Cli r = Cli.run("trial", PROTOCOL, "-r", "20", "-q", "--set", "design.analysis.multiplicity=none", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).has("families")).isFalse();
    }
}
