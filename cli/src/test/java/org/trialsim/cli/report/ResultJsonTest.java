package org.trialsim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsim.cli.Main;
import org.trialsim.protocol.io.ResultJson;
import org.trialsim.simulator.calibration.CalibrationResult;
import org.trialsim.simulator.calibration.FitResult;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.design.EarlyPhaseResult;
import org.trialsim.simulator.explore.ExploreResult;
import org.trialsim.simulator.explore.SearchResult;
import org.trialsim.simulator.trial.TrialResult;

/**
 * The results' JSON written without the mapper ({@link ResultJson}, {@link Json#write}) is the mapper's, byte
 * for byte, for every result type the commands write with {@link Json#write}: each command is run, its JSON
 * read back into its result record, and that record written by both.
 */
class ResultJsonTest {
    private static final String TWO_ARM = Path.of("../examples/two-arm-exponential.yaml").toAbsolutePath().toString();
    private static final String THREE_LOOK = Path.of("../examples/three-look-piecewise.yaml").toAbsolutePath().toString();
    private static final String ADAPTIVE = Path.of("../examples/adaptive-three-arm.yaml").toAbsolutePath().toString();
    private static final String SWEEPS = Path.of("../examples/sweeps").toAbsolutePath() + "/";
    private static final String SHIFT = "pathway.nodes.blina-1.mrdResponse.log10Shift";

