package org.trialsim.simulator.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.PatientSimulator;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.Progress;

/**
 * The built-in protocols reproduce what their trials published, figure by figure
 * (shared/reference/published-figures.md). Most figures are the {@code targets} of the protocol files,
 * measured as {@code trialsim calibrate} measures them ({@link Calibration}); those that are not yet a
 * kind of target (counts at a node, shares among patients who relapsed or reached remission, medians) are computed here. Each figure is
 * a test named after it; the whole table is in
 * docs/calibration.md, which this suite renders and keeps current (regenerate with
 * {@code -Dtrialsim.updateCalibration=true}).
 *
 * <p>Virtual cohorts of 100,000 patients per arm with a fixed seed: their own Monte Carlo error (at
 * most 0.16 percentage points on a proportion) is small beside a trial-size interval, so the result of
 * each check is a property of the model, not of the seed.
 */
class CalibrationTest {
    private static final long N = 100_000;
    private static final long SEED = 20261121;
    private static final Path REPORT = Path.of("../docs/calibration.md");
    private static final List<Figure> FIGURES = new ArrayList<>();
    private static final List<String> MEDIANS = new ArrayList<>();
    private static final List<Boolean> MEDIANS_OK = new ArrayList<>();

    @BeforeAll
    static void simulate() throws Exception {
        interfant06Blina();
        aall1331();
        aall1121();
        cccg();
        interfant21();
    }

    @TestFactory
    Stream<DynamicTest> eachFigureMatches() {
        return FIGURES.stream().map(f -> DynamicTest.dynamicTest(f.protocol() + " · " + f.name(),
                () -> assertThat(f.matches()).as(f.describe()).isTrue()));
    }

    @TestFactory
    Stream<DynamicTest> eachMedianLiesInItsPublishedInterval() {
        return java.util.stream.IntStream.range(0, MEDIANS.size()).mapToObj(i -> DynamicTest.dynamicTest(MEDIANS.get(i),
                () -> assertThat(MEDIANS_OK.get(i)).as(MEDIANS.get(i)).isTrue()));
    }

    @Test
    void reportIsCurrent() throws Exception {
        String report = report();
        if (Boolean.getBoolean("trialsim.updateCalibration")) {
            Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(REPORT, StandardCharsets.UTF_8))
                .as("docs/calibration.md is stale: run mvn -pl simulator -am test -Dtest=CalibrationTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dtrialsim.updateCalibration=true")
                .isEqualTo(report);
    }

    // ------------------------------------------------------------------ the figures

    private static void interfant06Blina() throws Exception {
        String id = "interfant-06-blina";
        CohortResult r = cohort(id);
        CohortResult.ArmResult chemo = arm(r, "chemo");
        // "two thirds within 1 year and 90% within 2 years": shares of all relapses by 6 years; about 100
        // relapses in a comparator of 211 [D]
        double relapses = incidence(chemo, "efs", "relapse", 6);
        FIGURES.add(Figure.point(id, "share of relapses within 1 year (two thirds)", "van der Sluis, NEJM 2023, background (§1)",
                2 / 3.0, 100, incidence(chemo, "efs", "relapse", 1) / relapses));
        FIGURES.add(Figure.point(id, "share of relapses within 2 years (90%)", "van der Sluis, NEJM 2023, background (§1)",
                0.90, 100, incidence(chemo, "efs", "relapse", 2) / relapses));
    }

    private static void aall1331() throws Exception {
        String id = "aall1331";
        CohortResult r = cohort(id);
        CohortResult.ArmResult a = arm(r, "A");
        CohortResult.ArmResult b = arm(r, "B");
        String t2 = "Brown, JAMA 2021, table 2 (§4a)";
        pair(id, "late treatment failure after cycle 1", t2, 1, 9,
                (double) branch(b, "b-after-cycle1", 0) / b.flow().onArm(), (double) branch(a, "a-after-cycle1", 0) / a.flow().onArm());
        String whole = "Haematologica 2025, whole-trial accounting (§4a)";
        CohortResult.Flow f = a.flow();
        FIGURES.add(Figure.point(id, "died during block 1 (24/661)", whole, 24 / 661.0, 661,
                (double) node(f, "block1").died() / f.enrolled()));
        FIGURES.add(Figure.point(id, "early treatment failure (42/661)", whole, 42 / 661.0, 661,
                (double) branch(a, "risk-assignment", 0) / f.enrolled()));
        FIGURES.add(Figure.point(id, "risk-stratified but not randomized (115/661)", whole, 115 / 661.0, 661,
                (double) branch(a, "consent", 0) / f.enrolled()));
        double[] marrow = tally(id, o -> o.enrolled() && level(o, "site").equals("marrow"),
                o -> o.state()[slot(o, "mrd.eob1")] >= 1e-4, o -> o.state()[slot(o, "mrd.eob1")] == o.state()[slot(o, "mrd.eob1")]);
        FIGURES.add(Figure.point(id, "MRD ≥ 0.01% after block 1, marrow relapses (290/532)", whole, 290 / 532.0, 532,
                marrow[0] / marrow[1]));
    }

