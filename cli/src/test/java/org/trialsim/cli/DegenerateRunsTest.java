package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Valid protocols whose run is degenerate (nobody eligible, nobody on an arm, one patient, nobody in
 * remission for a DFS, too few patients or events to estimate an effect) run end to end through the
 * command line in every format: the table says in words why figures are blank, JSON holds null and
 * stays standard JSON, CSV leaves the field empty; no format prints NaN or Infinity. A run that cannot
 * mean anything is refused with a message instead.
 */
class DegenerateRunsTest {
    private static final String TWO_ARM = "../protocol-model/src/test/resources/protocols/two-arm-one-decision.yaml";
    private static final String EXPONENTIAL = "../examples/two-arm-exponential.yaml";
    private static final String A_DESIGN = "design={type: randomized, sampleSize: 20, comparisons: [{control: control,"
            + " experimental: experimental, endpoint: efs}], analysis: {alpha: 0.025}, assumption: test}";

    /**
     * Each case: the command's arguments separated by " ; " (TWO_ARM is the two-arm test protocol,
     * EXPONENTIAL the example, A_DESIGN a setting that gives TWO_ARM a randomized design), the formats
     * it is run in, the exit code, and words the table (or, for a refusal, the error) says.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            simulate ; TWO_ARM ; -n ; 500 ; --set ; eligibility={old: {include: age > 100}} | table json csv | 0 | No presenting patient was eligible, so nothing after screening can be estimated.
            simulate ; aall1331 ; -n ; 2000 ; --set ; pathway.nodes.block1.deathProbability=1 | table json csv | 0 | No patient was on arms A, B, C, D: every enrolled patient left the pathway (death, relapse or an
            simulate ; aall1331 ; -n ; 1 | table json csv | 0 | Arms A, B each have one patient: a spread or standard error needs two (–).
            simulate ; TWO_ARM ; -n ; 500 ; --set ; endpoints.dfs={events: [relapse, death], remissionOnly: true} ; --set ; pathway.nodes.chemo.mrdResponse.log10Shift=12 ; --set ; population.initialMrd={type: constant, value: 1} | table json csv | 0 | dfs: no patient on arm control counts for it, since it counts only patients who reached remission
            trial ; EXPONENTIAL ; -r ; 40 ; --set ; design.sampleSize=2 ; --set ; design.analysis.events=null | table json csv | 0 | no simulated trial had enough patients and events in both arms to
            trial ; EXPONENTIAL ; -r ; 40 ; --set ; design.analysis.events=1 | table json csv | 0 | estimate the effect (at most 1 event in a trial); the test never rejected.
            trial ; aall1331 ; -r ; 20 ; --set ; pathway.nodes.block1.deathProbability=1 | table json csv | 0 | 1. HR/IR: no simulated trial had a patient on either arm of this comparison
            trial ; TWO_ARM ; -r ; 20 ; --set ; A_DESIGN ; --set ; eligibility={old: {include: age > 100}} | table json csv | 3 | no virtual patient is eligible for the trial of two-arm-example: none of the first 10,000 presenting patients meets the eligibility criteria (excluded first by old 10,000)
            trial ; aall1121 ; -r ; 20 ; --set ; design.twoStage.p1=0.201 | table json | 3 | the phase 1-2 design of aall1121 cannot be run: no two-stage design with n <= 2000
            escalate ; --dlt-probs ; 0.3,0.5 ; --replicates ; 1 ; --design ; both | table json | 0 | Dose escalation in calendar time
            design ; simon ; --evaluate ; 0/1,1/2 ; --p ; 0,1 | table json | 0 | 0/1
            """)
    void saysWhyInWordsAndNeverPrintsNaN(String command, String formats, int exitCode, String words) throws Exception {
        for (String format : formats.split(" ")) {
            List<String> args = new ArrayList<>();
            for (String a : command.split(" ; ")) {
                args.add(a.equals("TWO_ARM") ? TWO_ARM : a.equals("EXPONENTIAL") ? EXPONENTIAL : a.equals("A_DESIGN") ? A_DESIGN : a);
            }
            args.addAll(List.of("--format", format));
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s --format %s: %s", command, format, r.err()).isEqualTo(exitCode);
            assertThat(r.out() + r.err()).as("%s --format %s", command, format).doesNotContain("NaN", "Infinity", "\tat ");
            if (exitCode != 0) {
                assertThat(r.err()).contains(words);
                assertThat(r.out()).isEmpty();
            } else if (format.equals("table")) {
                assertThat(r.out()).contains(words);
            } else if (format.equals("json")) {
                // a standard parser: NaN and Infinity are not JSON and would fail here
                assertThat(new ObjectMapper().readTree(r.out())).isNotNull();
            } else {
                // a value that cannot be computed is an empty field
                assertThat(r.out().lines().flatMap(line -> Arrays.stream(line.split(",", -1))))
                        .noneMatch(field -> field.matches("(?i)[-+]?(nan|inf|infinity)"));
            }
        }
    }
}
