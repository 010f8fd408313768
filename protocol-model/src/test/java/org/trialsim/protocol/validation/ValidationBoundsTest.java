package org.trialsim.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Pathway;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.TestProtocols;

/**
 * Protocols built to make validation, or what follows it, do unbounded work: lists that multiply the
 * output, pathways too long for a recursive walk, rules whose coverage takes minutes to check. Each is
 * refused or reported with its place, in bounded time (the time limit is only a guard against a hang).
 */
class ValidationBoundsTest {
    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final String VALID = TestProtocols.text(TestProtocols.TWO_ARM);

    private static List<Problem> problems(String text) {
        ProtocolException e = assertTimeoutPreemptively(GUARD,
                () -> catchThrowableOfType(ProtocolException.class, () -> TestProtocols.read("bounds.yaml", text)));
        assertThat(e).as("the protocol must be refused").isNotNull();
        return e.problems();
    }

    /**
     * The valid test protocol with its pathway replaced by one that allocates nobody, so with one arm,
     * and a second number to decide on (weight).
     */
    private static String withPathway(String pathway) {
        int start = VALID.indexOf("pathway:");
        int end = VALID.indexOf("outcomes:");
        return (VALID.substring(0, start) + pathway + VALID.substring(end))
                .replace("  experimental: {label: Chemotherapy and blinatumomab}\n", "")
                .replace("    sex:\n", "    weight:\n      distribution: {type: uniform, min: 1, max: 100}\n      assumption: a test\n    sex:\n");
    }

    @Test
    void aListThatMultipliesTheOutputIsRefusedAloneWithItsPlace() {
        StringBuilder landmarks = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            landmarks.append("    - ").append(i % 7 + 1).append('\n'); // most are also after the horizon, unsorted
        }
        List<Problem> problems = problems(VALID.replace("followUp: {horizonYears: 5}",
                "followUp:\n  horizonYears: 5\n  landmarkYears:\n" + landmarks));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("followUp.landmarkYears");
            assertThat(p.message()).isEqualTo("this list has 300,000 entries, more than the 100 allowed here: each landmark adds"
                    + " a row for every endpoint, event and arm to the results");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void aMappingOverTheDefaultBoundIsRefused() {
        StringBuilder references = new StringBuilder("references:\n");
        for (int i = 0; i < 1_001; i++) {
            references.append("  r").append(i).append(": a citation\n");
        }
        List<Problem> problems = problems(VALID.replace("references:\n", references));
        assertThat(problems).filteredOn(Problem::isError).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("this mapping has 1,002 entries, more than the 1,000 allowed here"));
    }

    @Test
    void aChainOfThousandsOfBlocksIsRefusedByTheBoundOnNodes() {
        List<Problem> problems = problems(withPathway(chain(5_000)));
        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pathway.nodes");
            assertThat(p.message()).startsWith("this mapping has 5,001 entries, more than the 1,000 allowed here");
        });
    }

    @Test
    void aChainOfBlocksWithinTheBoundIsValidated() throws Exception {
        String text = withPathway(chain(990));
        assertThat(assertTimeoutPreemptively(GUARD, () -> TestProtocols.read("chain.yaml", text)).protocol().pathway().nodes())
                .hasSize(991);
    }

    /** A pathway of n blocks one after the other, then an end. */
    private static String chain(int n) {
        StringBuilder sb = new StringBuilder("pathway:\n  start: b0\n  nodes:\n");
        for (int i = 0; i < n; i++) {
            sb.append("    b").append(i).append(": {type: block, kind: chemotherapy, durationDays: 1, next: ")
                    .append(i + 1 < n ? "b" + (i + 1) : "done").append(", assumption: a test}\n");
        }
        return sb.append("    done: {type: end, status: completed}\n").toString();
    }

    @Test
    void theGraphIsWalkedWithoutTheThreadsStack() {
        int n = 200_000;
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            nodes.put("b" + i, block("b" + (i + 1)));
        }
        nodes.put("b" + n, new Node.End(null, Node.EndStatus.COMPLETED, null));
        PathwayGraph graph = new PathwayGraph(new Pathway("b0", null, nodes));
        assertThat(graph.findLoop()).isNull();
        assertThat(graph.reachable()).hasSize(n + 1);
        assertThat(graph.certainlyBefore()).hasSize(n + 1);

        nodes.put("b" + n, block("b" + (n - 2)));
        assertThat(new PathwayGraph(new Pathway("b0", null, nodes)).findLoop())
                .containsExactly("b" + (n - 2), "b" + (n - 1), "b" + n, "b" + (n - 2));
    }

    private static Node.Block block(String next) {
        return new Node.Block(null, Node.BlockKind.CHEMOTHERAPY, 1.0, null, null, null, null, null, null, null, null, next, null,
                null, null);
    }

    @Test
    void coverageThatWouldTakeMinutesIsCutShortAndSaysWhereItStopped() {
        List<Problem> problems = problems(withPathway(decisions(100, 100, "x > -1 or x <= -1")));
        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.path()).matches("pathway\\.nodes\\.d[0-9]+\\.routes");
            assertThat(p.message()).startsWith(String.format(Locale.ROOT, "coverage could not be fully checked: the %,d rule tests"
                    + " that one validation may spend checking that every patient has a rule ran out here; ", Coverage.BUDGET));
            assertThat(p.message()).containsPattern("[0-9]+ later rule lists were not checked either \\(pathway\\.nodes\\.d[0-9]+\\.routes, ");
            assertThat(p.message()).endsWith("End such lists with a rule without 'when', which covers every patient left and needs no checking");
        });
    }

    @Test
    void aLastRuleWithoutAConditionNeedsNoCoverageWork() throws Exception {
        String text = withPathway(decisions(100, 100, null));
        assertThat(assertTimeoutPreemptively(GUARD, () -> TestProtocols.read("open.yaml", text)).warnings())
                .noneMatch(p -> p.message().contains("coverage"));
    }

    /**
     * A chain of decisions, each with routes on two covariates whose thresholds all differ, so that the
     * coverage check tries every combination of (routes + 1) squared values against every route.
     */
    private static String decisions(int count, int routes, String lastCondition) {
        StringBuilder sb = new StringBuilder("pathway:\n  start: d0\n  nodes:\n");
        for (int d = 0; d < count; d++) {
            String next = d + 1 < count ? "d" + (d + 1) : "done";
            sb.append("    d").append(d).append(":\n      type: decision\n      routes:\n");
            for (int r = 0; r < routes - 1; r++) {
                sb.append("        - {when: \"age < ").append(r * 3 + d).append(".5 and weight < ").append(r * 5 + d)
                        .append(".5\", to: ").append(next).append("}\n");
            }
            sb.append("        - {").append(lastCondition == null ? "" : "when: \"" + lastCondition.replace("x", "age") + "\", ")
                    .append("to: ").append(next).append("}\n");
        }
        return sb.append("    done: {type: end, status: completed}\n").toString();
    }

    @Test
    void docsLimitsListsEveryBoundOnLists() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "limits.md"));
        List<String> missing = new ArrayList<>();
        ListLimits.BY_PLACE.forEach((place, limit) -> {
            if (!docs.contains(String.format(Locale.ROOT, "| `%s` | %,d |", place, limit.max()))) {
                missing.add(place);
            }
        });
        assertThat(missing).as("docs/limits.md rows '| `place` | bound |'").isEmpty();
        assertThat(docs).contains(String.format(Locale.ROOT, "| any other list or mapping | %,d |", ListLimits.DEFAULT.max()));
        assertThat(docs).contains(String.format(Locale.ROOT, "%,d rule tests", Coverage.BUDGET));
    }
}