    private static void aall1121() throws Exception {
        String id = "aall1121";
        CohortResult.ArmResult arm = cohort(id).arms().get(0);
        String vs = "von Stackelberg, JCO 2016 (§5)";
        double[] mrd = tally(id, PatientOutcome::reachedRemission,
                o -> o.state()[slot(o, "mrd.c1")] == 0 || o.state()[slot(o, "mrd.c2")] == 0, o -> true);
        FIGURES.add(Figure.of(id, "complete MRD response among remissions (14/27)", vs, 14 / 27.0, 0.319, 0.713, 27, mrd[0] / mrd[1]));
        median(id, "median overall survival 8 months (4-12)", arm, "os", 4, 12);
        median(id, "median relapse-free survival of responders 6 months (0.5-16)", arm, "rfs", 0.5, 16);
    }

    private static void cccg() throws Exception {
        // its figures (5-year EFS by provisional risk group and day-46 MRD) are its targets, each among a subgroup
        cohort("cccg-blina-d19");
    }

    private static void interfant21() throws Exception {
        // its figures (the share of infants screened out as KMT2A-germline, the share at high risk) are its targets
        cohort("interfant-21");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The cohort of a built-in, and its targets (the protocol file's {@code targets}) checked on it, as
     * {@code trialsim calibrate} does; figures that are not yet a kind of target follow them.
     */
    private static CohortResult cohort(String id) throws Exception {
        LoadedProtocol protocol = BuiltinProtocols.load(id);
        CohortResult result = new Simulator().cohort(protocol, Calibration.options(protocol.protocol(), new CohortOptions(N, SEED, 2, null)),
                Progress.NONE);
        for (TargetResult t : Calibration.of(protocol.protocol(), result).targets()) {
            FIGURES.add(Figure.of(id, t));
        }
        return result;
    }

    private static void pair(String id, String name, String source, int experimental, int control, double simB, double simA) {
        FIGURES.add(Figure.point(id, name + ", blinatumomab (" + experimental + "/105)", source, experimental / 105.0, 105, simB));
        FIGURES.add(Figure.point(id, name + ", chemotherapy (" + control + "/103)", source, control / 103.0, 103, simA));
    }

    private static CohortResult.ArmResult arm(CohortResult r, String arm) {
        return r.arms().stream().filter(a -> a.arm().equals(arm)).findFirst().orElseThrow();
    }

    private static CohortResult.EndpointResult endpoint(CohortResult.ArmResult arm, String endpoint) {
        return arm.endpoints().stream().filter(e -> e.endpoint().equals(endpoint)).findFirst().orElseThrow();
    }

    private static double incidence(CohortResult.ArmResult arm, String endpoint, String event, int years) {
        return endpoint(arm, endpoint).incidence().stream().filter(i -> i.event().equals(event)).findFirst().orElseThrow()
                .landmarks().stream().filter(p -> p.years() == years).findFirst().orElseThrow().estimate();
    }

    private static CohortResult.NodeFlow node(CohortResult.Flow f, String id) {
        return f.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private static long branch(CohortResult.ArmResult arm, String node, int branch) {
        return node(arm.flow(), node).branches().get(branch).patients();
    }

    /** Records whether the simulated median of a survival curve lies in the published interval (months). */
    private static void median(String id, String name, CohortResult.ArmResult arm, String endpoint, double lowMonths, double highMonths) {
        double median = Double.NaN;
        for (CohortResult.SurvivalPoint p : endpoint(arm, endpoint).curve()) {
            if (p.estimate() <= 0.5) {
                median = p.years() * 12;
                break;
            }
        }
        boolean ok = median >= lowMonths && median <= highMonths;
        MEDIANS.add(String.format(Locale.ROOT, "%s · %s: simulated median %.1f months", id, name, median));
        MEDIANS_OK.add(ok);
    }

    /** Runs N patients of a protocol (one arm at random) and counts {numerator, denominator}. */
    private static double[] tally(String id, Predicate<PatientOutcome> among, Predicate<PatientOutcome> counted,
                                  Predicate<PatientOutcome> defined) throws Exception {
        LoadedProtocol protocol = BuiltinProtocols.load(id);
        CompiledProtocol compiled = CompiledProtocol.of(protocol);
        PatientSimulator simulator = new PatientSimulator(compiled, new RandomStreams(SEED));
        current = compiled.index();
        currentSymbols = org.trialsim.protocol.condition.ProtocolVariables.of(protocol.protocol());
        double num = 0;
        double den = 0;
        for (long i = 0; i < N; i++) {
            PatientOutcome o = simulator.simulate(i, ArmPolicy.BY_RATIO);
            if (among.test(o) && defined.test(o)) {
                den++;
                if (counted.test(o)) {
                    num++;
                }
            }
        }
        return new double[] {num, den};
    }

    private static ProtocolIndex current;
    private static org.trialsim.protocol.condition.Symbols currentSymbols;

    private static int slot(PatientOutcome o, String variable) {
        return currentSymbols.slot(variable);
    }

    private static String level(PatientOutcome o, String covariate) {
        int i = current.covariates().indexOf(covariate);
        return current.covariateText(i, o.state()[current.covariateSlot(i)]);
    }

    // ------------------------------------------------------------------ the report

    private static String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Calibration of the built-in protocols\n\n");
        sb.append("Generated by `CalibrationTest` (simulator module) from virtual cohorts of ").append(String.format(Locale.ROOT, "%,d", N))
                .append(" patients per arm, seed ").append(SEED).append(". Published figures are from\n")
                .append("`shared/reference/published-figures.md` (section numbers in brackets); most are the `targets` of the\n")
                .append("protocol files (docs/protocol-format.md), which `trialsim calibrate` checks too. A figure matches when the\n")
                .append("published point lies within the simulated 95% interval for the trial's own number of patients, or the\n")
                .append("simulated point lies within the published interval. A hazard ratio (written as a ratio, not a percentage)\n")
                .append("is the Cox ratio of the two arms' virtual patients, its interval at n the cohort's widened to n patients in\n")
                .append("all (`TargetResult.ofHazardRatio`). Regenerate with\n")
                .append("`mvn -pl simulator -am test -Dtest=CalibrationTest -Dsurefire.failIfNoSpecifiedTests=false -Dtrialsim.updateCalibration=true`.\n");
        String protocol = "";
        for (Figure f : FIGURES) {
            if (!f.protocol().equals(protocol)) {
                protocol = f.protocol();
                sb.append("\n## ").append(protocol).append("\n\n");
                sb.append("| figure | published | n | simulated | 95% interval at n | matches | source |\n");
                sb.append("|---|---|---|---|---|---|---|\n");
            }
            sb.append("| ").append(f.name()).append(" | ").append(f.fmt(f.published()))
                    .append(Double.isNaN(f.lower()) ? "" : " (" + f.fmt(f.lower()) + "–" + f.fmt(f.upper()) + ")")
                    .append(" | ").append(f.trialN()).append(" | ").append(f.fmt(f.simulated())).append(" | ")
                    .append(f.fmt(f.simulatedLower())).append("–").append(f.fmt(f.simulatedUpper())).append(" | ")
                    .append(f.matches() ? "yes" : "**no**").append(" | ").append(f.source()).append(" |\n");
        }
        sb.append("\n## Medians\n\n");
        for (int i = 0; i < MEDIANS.size(); i++) {
            sb.append("- ").append(MEDIANS.get(i)).append(MEDIANS_OK.get(i) ? " (within the published interval)" : " (**outside**)").append('\n');
        }
        return sb.toString();
    }
}
