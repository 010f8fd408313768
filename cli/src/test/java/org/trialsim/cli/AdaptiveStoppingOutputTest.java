package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Stopping the trial at a response-adaptive update in every output format, on examples/adaptive-two-arm.yaml
 * with stopping bounds set on the command line; and the bounds' validation as one-paragraph messages.
 */
class AdaptiveStoppingOutputTest {
    private static final String EXAMPLE = Path.of("../examples/adaptive-two-arm.yaml").toString();
    private static final String[] STOP = {"--set", "design.randomization.adaptive.stopSuperiorityAbove=0.99",
        "--set", "design.randomization.adaptive.stopFutilityBelow=0.05", "--set", "design.randomization.adaptive.stopMinPatients=40"};

    private static Cli trial(String format) {
        String[] base = {"trial", EXAMPLE, "-r", "8", "-s", "3", "-q", "--format", format};
        String[] args = new String[base.length + STOP.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(STOP, 0, args, base.length, STOP.length);
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    @Test
    void everyFormatTellsHowOftenTheTrialStoppedForEachReason() throws Exception {
        JsonNode allocation = new ObjectMapper().readTree(trial("json").out()).get("allocation");
        double stopped = 0;
        for (JsonNode stratum : allocation) {
            stopped += stratum.get("stoppedForSuperiority").get("value").asDouble() + stratum.get("stoppedForFutility").get("value").asDouble();
        }
        assertThat(stopped).isBetween(0.0, 1.0);
        assertThat(trial("table").out()).contains("stopped the trial at an update: for superiority");
        assertThat(trial("csv").out()).contains("stopped for superiority,proportion").contains("stopped for futility,proportion");
        assertThat(trial("html").out()).contains("Trials stopped at an adaptive update");
    }

    @Test
    void aDesignWithoutStoppingSaysNothingOfIt() throws Exception {
        Cli r = Cli.run("trial", EXAMPLE, "-r", "2", "-q", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("stoppedFor");
    }

    @Test
    void boundsOutOfRangeOrCrossedAreRefusedNamingThePlace() {
        Cli crossed = Cli.run("trial", EXAMPLE, "-r", "1", "-q", "--set", "design.randomization.adaptive.stopSuperiorityAbove=0.9",
                "--set", "design.randomization.adaptive.stopFutilityBelow=0.95");
        assertThat(crossed.exitCode()).isEqualTo(3);
        assertThat(crossed.out() + crossed.err()).contains("design.randomization.adaptive.stopFutilityBelow")
                .contains("is not below the superiority bound").doesNotContain("Exception");
        Cli above = Cli.run("trial", EXAMPLE, "-r", "1", "-q", "--set", "design.randomization.adaptive.stopSuperiorityAbove=1.5");
        assertThat(above.exitCode()).isEqualTo(3);
        assertThat(above.out() + above.err()).contains("stopSuperiorityAbove").doesNotContain("Exception");
    }
}
