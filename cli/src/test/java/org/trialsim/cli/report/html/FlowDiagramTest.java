package org.trialsim.cli.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FlowDiagramTest {
    @Test
    void boxesAreLaidOutInLayersBelowTheNearestBoxLeadingToThem() throws Exception {
        FlowDiagram d = new FlowDiagram("f", "flow");
        d.node("presented", "start", List.of("Presented", "1,000"));
        d.node("out", "out", List.of("Not eligible", "100"));
        d.node("in", "block", List.of("Enrolled", "900"));
        d.node("end", "end", List.of("End", "900"));
        d.edge("presented", "out", null).edge("presented", "in", null).edge("in", "end", "all").edge("end", "in", "back");
        Document doc = ChartTest.parse(d.svg());
        NodeList rects = doc.getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(4);
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = Double.parseDouble(((Element) rects.item(i)).getAttribute("y"));
        }
        assertThat(y[1]).isEqualTo(y[2]).isGreaterThan(y[0]);
        assertThat(y[3]).isGreaterThan(y[2]);
        assertThat(doc.getElementsByTagName("path").getLength()).as("four arrows and the arrowhead").isEqualTo(5);
    }

    @Test
    void longAndHostileTextIsCutAndEscaped() throws Exception {
        FlowDiagram d = new FlowDiagram("f", ChartTest.HOSTILE);
        d.node("a", "block", List.of(ChartTest.HOSTILE + ChartTest.HOSTILE));
        d.node("b", "<x>", List.of("b"));
        d.edge("a", "b", ChartTest.HOSTILE).edge("a", "nowhere", "x");
        String svg = d.svg();
        ChartTest.parse(svg);
        assertThat(svg).doesNotContain("<script", "<x>");
        assertThat(FlowDiagram.cut("abcdef", 4)).isEqualTo("abc…");
        assertThat(FlowDiagram.cut("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
    }
}
