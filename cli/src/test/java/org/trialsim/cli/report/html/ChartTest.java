package org.trialsim.cli.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartTest {
    static final String HOSTILE = "<script>alert(1)</script>\" onload=\"alert(2)";

    /** Parses the SVG as XML: it must be well formed, whatever text went in. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static int count(Document d, String tag, String cssClass) {
        NodeList list = d.getElementsByTagName(tag);
        int n = 0;
        for (int i = 0; i < list.getLength(); i++) {
            if (((Element) list.item(i)).getAttribute("class").contains(cssClass)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aStepCurveWithItsBandIsOnePathEachWithinThePlot() throws Exception {
        Chart c = Chart.numeric("km", "EFS", "Years", "Survival").y(0, 100).percent();
        int a = c.series("Arm A");
        c.band(a, new double[] {0, 1, 2}, new double[] {100, 80, 70}, new double[] {100, 90, 82});
        c.step(a, new double[] {0, 1, 2}, new double[] {100, 85, 76});
        Document d = parse(c.svg());
        assertThat(count(d, "path", "curve")).isEqualTo(1);
        assertThat(count(d, "path", "band")).isEqualTo(1);
        String curve = ((Element) d.getElementsByTagName("path").item(1)).getAttribute("d");
        // the step holds 100% from 0 to 1 at the plot's top (y = 30), then drops
        assertThat(curve).startsWith("M64,30L");
        assertThat(c.svg()).contains(">100%<", ">0%<", ">Arm A<").contains("data-marks=\"2\"");
    }

    @Test
    void anAreaBetweenLinesIsAPolygonPerRunOfFinitePointsUpperBoundsThenLowerOnesBack() throws Exception {
        Chart c = Chart.numeric("power", "Power", "Events", "Power").x(0, 4).y(0, 100);
        int s = c.series("HR 0.7");
        c.area(s, new double[] {0, 1, 2, 3, 4}, new double[] {40, 50, Double.NaN, 70, 80}, new double[] {60, 70, 75, 90, 100});
        c.line(s, new double[] {0, 1, 2, 3, 4}, new double[] {50, 60, 70, 80, 90});
        Document d = parse(c.svg());
        assertThat(count(d, "path", "band")).as("the missing lower bound at 2 breaks the band in two").isEqualTo(2);
        String first = ((Element) d.getElementsByTagName("path").item(0)).getAttribute("d");
        // x 0 and 1 are 64 and 203.5; y 100 is the plot's top (30) and y 0 its bottom (294): 60% is 135.6, 40% 188.4
        assertThat(first).isEqualTo("M64,135.6L203.5,109.2L203.5,162L64,188.4Z");
        assertThat(count(d, "path", "line")).isEqualTo(1);
    }

    @Test
    void everyTextIsEscapedAndTheSvgStaysWellFormed() throws Exception {
        Chart c = Chart.categorical(HOSTILE, HOSTILE, List.of(HOSTILE, "b"), HOSTILE, HOSTILE);
        int s = c.series(HOSTILE);
        c.bar(s, 0, 1).bar(s, 1, 2).reference(1.5, HOSTILE);
        c.underAxis(HOSTILE, new double[] {0}, List.of(HOSTILE), List.<String[]>of(new String[] {HOSTILE}));
        String svg = c.svg();
        parse(svg);
        assertThat(svg).doesNotContain("<script", "onload=\"").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void barsOfTwoSeriesSitSideBySideAndTheSecondIsHatched() throws Exception {
        Chart c = Chart.categorical("b", "t", List.of("1", "2", "3"), "Level", "%");
        int a = c.series("rolling six");
        int b = c.series("3+3");
        for (int i = 0; i < 3; i++) {
            c.bar(a, i, 10 * i + 5).bar(b, i, 8 * i + 5);
        }
        Document d = parse(c.svg());
        assertThat(count(d, "rect", "bar")).isEqualTo(6);
        assertThat(c.svg()).contains("url(#b-hatch)");
    }

    @Test
    void aHistogramsBinsAreAdjacentAndEmptyBinsAreNotDrawn() throws Exception {
        Chart c = Chart.numeric("h", "t", "patients", "trials");
        c.series(null);
        c.histogram(0, new double[] {0, 1, 2, 3}, new double[] {4, 0, 2});
        Document d = parse(c.svg());
        assertThat(count(d, "rect", "bar")).isEqualTo(2);
        assertThatThrownBy(() -> c.histogram(0, new double[] {0, 1}, new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intervalsBoxesAndLinesAreDrawnAndValuesThatAreNotFiniteAreLeftOut() throws Exception {
        Chart c = Chart.categorical("i", "t", List.of("a", "b"), null, "%");
        int s = c.series("x");
        c.interval(s, 0, 50, 40, 60).interval(s, 1, Double.NaN, Double.NaN, Double.NaN);
        c.box(s, 1, 1, 2, 3, 4, 5, 3.1);
        Document d = parse(c.svg());
        assertThat(count(d, "path", "interval")).isEqualTo(1);
        assertThat(count(d, "circle", "point")).isEqualTo(1);
        assertThat(count(d, "rect", "box")).isEqualTo(1);
        Chart line = Chart.numeric("l", "t", "x", "y");
        line.line(line.series("z"), new double[] {0, 1, 2}, new double[] {1, Double.NaN, 3});
        assertThat(line.svg()).contains("d=\"M64,");
        assertThat(count(parse(line.svg()), "path", "line")).isEqualTo(1);
    }

    @Test
    void aChartWithoutMarksSaysNoData() throws Exception {
        Chart c = Chart.numeric("e", "t", "x", "y");
        assertThat(c.marks()).isZero();
        assertThat(c.svg()).contains("data-marks=\"0\"", ">no data<");
        parse(c.svg());
    }
}
