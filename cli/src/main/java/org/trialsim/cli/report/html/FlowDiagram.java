package org.trialsim.cli.report.html;

import static org.trialsim.cli.report.html.Markup.coordinate;
import static org.trialsim.cli.report.html.Markup.escape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow diagram in the manner of a CONSORT diagram, drawn as inline SVG in layers: the first node
 * added is the top, and every other node sits one layer below the nearest node that leads to it
 * (breadth first, so a route back to an earlier node cannot make the layout loop). Boxes hold a few
 * lines of text (a name, counts); arrows carry their route's label. Every text is escaped, and a line
 * too long for its box is cut with "…", its whole text in the box's tooltip.
 */
public final class FlowDiagram {
    private static final int BOX = 214;
    private static final int GAP_X = 22;
    private static final int GAP_Y = 46;
    private static final int LINE = 15;
    private static final int CHARS = 32;

    private final String id;
    private final String title;
    private final Map<String, Box> boxes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    /**
     * @param id    an id unique in the page
     * @param title what the diagram shows, for screen readers
     */
    public FlowDiagram(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /**
     * Adds a box (again: replaces its lines).
     *
     * @param key   the node's key, which edges name
     * @param kind  its kind, a CSS class: start, block, decision, allocation, end, out
     * @param lines its text, the first line in bold
     */
    public FlowDiagram node(String key, String kind, List<String> lines) {
        Box old = boxes.get(key);
        boxes.put(key, new Box(key, kind, List.copyOf(lines), old == null ? boxes.size() : old.order()));
        return this;
    }

    /** Adds an arrow from one box to another with a label (or null); an arrow to a key without a box is left out. */
    public FlowDiagram edge(String from, String to, String label) {
        edges.add(new Edge(from, to, label));
        return this;
    }

    /** The number of boxes. */
    public int size() {
        return boxes.size();
    }

    /** The diagram as an {@code <svg>} element. */
    public String svg() {
        List<List<Box>> layers = layers();
        int maxBoxes = layers.stream().mapToInt(List::size).max().orElse(1);
        int width = Math.max(BOX + 2 * GAP_X, maxBoxes * (BOX + GAP_X) + GAP_X);
        Map<String, double[]> at = new LinkedHashMap<>();
        double y = 10;
        for (List<Box> layer : layers) {
            int layerHeight = layer.stream().mapToInt(FlowDiagram::height).max().orElse(0);
            double x = (width - layer.size() * (BOX + GAP_X) + GAP_X) / 2.0;
            for (Box b : layer) {
                at.put(b.key(), new double[] {x, y, height(b)});
                x += BOX + GAP_X;
            }
            y += layerHeight + GAP_Y;
        }
        int height = (int) Math.ceil(y - GAP_Y + 10);
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg class=\"chart flow\" id=\"").append(escape(id)).append("\" data-marks=\"").append(boxes.size()).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"").append(escape(id))
                .append("-t\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"").append(escape(id)).append("-t\">").append(escape(title))
                .append("</title><defs><marker id=\"").append(escape(id)).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10Z\" fill=\"#444\"/>"
                        + "</marker></defs>");
        Map<String, Integer> leaving = new LinkedHashMap<>();
        for (Edge e : edges) {
            double[] a = at.get(e.from());
            double[] b = at.get(e.to());
            if (a != null && b != null) {
                // the labels of arrows leaving one box step down by a line each, so that neighbours do not overlap
                int k = leaving.merge(e.from(), 1, Integer::sum) - 1;
                arrow(s, a, b, e.label(), (k % 3) * 11);
            }
        }
        for (Box b : boxes.values()) {
            double[] p = at.get(b.key());
            box(s, b, p[0], p[1], p[2]);
        }
        s.append("</svg>");
        return s.toString();
    }

    private List<List<Box>> layers() {
        Map<String, Integer> layer = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        if (!boxes.isEmpty()) {
            String root = boxes.keySet().iterator().next();
            layer.put(root, 0);
            queue.add(root);
        }
        while (!queue.isEmpty()) {
            String k = queue.poll();
            for (Edge e : edges) {
                if (e.from().equals(k) && boxes.containsKey(e.to()) && !layer.containsKey(e.to())) {
                    layer.put(e.to(), layer.get(k) + 1);
                    queue.add(e.to());
                }
            }
        }
        int deepest = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        List<List<Box>> layers = new ArrayList<>();
        for (Box b : boxes.values()) {
            int l = layer.getOrDefault(b.key(), deepest + 1); // not reached from the top: a layer of its own at the bottom
            while (layers.size() <= l) {
                layers.add(new ArrayList<>());
            }
            layers.get(l).add(b);
        }
        layers.removeIf(List::isEmpty);
        return layers;
    }

    private static int height(Box b) {
        return 10 + LINE * b.lines().size();
    }

    private void box(StringBuilder s, Box b, double x, double y, double h) {
        s.append("<g class=\"mark node ").append(escape(b.kind())).append("\"><title>").append(escape(String.join(" · ", b.lines())))
                .append("</title><rect x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(y)).append("\" width=\"").append(BOX)
                .append("\" height=\"").append(coordinate(h)).append("\" rx=\"").append(b.kind().equals("decision") ? 10 : 3).append("\"/>");
        for (int i = 0; i < b.lines().size(); i++) {
            s.append("<text x=\"").append(coordinate(x + 8)).append("\" y=\"").append(coordinate(y + 5 + LINE * (i + 1) - 3)).append('"')
                    .append(i == 0 ? " class=\"name\"" : "").append('>').append(escape(cut(b.lines().get(i), i == 0 ? CHARS - 4 : CHARS))).append("</text>"); // the bold name is wider
        }
        s.append("</g>");
    }

    private void arrow(StringBuilder s, double[] a, double[] b, String label, double drop) {
        double x1 = a[0] + BOX / 2.0;
        double y1 = a[1] + a[2];
        double x2 = b[0] + BOX / 2.0;
        double y2 = b[1];
        String d;
        double lx;
        double ly;
        if (y2 > y1) {
            d = "M" + coordinate(x1) + "," + coordinate(y1) + "C" + coordinate(x1) + "," + coordinate(y1 + GAP_Y / 2.0) + " " + coordinate(x2) + ","
                    + coordinate(y2 - GAP_Y / 2.0) + " " + coordinate(x2) + "," + coordinate(y2);
            // half way, where the arrows leaving one box have spread apart
            lx = (x1 + x2) / 2 - 20;
            ly = (y1 + y2) / 2 - 7 + drop;
        } else {
            // back to the same or an earlier layer: around the right of the boxes
            double side = Math.max(a[0], b[0]) + BOX + GAP_X * 0.6;
            double ym = a[1] + a[2] / 2;
            d = "M" + coordinate(a[0] + BOX) + "," + coordinate(ym) + "C" + coordinate(side) + "," + coordinate(ym) + " " + coordinate(side) + ","
                    + coordinate(b[1] + b[2] / 2) + " " + coordinate(b[0] + BOX) + "," + coordinate(b[1] + b[2] / 2);
            lx = side;
            ly = (ym + b[1] + b[2] / 2) / 2;
        }
        s.append("<path class=\"edge\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.3\" marker-end=\"url(#").append(escape(id))
                .append("-arrow)\" d=\"").append(d).append("\"/>");
        if (label != null && !label.isEmpty()) {
            s.append("<text class=\"edge-label\" x=\"").append(coordinate(lx + 4)).append("\" y=\"").append(coordinate(ly)).append("\">")
                    .append(escape(cut(label, 26))).append("</text>");
        }
    }

    /** The text cut to at most n characters, "…" marking the cut. */
    static String cut(String text, int n) {
        if (text.length() <= n) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(n - 2)) ? n - 2 : n - 1; // never half a character
        return text.substring(0, end) + "…";
    }

    private record Box(String key, String kind, List<String> lines, int order) {
    }

    private record Edge(String from, String to, String label) {
    }
}
