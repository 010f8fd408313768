package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The doubly adaptive biased coin from the command line: two- and three-arm trials run; a matched control or a thompson setting is refused. */
class DoublyAdaptiveCommandTest {
    private static final String DBCD = "design.randomization={method: response-adaptive, adaptive: {assessment: eoc1, mrdBelow: 1e-4,"
            + " rule: dbcd, target: rsihr, burnIn: 20, updateEvery: 5";

    @Test
    void aTwoArmTrialRunsAndSaysHowTheArmsWereShared() {
        Cli r = Cli.run("trial", "aall1331", "--set", DBCD + "}}", "-r", "4", "-s", "3", "-q", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"allocation\"").contains("\"share\"");
    }

    @Test
    void aThreeArmTrialRunsWithOrWithoutAControlShare() {
        for (String control : new String[] {"", ", control: A, controlShare: 0.3"}) {
            Cli r = Cli.run("trial", "../examples/adaptive-three-arm.yaml", "--set", DBCD + control + "}}", "-r", "2", "-s", "3", "-q",
                    "--format", "json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("\"B1\"").contains("\"share\"");
        }
    }

    @Test
    void aMatchedControlIsAnInvalidProtocolWithTheCoin() {
        Cli r = Cli.run("show", "../examples/adaptive-three-arm.yaml", "--set", DBCD + ", control: A, controlMatched: true}}");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("design.randomization.adaptive.controlMatched").contains("'controlShare' instead");
    }

    @Test
    void aThompsonSettingIsRefusedWithItsName() {
        Cli r = Cli.run("show", "aall1331", "--set", DBCD + ", power: 2}}");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("design.randomization.adaptive.power").contains("'power' applies to the thompson rule only");
    }
}
