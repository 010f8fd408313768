package org.trialsim.simulator.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.run.Progress;

/**
 * The patient records hold what the cohort statistics are made of: a plain Kaplan–Meier and
 * Aalen–Johansen estimator written here, run on the records, gives the very doubles of the cohort
 * result at every reported point. Nothing here calls the statistics code; the estimators below are the
 * textbook ones, written with the same order of floating-point operations (∏ (n − d)/n, Σ S(t−) d_k / n)
 * so that the doubles, not only the digits, agree. Deterministic: no tolerance, no chance of a false
 * failure.
 */
class PatientRecordsTest {
    private static final double DAYS_PER_YEAR = 365.25;
    private static final long PATIENTS = 3_000;

    static Stream<Arguments> protocols() {
        Stream<Arguments> builtins = BuiltinProtocols.IDS.stream().map(id -> Arguments.of(id, List.of()));
        // a block of 35.6 days before randomization: the allocation day, the origin of aall1331's DFS and
        // OS, is not a whole day, so a time from it is not a difference of whole days
        return Stream.concat(builtins, Stream.of(Arguments.of("aall1331", List.of("pathway.nodes.block1.durationDays=35.6"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protocols")
    void kaplanMeierAndCumulativeIncidenceOfTheRecordsAreTheCohorts(String id, List<String> settings) throws Exception {
        LoadedProtocol loaded = BuiltinProtocols.load(id, settings.stream().map(Setting::parse).toList());
        Protocol protocol = loaded.protocol();
        CohortOptions options = new CohortOptions(PATIENTS, 2024, 2, null);
        CohortResult result = new Simulator().cohort(loaded, options, Progress.NONE);
        StringWriter text = new StringWriter();
        new PatientRecords(CompiledProtocol.of(loaded)).write(options, text, Progress.NONE);
        Csv records = Csv.parse(text.toString());
        assertThat(records.rows).hasSize((int) (PATIENTS * protocol.arms().size()));

        for (CohortResult.ArmResult arm : result.arms()) {
            List<Map<String, String>> rows = records.rows.stream().filter(r -> r.get("arm").equals(arm.arm())).toList();
            List<Map<String, String>> onArm = rows.stream().filter(r -> !r.get("allocation_day").isEmpty()).toList();
            assertThat(onArm).as("patients on arm %s", arm.arm()).hasSize((int) arm.flow().onArm());
            assertThat(onArm.stream().filter(r -> !r.get("remission_day").isEmpty()).count()).isEqualTo(arm.remission().count());
            assertThat(mean(onArm, "time_on_therapy_days", 3)).isEqualTo(arm.timeOnTherapyDays().mean());
            if (arm.costPerPatient() != null) {
                assertThat(mean(onArm, "cost", 2)).isEqualTo(arm.costPerPatient().mean());
            }
            Map<String, CohortResult.EndpointResult> reported = new HashMap<>();
            arm.endpoints().forEach(e -> reported.put(e.endpoint(), e));
            for (var definition : protocol.endpoints().entrySet()) {
                String endpoint = definition.getKey();
                List<Observation> observations = observations(onArm, endpoint);
                if (settings.isEmpty()) {
                    // the endpoint's columns follow from the raw columns and the endpoint's definition
                    assertThat(rebuild(onArm, definition.getValue(), protocol.followUp().horizonYears() * DAYS_PER_YEAR))
                            .as("%s on arm %s from the event days", endpoint, arm.arm()).isEqualTo(observations);
                }
                CohortResult.EndpointResult r = reported.get(endpoint);
                if (observations.isEmpty()) {
                    assertThat(r).as("%s on arm %s, with no patient", endpoint, arm.arm()).isNull();
                    continue;
                }
                assertThat(r.patients()).isEqualTo(observations.size());
                assertThat(r.events()).isEqualTo(observations.stream().filter(o -> !o.event.equals("censored")).count());
                double[] landmarks = landmarkDays(protocol);
                assertThat(kaplanMeier(observations, landmarks)).as("%s landmarks on arm %s", endpoint, arm.arm())
                        .isEqualTo(survival(r.landmarks()));
                assertThat(kaplanMeier(observations, monthly(r.curve().size()))).as("%s monthly on arm %s", endpoint, arm.arm())
                        .isEqualTo(survival(r.curve()));
                List<Endpoint.EventKind> kinds = definition.getValue().events();
                assertThat(r.incidence()).hasSize(kinds.size() > 1 ? kinds.size() : 0);
                for (CohortResult.Incidence incidence : r.incidence()) {
                    assertThat(cumulativeIncidence(observations, incidence.event(), landmarks))
                            .as("%s incidence of %s on arm %s", endpoint, incidence.event(), arm.arm()).isEqualTo(incidence(incidence.landmarks()));
                    assertThat(cumulativeIncidence(observations, incidence.event(), monthly(incidence.curve().size())))
                            .isEqualTo(incidence(incidence.curve()));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} units of 1/{1} are {2}")
    @CsvSource({
        "0, 1000, 0",
        "742000, 1000, 742",
        "53910, 1000, 53.91",
        "5, 1000, 0.005",
        "9337, 1000, 9.337",
        "4000000, 100, 40000",
        "123405, 100, 1234.05",
        "9223372036854775807, 100, 92233720368547758.07",
    })
    void summedUnitsAreWrittenAsExactDecimals(long units, double scale, String text) {
        assertThat(PatientRecords.decimal(units, scale)).isEqualTo(text);
    }

    /** The days and event of each patient counted in the endpoint, from its two columns. */
    private static List<Observation> observations(List<Map<String, String>> onArm, String endpoint) {
        List<Observation> out = new ArrayList<>();
        for (Map<String, String> row : onArm) {
            String days = row.get(endpoint + "_days");
            String event = row.get(endpoint + "_event");
            assertThat(days.isEmpty()).isEqualTo(event.isEmpty());
            if (!days.isEmpty()) {
                out.add(new Observation(Integer.parseInt(days), event));
            }
        }
        return out;
    }

    /**
     * The endpoint as docs/patient-records.md says to rebuild it from the event days: patients in
     * remission for a remission-only endpoint; the earliest of its events by the horizon, a failure or
     * relapse before a death on the same day; else censored at ⌈horizon − origin⌉. Exact when the
     * origin is a whole day, as in every built-in.
     */
    private static List<Observation> rebuild(List<Map<String, String>> onArm, Endpoint endpoint, double horizonDays) {
        List<Observation> out = new ArrayList<>();
        for (Map<String, String> row : onArm) {
            if (endpoint.remissionOnly() && row.get("remission_day").isEmpty()) {
                continue;
            }
            double origin = endpoint.origin() == Endpoint.Origin.ALLOCATION ? Double.parseDouble(row.get("allocation_day")) : 0;
            assertThat(origin).isEqualTo(Math.rint(origin));
            String event = "censored";
            long day = Long.MAX_VALUE;
            for (Endpoint.EventKind kind : endpoint.events()) {
                String name = kind.name().toLowerCase(Locale.ROOT);
                String value = row.get(name + "_day");
                if (value.isEmpty()) {
                    continue;
                }
                long d = Long.parseLong(value);
                if (d < day || d == day && event.equals("death")) {
                    day = d;
                    event = name;
                }
            }
            long days = event.equals("censored") ? (long) Math.ceil(horizonDays - origin) : day - (long) origin;
            out.add(new Observation(days, event));
        }
        return out;
    }

    /** Product-limit estimate and Greenwood standard error at each time. */
    private static List<Point> kaplanMeier(List<Observation> observations, double[] times) {
        TreeMap<Long, long[]> byDay = byDay(observations, null);
        List<Point> points = new ArrayList<>();
        for (double t : times) {
            long atRisk = 0;
            double survival = 1;
            double greenwood = 0;
            long n = observations.size();
            for (var day : byDay.entrySet()) {
                long d = day.getValue()[0];
                if (day.getKey() <= t && d > 0) {
                    double nd = n;
                    greenwood += d < n ? d / (nd * (nd - d)) : Double.POSITIVE_INFINITY;
                    survival = d < n ? survival * ((nd - d) / nd) : 0;
                }
                if (day.getKey() >= t) {
                    atRisk += day.getValue()[2];
                }
                n -= day.getValue()[2];
            }
            points.add(new Point(atRisk, survival, survival == 0 ? Double.NaN : survival * Math.sqrt(greenwood)));
        }
        return points;
    }

    /** Aalen–Johansen cumulative incidence of one kind of first event at each time. */
    private static List<Point> cumulativeIncidence(List<Observation> observations, String kind, double[] times) {
        TreeMap<Long, long[]> byDay = byDay(observations, kind);
        List<Point> points = new ArrayList<>();
        for (double t : times) {
            long atRisk = 0;
            double survival = 1;
            double incidence = 0;
            long n = observations.size();
            for (var day : byDay.entrySet()) {
                long d = day.getValue()[0];
                long dk = day.getValue()[1];
                if (day.getKey() <= t && d > 0) {
                    double nd = n;
                    incidence += survival * dk / nd;
                    survival = d < n ? survival * ((nd - d) / nd) : 0;
                }
                if (day.getKey() >= t) {
                    atRisk += day.getValue()[2];
                }
                n -= day.getValue()[2];
            }
            points.add(new Point(atRisk, incidence, 0));
        }
        return points;
    }

    /** Per day: events of any kind, events of the kind, and everyone whose time ends that day. */
    private static TreeMap<Long, long[]> byDay(List<Observation> observations, String kind) {
        TreeMap<Long, long[]> byDay = new TreeMap<>();
        for (Observation o : observations) {
            long[] counts = byDay.computeIfAbsent(o.days, d -> new long[3]);
            boolean event = !o.event.equals("censored");
            counts[0] += event ? 1 : 0;
            counts[1] += o.event.equals(kind) ? 1 : 0;
            counts[2]++;
        }
        return byDay;
    }

    private static List<Point> survival(List<CohortResult.SurvivalPoint> points) {
        return points.stream().map(p -> new Point(p.atRisk(), p.estimate(), p.standardError())).toList();
    }

    private static List<Point> incidence(List<CohortResult.SurvivalPoint> points) {
        return points.stream().map(p -> new Point(p.atRisk(), p.estimate(), 0)).toList();
    }

    /** The reporting landmarks: the protocol's, or every whole year, never after the last whole day of follow-up. */
    private static double[] landmarkDays(Protocol protocol) {
        double horizon = protocol.followUp().horizonYears();
        List<Double> years = protocol.followUp().landmarkYears();
        if (years.isEmpty()) {
            years = Stream.iterate(1.0, y -> y <= horizon, y -> y + 1).toList();
        }
        double lastDay = Math.ceil(horizon * DAYS_PER_YEAR);
        return years.stream().mapToDouble(y -> Math.min(y * DAYS_PER_YEAR, lastDay)).toArray();
    }

    private static double[] monthly(int points) {
        double[] times = new double[points];
        for (int i = 0; i < points; i++) {
            times[i] = i * (DAYS_PER_YEAR / 12);
        }
        return times;
    }

    /** The mean of a column written in whole units of 10^−decimals, as an exact integer sum gives it. */
    private static double mean(List<Map<String, String>> rows, String column, int decimals) {
        long sum = 0;
        for (Map<String, String> row : rows) {
            sum += new BigDecimal(row.get(column)).movePointRight(decimals).longValueExact();
        }
        return (double) sum / rows.size() / Math.pow(10, decimals);
    }

    private record Observation(long days, String event) {
    }

    private record Point(long atRisk, double estimate, double standardError) {
    }

    /** A CSV text: a header and rows, fields in double quotes where they hold a comma, quote or newline. */
    private record Csv(List<String> header, List<Map<String, String>> rows) {
        static Csv parse(String text) {
            List<List<String>> lines = new ArrayList<>();
            List<String> line = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    line.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    line.add(field.toString());
                    field.setLength(0);
                    lines.add(line);
                    line = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            assertThat(field).isEmpty();
            assertThat(line).isEmpty();
            List<String> header = lines.get(0);
            assertThat(header).doesNotHaveDuplicates();
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> fields : lines.subList(1, lines.size())) {
                assertThat(fields).hasSameSizeAs(header);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), fields.get(i));
                }
                rows.add(row);
            }
            return new Csv(header, rows);
        }
    }
}
