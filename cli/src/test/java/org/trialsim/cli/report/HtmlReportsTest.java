package org.trialsim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.cli.report.html.FlowDiagram;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.trial.TrialOptions;

/**
 * The HTML pages of a cohort and of a trial: self-contained, every chart well-formed SVG with marks in
 * it, a protocol's hostile texts shown inertly, and rendering well within 100 ms.
 */
class HtmlReportsTest {
    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final Simulator SIMULATOR = new Simulator();
    private static CohortReport cohort;
    private static TrialReport trial;

    @BeforeAll
    static void results() throws Exception {
        LoadedProtocol hostile = SIMULATOR.load("aall1331", "title=" + HOSTILE, "arms.A.label=" + HOSTILE,
                "pathway.nodes.block1.label=" + HOSTILE);
        cohort = new CohortReport(SIMULATOR.cohort(hostile, new CohortOptions(2_000, 3, 1, null)), hostile.protocol());
        LoadedProtocol gsd = SIMULATOR.load("../examples/two-arm-exponential.yaml",
                "design.analysis.informationFractions=[0.5, 1]", "design.analysis.futilityBounds=[0]",
                "design.analysis.spending=obrien-fleming", "title=" + HOSTILE);
        trial = new TrialReport(SIMULATOR.trial(gsd, new TrialOptions(100, 3, 1, false)), gsd.protocol());
    }

    static String html(Report report) throws Exception {
        StringWriter out = new StringWriter();
        report.write(Format.HTML, out);
        return out.toString();
    }

