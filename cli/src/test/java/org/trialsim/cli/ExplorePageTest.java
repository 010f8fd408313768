package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code explore --format html}: power curves along the swept axis with their bands, the worst cases, the ranking; texts escaped. */
class ExplorePageTest {
    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String TWO_ARM = Path.of("../examples/two-arm-exponential.yaml").toAbsolutePath().toString();

    /** Every SVG of the page by its id, each parsed as XML (so well formed). */
    static Map<String, Document> charts(String html) throws Exception {
        Map<String, Document> charts = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
            charts.put(doc.getDocumentElement().getAttribute("id"), doc);
        }
        return charts;
    }

    private static int marks(Document chart) {
        return Integer.parseInt(chart.getDocumentElement().getAttribute("data-marks"));
    }

    @Test
    void aNumericDesignAxisGivesPowerAndTypeOneErrorCurvesWithBandsAndTheRanking(@TempDir Path dir) throws Exception {
        Cli run = Cli.run("explore", "--protocol", TWO_ARM, "--vary", "design.analysis.events=120,100,150", "--null", "-r", "60", "-q",
                "--format", "html");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String page = run.out();
        Map<String, Document> charts = charts(page);
        assertThat(charts).containsOnlyKeys("power", "type-one", "objective");
        // one scenario a line, its band and its line: the alternative for power, the null for type I error, both for the objective
        assertThat(marks(charts.get("power"))).isEqualTo(2);
        assertThat(marks(charts.get("type-one"))).isEqualTo(2);
        assertThat(marks(charts.get("objective"))).isEqualTo(4);
        Document power = charts.get("power");
        assertThat(power.getElementsByTagName("circle").getLength()).as("a point per design").isEqualTo(3);
        assertThat(page).contains("<h1>Exploration of two-arm-exponential</h1>", "Design (design.analysis.events)",
                "Designs by their worst scenario", "Every cell", "The text report", "events=150, hypothesis=null");
        // drawn along the numbers in order, 100 before 120 before 150, though the sweep gave 120 first
        String table = page.substring(page.indexOf("<caption>Power ± Monte Carlo standard error"));
        assertThat(table.indexOf(">100<")).isLessThan(table.indexOf(">120<"));
        assertThat(table.indexOf(">120<")).isLessThan(table.indexOf(">150<"));
    }

    @Test
    void aSweepsHostileNamesAreShownAsTextAndTheConstraintsAreDrawn(@TempDir Path dir) throws Exception {
        Path sweep = Files.writeString(dir.resolve("sweep.yaml"), """
                protocol: %s
                description: '%s'
                replicates: 40
                axes:
                  - name: '%s'
                    kind: design
                    values:
                      - {label: '%s', set: {design.analysis.events: 100}}
                      - {label: 'more & "quoted"', set: {design.analysis.events: 140}}
                  - name: effect
                    kind: scenario
                    values:
                      - {label: '%s', set: {"outcomes.deathInRemission[0].hazardRatio": 0.6}}
                      - {label: HR 0.7, set: {"outcomes.deathInRemission[0].hazardRatio": 0.7}}
                constraints: {minPower: 0.8}
                """.formatted(TWO_ARM, HOSTILE, HOSTILE, HOSTILE, HOSTILE));
        Cli run = Cli.run("explore", sweep.toString(), "-q", "--format", "html");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String page = run.out();
        assertThat(page).doesNotContain("<script", "src=", "href=", "\"quoted\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "more &amp; &quot;quoted&quot;", "constraint: ≥ 80%");
        Map<String, Document> charts = charts(page);
        assertThat(charts).containsOnlyKeys("power", "objective");
        assertThat(charts.values()).allSatisfy(c -> assertThat(marks(c)).isEqualTo(4));
        assertThat(page).contains("No design meets the constraints").doesNotContain("type-one");
    }

    @Test
    void onlyScenariosVaryingDrawsOneLineForTheDesignAlongTheScenarios() throws Exception {
        Cli run = Cli.run("explore", "--protocol", TWO_ARM, "--vary-scenario", "outcomes.deathInRemission[0].hazardRatio=0.6,0.7,0.8",
                "-r", "40", "-q", "--format", "html");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Document> charts = charts(run.out());
        assertThat(charts).containsOnlyKeys("power", "objective");
        assertThat(marks(charts.get("power"))).isEqualTo(2);
        assertThat(run.out()).contains("Scenario (outcomes.deathInRemission[0].hazardRatio)");
    }
}