    @TempDir
    static Path dir;

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(TrialResult.class, true, List.of("trial", TWO_ARM, "-r", "200", "-s", "3")),
                Arguments.of(TrialResult.class, true, List.of("trial", TWO_ARM, "-r", "1", "-s", "1")),
                Arguments.of(TrialResult.class, true, List.of("trial", TWO_ARM, "-r", "100", "-s", "7", "--null")),
                Arguments.of(TrialResult.class, true, List.of("trial", THREE_LOOK, "-r", "100", "-s", "5")),
                Arguments.of(TrialResult.class, true, List.of("trial", "aall1331", "-r", "40", "-s", "7")),
                Arguments.of(TrialResult.class, true, List.of("trial", "interfant-21", "-r", "40", "-s", "7")),
                Arguments.of(TrialResult.class, true, List.of("trial", "cccg-blina-d19", "-r", "40", "-s", "7", "--null")),
                Arguments.of(TrialResult.class, true, List.of("trial", "aall1331", "-r", "40", "-s", "7",
                        "--set", "design.randomization={method: minimization, factors: [site, timing]}")),
                Arguments.of(TrialResult.class, true, List.of("trial", TWO_ARM, "-r", "100", "-s", "7", "--set", "design.analysis.informationFractions=[0.5, 1]",
                        "--set", "design.analysis.spending=obrien-fleming", "--set", "design.analysis.futilityBounds=[0]")),
                Arguments.of(TrialResult.class, true, List.of("trial", ADAPTIVE, "-r", "30", "-s", "2")),
                Arguments.of(EarlyPhaseResult.class, false, List.of("trial", "aall1121", "-r", "20", "-s", "7")),
                Arguments.of(CohortResult.class, true, List.of("simulate", "interfant-21", "-n", "2000", "-s", "7")),
                Arguments.of(CohortResult.class, true, List.of("simulate", "aall1331", "-n", "2000", "-s", "7")),
                Arguments.of(CalibrationResult.class, false, List.of("calibrate", "aall1331", "-n", "2000", "-s", "7")),
                Arguments.of(FitResult.class, false, List.of("calibrate", "interfant-06-blina", "--set", SHIFT + "=-1.5", "--fit", SHIFT,
                        "--bounds", SHIFT + "=-5:-1", "-n", "1000", "--max-evaluations", "10", "--out", dir.resolve("fitted.yaml").toString())),
                Arguments.of(ExploreResult.class, true, List.of("explore", SWEEPS + "two-arm-events.yaml", "-r", "40")),
                Arguments.of(SearchResult.class, true, List.of("explore", SWEEPS + "two-arm-search.yaml", "-r", "60")),
                Arguments.of(org.trialsim.simulator.explore.CalibrationResult.class, false,
                        List.of("explore", SWEEPS + "adaptive-superiority-calibration.yaml", "-r", "100")));
    }

    /**
     * Every result the commands write with {@link Json#write}, and whether the writer writes it: it declines an
     * early-phase design's (its escalation result and the protocol's design records carry Jackson annotations
     * of their own), a calibration's and a fit's (the protocol's targets have getters marked {@code @JsonIgnore})
     * and a threshold calibration's (its BigDecimal values), all of which the mapper writes as before.
     */
    @ParameterizedTest(name = "{2}")
    @MethodSource("commands")
    void writesEveryResultAsTheMapperDoes(Class<?> type, boolean written, List<String> command) throws Exception {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("-q", "-f", "json"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        Object result = SavedResult.Reading.MAPPER.readValue(out.toString(), type);

        String fast = ResultJson.text(result);

        if (written) {
            assertThat(fast).as("written without the mapper").isNotNull().isEqualTo(mapper(result));
        } else {
            assertThat(fast).as("declined").isNull();
        }
        assertThat(out.toString()).as("the command's own output").isEqualTo(mapper(result) + System.lineSeparator());
    }

    @Test
    void nonFiniteNumbersAndAbsentValuesAsTheMapperWritesThem() throws Exception {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("a \"quoted\"\tkey", Double.NaN);
        map.put("b", 1e-7);
        Kinds kinds = new Kinds(Double.NaN, Double.NEGATIVE_INFINITY, null, null, 3L, true, List.of(), Map.of(), map,
                Arrays.asList(1.0, null, Double.POSITIVE_INFINITY), new Sparse(null, null, 1), Kind.ONE, "é\u0001\u2028");

        String fast = ResultJson.text(kinds);

        assertThat(fast).isNotNull().isEqualTo(mapper(kinds));
    }

    /** What the writer leaves to the mapper, each of which the mapper writes as before. */
    static Stream<Arguments> declined() {
        Map<String, Double> nullValue = new LinkedHashMap<>();
        nullValue.put("a", null);
        return Stream.of(
                Arguments.of("an array", new WithArray(new double[] {1.0, Double.NaN})),
                Arguments.of("a float", new WithFloat(1.5f)),
                Arguments.of("a map key that is not a text", new WithMap(Map.of(1, 2))),
                Arguments.of("a map entry without a value", new WithMap(nullValue)),
                Arguments.of("a getter Jackson writes as a property", new WithGetter(1)),
                Arguments.of("@JsonIgnore", new WithIgnored(1, 2)),
                Arguments.of("@JsonProperty on a component", new WithRenamed(1)),
                Arguments.of("a character beyond the basic plane", new Sparse("\uD83D\uDE00", null, 1)),
                Arguments.of("not a record", List.of(1, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declined")
    void declinesWhatItCannotWriteAsTheMapperDoesAndTheMapperWritesIt(String what, Object value) throws Exception {
        assertThat(ResultJson.text(value)).isNull();

        StringWriter w = new StringWriter();
        Json.write(value, w);
        assertThat(w.toString()).isEqualTo(mapper(value) + System.lineSeparator());
    }

    @Test
    void aResultTypeIsDeclinedBeforehandOnlyForItsOwnAnnotations() {
        for (Class<?> type : List.of(TrialResult.class, EarlyPhaseResult.class, CohortResult.class, CalibrationResult.class, FitResult.class,
                ExploreResult.class, SearchResult.class, org.trialsim.simulator.explore.CalibrationResult.class)) {
            assertThat(ResultJson.declines(type)).as(type.getName()).isFalse();
        }
        assertThat(ResultJson.declines(WithIgnored.class)).isTrue();
        assertThat(ResultJson.declines(String.class)).isTrue();
    }

    private static String mapper(Object value) throws Exception {
        StringWriter w = new StringWriter();
        Json.writeWithMapper(value, w);
        return w.toString();
    }

    enum Kind { ONE, @JsonProperty("two") TWO }

    record Kinds(double nan, Double infinite, Double absent, String none, long count, boolean flag, List<String> emptyList,
                 Map<String, Integer> emptyMap, Map<String, Double> map, List<Double> list, Sparse sparse, Kind kind, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"c", "a"})
    record Sparse(String a, Double b, int c) {
    }

    record WithArray(double[] values) {
    }

    record WithFloat(float value) {
    }

    record WithMap(Map<?, ?> map) {
    }

    record WithGetter(int value) {
        public int getTwice() {
            return 2 * value;
        }
    }

    record WithIgnored(int value, @JsonIgnore int hidden) {
    }

    record WithRenamed(@JsonProperty("renamed") int value) {
    }
}