    /** Every SVG of the page, each parsed as XML (so well formed), with its count of marks. */
    static List<Integer> charts(String html) throws Exception {
        List<Integer> marks = new ArrayList<>();
        Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
            marks.add(Integer.parseInt(doc.getDocumentElement().getAttribute("data-marks")));
        }
        return marks;
    }

    @Test
    void aCohortPageHasItsFlowCurvesResponsesAndToxicityEachChartWithMarks() throws Exception {
        String page = html(cohort);
        List<Integer> marks = charts(page);
        assertThat(marks).hasSizeGreaterThanOrEqualTo(8).allMatch(n -> n > 0);
        assertThat(page).contains("id=\"flow\"", "id=\"km-efs\"", "id=\"km-dfs\"", "id=\"km-os\"", "id=\"ci-dfs-relapse\"",
                "id=\"ci-dfs-death\"", "id=\"mrd\"", "id=\"tox-death\"", "Numbers at risk", "The text report");
        assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }

    @Test
    void aTrialPageHasPowerLooksBoundariesDistributionsAllocationAndTheEffect() throws Exception {
        String page = html(trial);
        assertThat(charts(page)).hasSizeGreaterThanOrEqualTo(8).allMatch(n -> n > 0);
        assertThat(page).contains("id=\"rejection\"", "id=\"looks\"", "id=\"bounds-z\"", "id=\"bounds-hr\"", "id=\"patients\"",
                "id=\"events\"", "id=\"duration\"", "id=\"allocation\"", "id=\"effect\"");
    }

    @Test
    void aProtocolsHostileTextsAreShownAsTextAndNothingIsFetched() throws Exception {
        for (Report report : List.of(cohort, trial)) {
            String page = html(report);
            assertThat(page).doesNotContain("<script", "src=", "href=", "url(http", "@import")
                    .contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>", "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>");
        }
        assertThat(html(cohort)).contains("A — &lt;script&gt;alert(1)&lt;/script&gt;");
    }

    /** Schoenfeld: log HR = −z / √(d·p·(1−p)); with 100 events 1:1, z = 1.96 is a hazard ratio of exp(−1.96 / 5) = 0.6757. */
    @Test
    void aBoundaryOnTheHazardRatioScaleFollowsSchoenfeld() {
        assertThat(TrialHtml.hazardRatio(1.96, 100, 0.5)).isCloseTo(0.675704, within(1e-6));
        assertThat(TrialHtml.hazardRatio(0, 100, 0.5)).isEqualTo(1.0);
        assertThat(TrialHtml.hazardRatio(2.5, 300, 2.0 / 3)).isCloseTo(Math.exp(-2.5 / Math.sqrt(300 * 2.0 / 9)), within(1e-12));
    }

    /**
     * No route label overlaps another or a node, in the flow of every built-in: each label's box (its
     * text's x and baseline, its width by {@link FlowDiagram#labelWidth}) against every other and
     * against every node's rectangle. scripts/check-html.sh checks the same in a browser, with the
     * text's measured size.
     */
    @ParameterizedTest
    @ValueSource(strings = {"interfant-21", "interfant-06-blina", "aall1331", "aall1121", "cccg-blina-d19"})
    void noRouteLabelOverlapsAnotherOrANode(String id) throws Exception {
        LoadedProtocol protocol = SIMULATOR.load(id);
        String page = html(new CohortReport(SIMULATOR.cohort(protocol, new CohortOptions(300, 1, 1, null)), protocol.protocol()));
        Matcher flow = Pattern.compile("<svg class=\"chart flow\".*?</svg>", Pattern.DOTALL).matcher(page);
        assertThat(flow.find()).isTrue();
        String svg = flow.group();
        List<double[]> labels = new ArrayList<>();
        Matcher m = Pattern.compile("<text class=\"edge-label\" x=\"([-\\d.]+)\" y=\"([-\\d.]+)\">([^<]*)</text>").matcher(svg);
        while (m.find()) {
            double x = Double.parseDouble(m.group(1)) - 3;
            double bottom = Double.parseDouble(m.group(2)) + 3;
            String text = m.group(3).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
            labels.add(new double[] {x, bottom - FlowDiagram.LABEL_LINE, x + FlowDiagram.labelWidth(text), bottom});
        }
        List<double[]> nodes = new ArrayList<>();
        Matcher r = Pattern.compile("<rect x=\"([-\\d.]+)\" y=\"([-\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\"").matcher(svg);
        while (r.find()) {
            double x = Double.parseDouble(r.group(1));
            double y = Double.parseDouble(r.group(2));
            nodes.add(new double[] {x, y, x + Double.parseDouble(r.group(3)), y + Double.parseDouble(r.group(4))});
        }
        assertThat(labels).as("the route labels").isNotEmpty();
        assertThat(nodes).as("the nodes").hasSizeGreaterThan(3);
        Matcher box = Pattern.compile("viewBox=\"0 0 ([\\d.]+) ([\\d.]+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        for (int i = 0; i < labels.size(); i++) {
            double[] a = labels.get(i);
            assertThat(a[0] >= 0 && a[2] <= Double.parseDouble(box.group(1)) && a[1] >= 0 && a[3] <= Double.parseDouble(box.group(2)))
                    .as("label %d inside the drawing", i).isTrue();
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(overlap(a, labels.get(j))).as("labels %d and %d of %s", i, j, id).isFalse();
            }
            for (double[] n : nodes) {
                assertThat(overlap(a, n)).as("label %d and a node of %s", i, id).isFalse();
            }
        }
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    @Test
    void theSameResultGivesTheSamePage() throws Exception {
        assertThat(html(cohort)).isEqualTo(html(cohort));
    }

    /**
     * Rendering costs well under 100 ms. Timed as the rendering thread's processor time, not the wall
     * clock: on the shared build machine the wall clock mostly measures waiting for a processor.
     */
    @Test
    void renderingACohortPageTakesWellUnder100MillisecondsOfProcessorTime() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String id : List.of("interfant-21", "aall1331")) {
            LoadedProtocol protocol = SIMULATOR.load(id);
            CohortReport report = new CohortReport(SIMULATOR.cohort(protocol, new CohortOptions(2_000, 1, 1, null)), protocol.protocol());
            long start = threads.getCurrentThreadCpuTime();
            html(report);
            double firstMs = (threads.getCurrentThreadCpuTime() - start) / 1e6;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < 5; i++) {
                long t = threads.getCurrentThreadCpuTime();
                html(report);
                best = Math.min(best, (threads.getCurrentThreadCpuTime() - t) / 1e6);
            }
            System.out.printf(Locale.ROOT, "%s cohort page: first render %.1f ms, best of 5 after it %.1f ms of processor time%n",
                    id, firstMs, best);
            assertThat(best).isLessThan(100);
        }
    }
}
