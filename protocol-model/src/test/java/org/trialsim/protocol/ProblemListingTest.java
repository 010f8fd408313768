package org.trialsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemListingTest {

    private static List<Problem> problems(int errors, int warnings) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < errors + warnings; i++) {
            problems.add(new Problem(i < errors ? Problem.Severity.ERROR : Problem.Severity.WARNING, "f.yaml", "", i + 1, 1, "problem " + i));
        }
        return problems;
    }

    @Test
    void aFewProblemsAreAllShown() {
        assertThat(Problem.listing(problems(3, 97))).hasSize(100).last().isEqualTo("f.yaml:100:1: warning: problem 99");
    }

    @Test
    void beyondTheFirstHundredTheRestAreCounted() {
        List<String> lines = Problem.listing(problems(300_000, 2));
        assertThat(lines).hasSize(Problem.SHOWN + 1);
        assertThat(lines.get(99)).isEqualTo("f.yaml:100:1: error: problem 99");
        assertThat(lines.get(100)).isEqualTo("... and 299,902 more (299,900 errors, 2 warnings), not shown; fix the first ones and run again");
        assertThat(Problem.listing(problems(101, 0)).get(100)).isEqualTo("... and 1 more (1 error), not shown; fix the first ones and run again");
    }

    @Test
    void theExceptionsMessageIsBoundedToo() {
        ProtocolException e = new ProtocolException(problems(300_000, 0));
        assertThat(e.getMessage().lines()).hasSize(Problem.SHOWN + 2);
        assertThat(e.getMessage()).startsWith("f.yaml is not a valid protocol: 300,000 errors").contains("... and 299,900 more");
        assertThat(e.problems()).as("every problem is still there for a program").hasSize(300_000);
    }

    @Test
    void aLongMessageIsShortenedInTheMiddle() {
        String message = "there is no node '" + "x".repeat(60_000) + "'; add it";
        String shown = new Problem(Problem.Severity.ERROR, "f.yaml", "", 1, 1, message).toString();
        assertThat(shown).startsWith("f.yaml:1:1: error: there is no node 'xxx").contains(" ... ").endsWith("xxx'; add it");
        assertThat(shown.length()).isEqualTo("f.yaml:1:1: error: ".length() + 1_000);
    }
}
