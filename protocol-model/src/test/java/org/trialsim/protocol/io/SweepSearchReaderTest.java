package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;

/** A sweep file's search block: what it reads, and every wrong field refused at its place. */
class SweepSearchReaderTest {
    private static final String SCENARIOS = """
            protocol: two-arm.yaml
            axes:
              - {name: hr, kind: scenario, path: "outcomes.deathInRemission[0].hazardRatio", values: [0.7, 0.75]}
            """;

    private static Sweep read(String yaml) throws ProtocolException {
        return new SweepReader().read("sweep.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("/work/sweeps"));
    }

    @Test
    void aSearchBlockIsReadWithItsDefaultConfidence() throws Exception {
        Sweep sweep = read(SCENARIOS + "search: {path: design.analysis.events, power: 0.8, lower: 100, upper: 600}\n");
        assertThat(sweep.search()).isEqualTo(new Sweep.Search("design.analysis.events", 0.8, 100, 600, 0.95));
        assertThat(read(SCENARIOS).search()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            power 1 is refused            | {path: p, power: 1, lower: 1, upper: 9}             | 4:19: error: at search.power: power is a probability strictly between 0 and 1, not '1'
            power 0 is refused            | {path: p, power: 0, lower: 1, upper: 9}             | power is a probability strictly between 0 and 1, not '0'
            confidence 1 is refused       | {path: p, power: 0.8, lower: 1, upper: 9, confidence: 1} | confidence is a probability strictly between 0 and 1
            bounds are needed             | {path: p, power: 0.8}                               | the search needs its bounds: lower and upper
            upper above lower             | {path: p, power: 0.8, lower: 9, upper: 9}           | upper (9) must be above lower (9)
            lower at least 1              | {path: p, power: 0.8, lower: 0, upper: 9}           | '0' is not a whole number from 1 to
            a whole lower bound           | {path: p, power: 0.8, lower: 1.5, upper: 9}         | '1.5' is not a whole number from 1 to
            a span of at most a million   | {path: p, power: 0.8, lower: 1, upper: 1000002}     | the bounds span 1,000,001 values; a search may span at most 1,000,000
            a path is needed              | {power: 0.8, lower: 1, upper: 9}                    | missing field 'path'
            a misspelt field              | {path: p, power: 0.8, lower: 1, uper: 9}            | unknown field 'uper'
            """)
    void aWrongSearchFieldIsRefusedAtItsPlace(String name, String search, String message) {
        assertThat(problems(SCENARIOS + "search: " + search + "\n")).anyMatch(p -> p.contains(message));
    }

    @Test
    void aSearchSweepHasOnlyScenariosOfTheAlternativeThatLeaveThePathAlone() {
        List<String> problems = problems("""
                protocol: two-arm.yaml
                axes:
                  - {name: n, kind: design, path: design.sampleSize, values: [100, 140]}
                  - name: effect
                    kind: scenario
                    values:
                      - {label: no difference, nullHypothesis: true}
                      - {label: more events, set: {design.analysis.events: 90}}
                search: {path: design.analysis.events, power: 0.8, lower: 50, upper: 300}
                """);
        assertThat(problems).anyMatch(p -> p.contains("every axis of its sweep is a scenario, and the axis 'n' is a design axis"))
                .anyMatch(p -> p.contains("the axis 'effect' has a null-hypothesis value"))
                .anyMatch(p -> p.contains("the value 'more events' of the axis 'effect' sets the searched path design.analysis.events"));
    }

    private static List<String> problems(String yaml) {
        try {
            read(yaml);
        } catch (ProtocolException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("no problem found");
    }
}
