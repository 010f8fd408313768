package org.trialsim.cli.report.html;

import static org.trialsim.cli.report.html.Markup.coordinate;
import static org.trialsim.cli.report.html.Markup.escape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** The height of a route label's box. */
    public static final int LABEL_LINE = 13;

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
        Layout l = layout();
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg class=\"chart flow\" id=\"").append(escape(id)).append("\" data-marks=\"").append(boxes.size()).append("\" viewBox=\"0 0 ")
                .append(l.width()).append(' ').append(l.height()).append("\" role=\"img\" aria-labelledby=\"").append(escape(id))
                .append("-t\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"").append(escape(id)).append("-t\">").append(escape(title))
                .append("</title><defs><marker id=\"").append(escape(id)).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10Z\" fill=\"#444\"/>"
                        + "</marker></defs>");
        for (Placed e : l.edges()) {
            s.append("<path class=\"edge\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.3\" marker-end=\"url(#").append(escape(id))
                    .append("-arrow)\" d=\"").append(e.path()).append("\"/>");
        }
        // the labels after every arrow, so that no arrow is drawn over a label
        for (Placed e : l.edges()) {
            if (e.label() != null) {
                double[] b = e.labelBox();
                s.append("<text class=\"edge-label\" x=\"").append(coordinate(b[0] + 3)).append("\" y=\"").append(coordinate(b[3] - 3))
                        .append("\">").append(escape(e.label())).append("</text>");
            }
        }
        for (Box b : boxes.values()) {
            double[] p = l.at().get(b.key());
            box(s, b, p[0], p[1], p[2]);
        }
        s.append("</svg>");
        return s.toString();
    }

    /**
     * The width a route label's box takes: a generous 6.3 units a character at its 10.5-unit font, and
     * a margin of 3 each side. The box is {@value #LABEL_LINE} units high; the text starts 3 units into
     * it, its baseline 3 units above its bottom. No two boxes overlap, nor a box and a node.
     */
    public static double labelWidth(String text) {
        return 6.3 * text.codePointCount(0, text.length()) + 6;
    }

    /**
     * Where everything goes. The layers are stacked with a gap below each that holds the labels of the
     * arrows leaving it, each label on the arrow (centred where the arrow crosses the label's line) and
     * on the first line of the gap where it overlaps no other; a gap that cannot hold its labels grows by
     * a line and the layout starts again. An arrow back to the same or an earlier layer runs around the
     * right of the boxes, its label beside it where it overlaps no box or label (further right if need
     * be, the drawing widening to hold it).
     */
    private Layout layout() {
        List<List<Box>> layers = layers();
        Map<String, Integer> layerOf = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Box b : layers.get(i)) {
                layerOf.put(b.key(), i);
            }
        }
        int maxBoxes = layers.stream().mapToInt(List::size).max().orElse(1);
        int width = Math.max(BOX + 2 * GAP_X, maxBoxes * (BOX + GAP_X) + GAP_X);
        double[] gaps = new double[layers.size()];
        Arrays.fill(gaps, GAP_Y);
        while (true) {
            Map<String, double[]> at = new LinkedHashMap<>();
            double[] bottoms = new double[layers.size()];
            double[] tops = new double[layers.size()];
            double y = 10;
            for (int i = 0; i < layers.size(); i++) {
                List<Box> layer = layers.get(i);
                int layerHeight = layer.stream().mapToInt(FlowDiagram::height).max().orElse(0);
                double x = (width - layer.size() * (BOX + GAP_X) + GAP_X) / 2.0;
                for (Box b : layer) {
                    at.put(b.key(), new double[] {x, y, height(b)});
                    x += BOX + GAP_X;
                }
                tops[i] = y;
                bottoms[i] = y + layerHeight;
                y += layerHeight + gaps[i];
            }
            int height = (int) Math.ceil(y - gaps[layers.size() - 1] + 10);
            List<Placed> placed = new ArrayList<>();
            List<double[]> labels = new ArrayList<>();
            int grow = -1;
            // the arrows down, gap by gap
            for (Edge e : edges) {
                double[] a = at.get(e.from());
                double[] b = at.get(e.to());
                if (a == null || b == null || b[1] <= a[1] + a[2]) {
                    continue;
                }
                int layer = layerOf.get(e.from());
                double[] curve = {a[0] + BOX / 2.0, a[1] + a[2], b[0] + BOX / 2.0, b[1]};
                String label = e.label() == null || e.label().isEmpty() ? null : cut(e.label(), 26);
                double[] box = null;
                if (label != null) {
                    double w = labelWidth(label);
                    for (double line = bottoms[layer] + 2; box == null && line + LABEL_LINE <= tops[layer + 1] - 2; line += LABEL_LINE) {
                        double cx = curveX(curve, line + LABEL_LINE / 2.0);
                        double x0 = Math.max(2, Math.min(width - 2 - w, cx - w / 2));
                        double[] candidate = {x0, line, x0 + w, line + LABEL_LINE};
                        if (free(candidate, labels, List.of())) {
                            box = candidate;
                        }
                    }
                    if (box == null) {
                        grow = layer;
                        break;
                    }
                    labels.add(box);
                }
                placed.add(new Placed(forward(curve), label, box));
            }
            if (grow >= 0) {
                gaps[grow] += LABEL_LINE;
                continue;
            }
            // the arrows back, around the right
            List<double[]> rectangles = at.values().stream().map(p -> new double[] {p[0], p[1], p[0] + BOX, p[1] + p[2]}).toList();
            double right = width;
            for (Edge e : edges) {
                double[] a = at.get(e.from());
                double[] b = at.get(e.to());
                if (a == null || b == null || b[1] > a[1] + a[2]) {
                    continue;
                }
                double side = Math.max(a[0], b[0]) + BOX + GAP_X * 0.6;
                double ym = a[1] + a[2] / 2;
                double yb = b[1] + b[2] / 2;
                String d = "M" + coordinate(a[0] + BOX) + "," + coordinate(ym) + "C" + coordinate(side) + "," + coordinate(ym) + " "
                        + coordinate(side) + "," + coordinate(yb) + " " + coordinate(b[0] + BOX) + "," + coordinate(yb);
                String label = e.label() == null || e.label().isEmpty() ? null : cut(e.label(), 26);
                double[] box = null;
                if (label != null) {
                    double w = labelWidth(label);
                    double mid = (ym + yb) / 2 - LABEL_LINE / 2.0;
                    // beside the arrow, nearest its middle first; else right of every box, where only labels can be
                    for (int k = 0; box == null && k < 40; k++) {
                        double line = mid + (k % 2 == 0 ? k / 2 : -(k + 1) / 2) * LABEL_LINE;
                        double[] candidate = {side + 2, line, side + 2 + w, line + LABEL_LINE};
                        if (line >= 2 && free(candidate, labels, rectangles)) {
                            box = candidate;
                        }
                    }
                    double beyond = rectangles.stream().mapToDouble(r -> r[2]).max().orElse(0) + 4;
                    for (int k = 0; box == null; k++) {
                        double line = Math.max(2, mid) + k * LABEL_LINE;
                        double[] candidate = {beyond, line, beyond + w, line + LABEL_LINE};
                        if (free(candidate, labels, rectangles)) {
                            box = candidate;
                        }
                    }
                    labels.add(box);
                    right = Math.max(right, box[2] + 2);
                    height = (int) Math.max(height, Math.ceil(box[3] + 4));
                }
                placed.add(new Placed(d, label, box));
            }
            return new Layout((int) Math.ceil(right), height, at, placed);
        }
    }

    /** Whether the box overlaps none of the labels and rectangles. */
    private static boolean free(double[] box, List<double[]> labels, List<double[]> rectangles) {
        for (List<double[]> others : List.of(labels, rectangles)) {
            for (double[] o : others) {
                if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An arrow down from (x1, y1) to (x2, y2): a cubic curve leaving and arriving vertically. */
    private static String forward(double[] c) {
        double[] p = controls(c);
        return "M" + coordinate(c[0]) + "," + coordinate(c[1]) + "C" + coordinate(p[0]) + "," + coordinate(p[1]) + " " + coordinate(p[2])
                + "," + coordinate(p[3]) + " " + coordinate(c[2]) + "," + coordinate(c[3]);
    }

    private static double[] controls(double[] c) {
        double bend = Math.min(GAP_Y / 2.0, (c[3] - c[1]) / 2);
        return new double[] {c[0], c[1] + bend, c[2], c[3] - bend};
    }

    /** The x where the arrow down crosses the height y (its y grows along the curve: bisection on the parameter). */
    private static double curveX(double[] c, double y) {
        double[] p = controls(c);
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 40; i++) {
            double t = (lo + hi) / 2;
            if (bezier(c[1], p[1], p[3], c[3], t) < y) {
                lo = t;
            } else {
                hi = t;
            }
        }
        return bezier(c[0], p[0], p[2], c[2], (lo + hi) / 2);
    }

    private static double bezier(double a, double b, double c, double d, double t) {
        double u = 1 - t;
        return u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
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

    /** An arrow as drawn: its path, and its label (cut to fit) with the label's box, or none. */
    private record Placed(String path, String label, double[] labelBox) {
    }

    private record Layout(int width, int height, Map<String, double[]> at, List<Placed> edges) {
    }
}
