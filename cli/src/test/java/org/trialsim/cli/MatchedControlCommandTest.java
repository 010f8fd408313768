package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A control matched to the best other arm on examples/adaptive-three-arm.yaml, its fixed share replaced on the
 * command line: the trial runs, gives the same output on any thread count, and differs from the fixed share;
 * and the option's misuse is refused with a message naming the field.
 */
class MatchedControlCommandTest {
    private static final String EXAMPLE = Path.of("../examples/adaptive-three-arm.yaml").toString();
    private static final String SHARE = "design.randomization.adaptive.controlShare";
    private static final String MATCHED = "design.randomization.adaptive.controlMatched";

    private static String trial(String threads, String... set) {
        String[] base = {"trial", EXAMPLE, "-r", "6", "-s", "5", "-q", "--format", "json", "-t", threads};
        String[] args = new String[base.length + set.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(set, 0, args, base.length, set.length);
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void aMatchedControlGivesTheSameTrialOnAnyThreadCount() {
        String[] matched = {"--set", SHARE + "=null", "--set", MATCHED + "=true"};
        String one = trial("1", matched);
        assertThat(trial("2", matched)).isEqualTo(one);
        assertThat(trial("3", matched)).isEqualTo(one);
        assertThat(trial("1")).as("the fixed share allocates otherwise").isNotEqualTo(one);
    }

    @Test
    void aMatchedControlWithAFixedShareIsRefusedNamingTheField() {
        Cli r = Cli.run("trial", EXAMPLE, "-r", "1", "-q", "--set", MATCHED + "=true");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out() + r.err()).contains(MATCHED).contains("not both").doesNotContain("Exception");
    }
}
