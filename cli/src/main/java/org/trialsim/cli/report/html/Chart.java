package org.trialsim.cli.report.html;

import static org.trialsim.cli.report.html.Markup.coordinate;
import static org.trialsim.cli.report.html.Markup.escape;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart drawn as inline SVG: a numeric or categorical x axis, a numeric y axis with {@link Ticks},
 * and marks — step curves and their bands, lines, points with intervals, bars (grouped by series, or
 * stacked as a histogram), quantile boxes, reference lines — with a legend and, under the x axis, rows
 * of numbers (the numbers at risk of a survival curve). Every text is {@link Markup#escape escaped}.
 *
 * <p>The axes cover every mark unless fixed with {@link #x} or {@link #y}. A chart without marks
 * draws "no data" and says so in its {@code data-marks} attribute, which a browser check reads.
 */
public final class Chart {
    private static final int LEFT = 64;
    private static final int RIGHT = 18;
    private static final int LEGEND_ROW = 17;
    private static final int BOTTOM = 46;
    private static final int ROW = 16;
    private static final int SLANT = 74;

    private final String id;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> categories;
    private final List<String> series = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<Mark> references = new ArrayList<>();
    private final List<String> rowNames = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private double[] rowAt = new double[0];
    private String rowHeading;
    private int width = 640;
    private int height = 340;
    private double[] xFixed;
    private double[] yFixed;
    private boolean percent;

    private Chart(String id, String title, String xLabel, String yLabel, List<String> categories) {
        this.id = id;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.categories = categories == null ? null : List.copyOf(categories);
    }

    /**
     * A chart with a numeric x axis.
     *
     * @param id     an id unique in the page (its SVG patterns are named after it)
     * @param title  what the chart shows, for screen readers and as the SVG's title
     */
    public static Chart numeric(String id, String title, String xLabel, String yLabel) {
        return new Chart(id, title, xLabel, yLabel, null);
    }

    /** A chart whose x axis is the categories, in order; a mark's x is the index of its category. */
    public static Chart categorical(String id, String title, List<String> categories, String xLabel, String yLabel) {
        return new Chart(id, title, xLabel, yLabel, categories);
    }

    /** Fixes the x axis to [min, max] (numeric charts). */
    public Chart x(double min, double max) {
        xFixed = new double[] {min, max};
        return this;
    }

    /** Fixes the y axis to [min, max]. */
    public Chart y(double min, double max) {
        yFixed = new double[] {min, max};
        return this;
    }

    /** Labels the y ticks as percentages (the values are already in percent). */
    public Chart percent() {
        percent = true;
        return this;
    }

    /** The drawing's size in SVG units (it scales to the page's width). */
    public Chart size(int w, int h) {
        width = w;
        height = h;
        return this;
    }

    /** Adds a series to the legend and returns its index, which chooses its colour and pattern. */
    public int series(String name) {
        series.add(name);
        return series.size() - 1;
    }

    /** A right-continuous step curve through the points: the value y[i] holds from x[i] to x[i+1]. */
    public Chart step(int s, double[] x, double[] y) {
        marks.add(new Step(s, x.clone(), y.clone()));
        return this;
    }

    /** A band between two step curves (a curve's pointwise interval), drawn under the curves. */
    public Chart band(int s, double[] x, double[] lower, double[] upper) {
        marks.add(0, new Band(s, x.clone(), lower.clone(), upper.clone()));
        return this;
    }

    /**
     * A band between two lines through the points (a curve's pointwise interval, when the points are
     * joined by straight segments), drawn under the lines. A point whose bounds are not finite breaks
     * the band.
     */
    public Chart area(int s, double[] x, double[] lower, double[] upper) {
        marks.add(0, new Area(s, x.clone(), lower.clone(), upper.clone()));
        return this;
    }

    /** Straight segments through the points, each point marked. */
    public Chart line(int s, double[] x, double[] y) {
        marks.add(new Line(s, x.clone(), y.clone()));
        return this;
    }

    /**
     * A point with its interval. In a categorical chart, x is the category's index, and the series of a
     * category are set side by side.
     */
    public Chart interval(int s, double x, double y, double lower, double upper) {
        marks.add(new Interval(s, x, y, lower, upper));
        return this;
    }

    /** A bar from 0 to the value in the category (categorical charts), the series of a category side by side. */
    public Chart bar(int s, int category, double value) {
        marks.add(new Bar(s, category, value));
        return this;
    }

    /** A histogram: bar i spans [edges[i], edges[i+1]] with height heights[i] (numeric charts). */
    public Chart histogram(int s, double[] edges, double[] heights) {
        if (edges.length != heights.length + 1) {
            throw new IllegalArgumentException("a histogram needs one edge more than heights: " + edges.length + " and " + heights.length);
        }
        marks.add(new Histogram(s, edges.clone(), heights.clone()));
        return this;
    }

    /**
     * A quantile box in a category: whiskers from min to max, a box from the 10th to the 90th
     * percentile, a line at the median and a dot at the mean.
     */
    public Chart box(int s, int category, double min, double p10, double median, double p90, double max, double mean) {
        marks.add(new Box(s, category, new double[] {min, p10, median, p90, max, mean}));
        return this;
    }

    /** A dashed horizontal reference line with its label. */
    public Chart reference(double y, String label) {
        references.add(new Reference(y, label));
        return this;
    }

    /**
     * Rows of numbers under the x axis, one per name, each value at the x of {@code at} (the numbers at
     * risk under a survival curve's time axis).
     */
    public Chart underAxis(String heading, double[] at, List<String> names, List<String[]> values) {
        rowHeading = heading;
        rowAt = at.clone();
        rowNames.addAll(names);
        rows.addAll(values);
        return this;
    }

    /** How many marks the chart has (a chart with none draws "no data"). */
    public int marks() {
        return marks.size();
    }

    /** The chart as an {@code <svg>} element. */
    public String svg() {
        int extra = rows.isEmpty() ? 0 : ROW * (2 * rows.size() + 1) + 6;
        int h = height + extra;
        Frame f = frame();
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg class=\"chart\" id=\"").append(escape(id)).append("\" data-marks=\"").append(marks.size())
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(h).append("\" role=\"img\" aria-labelledby=\"")
                .append(escape(id)).append("-t\" xmlns=\"http://www.w3.org/2000/svg\">");
        s.append("<title id=\"").append(escape(id)).append("-t\">").append(escape(title)).append("</title>");
        s.append("<defs><pattern id=\"").append(escape(id)).append("-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\" fill-opacity=\"0.0\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"2.5\"/></pattern>");
        // the clip leaves room for a marker on the plot's edge (a point at the last look, x = 1), and cuts what lies beyond
        s.append("<clipPath id=\"").append(escape(id)).append("-plot\"><rect x=\"").append(LEFT - 7).append("\" y=\"").append(f.top() - 7)
                .append("\" width=\"").append(f.plotWidth() + 14).append("\" height=\"").append(f.plotHeight() + 14).append("\"/></clipPath></defs>");
        axes(s, f);
        if (marks.isEmpty()) {
            s.append("<text class=\"empty\" x=\"").append(LEFT + f.plotWidth() / 2).append("\" y=\"").append(f.top() + f.plotHeight() / 2)
                    .append("\" text-anchor=\"middle\">no data</text>");
        }
        s.append("<g clip-path=\"url(#").append(escape(id)).append("-plot)\">");
        for (Mark m : marks) {
            m.draw(s, f);
        }
        for (Mark m : references) {
            m.draw(s, f);
        }
        s.append("</g>");
        legend(s);
        underAxis(s, f);
        s.append("</svg>");
        return s.toString();
    }

    private Frame frame() {
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Mark m : marks) {
            m.extent(box);
        }
        for (Mark m : references) {
            m.extent(box);
        }
        Ticks xt = null;
        double x0;
        double x1;
        if (categories != null) {
            x0 = -0.5;
            x1 = categories.size() - 0.5;
        } else {
            xt = xFixed != null ? Ticks.covering(xFixed[0], xFixed[1], 8) : Ticks.covering(box[0], box[1], 8);
            x0 = xFixed != null ? xFixed[0] : xt.low();
            x1 = xFixed != null ? xFixed[1] : xt.high();
        }
        Ticks yt = yFixed != null ? Ticks.covering(yFixed[0], yFixed[1], 6) : Ticks.covering(Math.min(0, box[2]), box[3], 6);
        double y0 = yFixed != null ? yFixed[0] : yt.low();
        double y1 = yFixed != null ? yFixed[1] : yt.high();
        int top = 13 + LEGEND_ROW * legendRows().size();
        return new Frame(top, width - LEFT - RIGHT, height - top - BOTTOM - (slanted() ? SLANT : 0), x0, x1, y0, y1, xt, yt,
                Math.max(1, series.size()));
    }

    private void axes(StringBuilder s, Frame f) {
        int bottom = f.top() + f.plotHeight();
        s.append("<g class=\"axes\">");
        for (double v : f.yTicks().values()) {
            if (v < f.y0() - 1e-9 || v > f.y1() + 1e-9) {
                continue;
            }
            String y = coordinate(f.py(v));
            s.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + f.plotWidth()).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\"/>");
            s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y).append("\" dy=\"0.32em\" text-anchor=\"end\">")
                    .append(escape(f.yTicks().label(v) + (percent ? "%" : ""))).append("</text>");
        }
        if (categories != null) {
            boolean slanted = slanted();
            for (int i = 0; i < categories.size(); i++) {
                String label = escape(FlowDiagram.cut(categories.get(i), slanted ? 22 : 40));
                if (slanted) {
                    // many categories: their labels slant, so that neighbours do not overlap
                    s.append("<text transform=\"translate(").append(coordinate(f.px(i) + 4)).append(' ').append(bottom + 12)
                            .append(") rotate(-35)\" text-anchor=\"end\">").append(label).append("</text>");
                } else {
                    s.append("<text x=\"").append(coordinate(f.px(i))).append("\" y=\"").append(bottom + 16)
                            .append("\" text-anchor=\"middle\">").append(label).append("</text>");
                }
            }
        } else {
            for (double v : f.xTicks().values()) {
                if (v < f.x0() - 1e-9 || v > f.x1() + 1e-9) {
                    continue;
                }
                String x = coordinate(f.px(v));
                s.append("<line class=\"tick\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(bottom)
                        .append("\" y2=\"").append(bottom + 5).append("\"/>");
                s.append("<text x=\"").append(x).append("\" y=\"").append(bottom + 17).append("\" text-anchor=\"middle\">")
                        .append(escape(f.xTicks().label(v))).append("</text>");
            }
        }
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + f.plotWidth()).append("\" y1=\"").append(bottom)
                .append("\" y2=\"").append(bottom).append("\"/>");
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(f.top())
                .append("\" y2=\"").append(bottom).append("\"/>");
        if (xLabel != null) {
            s.append("<text class=\"label\" x=\"").append(LEFT + f.plotWidth() / 2).append("\" y=\"").append(bottom + 36 + (slanted() ? SLANT : 0))
                    .append("\" text-anchor=\"middle\">").append(escape(xLabel)).append("</text>");
        }
        if (yLabel != null) {
            s.append("<text class=\"label\" transform=\"translate(14 ").append(f.top() + f.plotHeight() / 2)
                    .append(") rotate(-90)\" text-anchor=\"middle\">").append(escape(yLabel)).append("</text>");
        }
        s.append("</g>");
    }

    /** Whether the category labels slant: more than six, or any long one. */
    private boolean slanted() {
        return categories != null && (categories.size() > 6 || categories.stream().anyMatch(c -> c != null && c.length() > 72 / categories.size()));
    }

    /** The legend's entries, row by row: each entry's series and x; a row ends where the next name would not fit. */
    private List<List<double[]>> legendRows() {
        List<List<double[]>> rows = new ArrayList<>();
        if (series.size() < 2 && (series.isEmpty() || series.get(0) == null)) {
            return rows;
        }
        double x = LEFT;
        List<double[]> row = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            double w = 40 + 6.6 * legendName(i).length();
            if (!row.isEmpty() && x + w > width - RIGHT) {
                rows.add(row);
                row = new ArrayList<>();
                x = LEFT;
            }
            row.add(new double[] {i, x});
            x += w;
        }
        rows.add(row);
        return rows;
    }

    private String legendName(int i) {
        return FlowDiagram.cut(series.get(i) == null ? "" : series.get(i), 80);
    }

    private void legend(StringBuilder s) {
        List<List<double[]>> rows = legendRows();
        if (rows.isEmpty()) {
            return;
        }
        s.append("<g class=\"legend\">");
        for (int r = 0; r < rows.size(); r++) {
            int y = 12 + LEGEND_ROW * r;
            for (double[] entry : rows.get(r)) {
                int i = (int) entry[0];
                double x = entry[1];
                s.append("<line x1=\"").append(coordinate(x)).append("\" x2=\"").append(coordinate(x + 22)).append("\" y1=\"").append(y)
                        .append("\" y2=\"").append(y).append("\" stroke=\"").append(Palette.colour(i)).append("\" stroke-width=\"3\"")
                        .append(dash(i)).append("/>");
                s.append("<text x=\"").append(coordinate(x + 27)).append("\" y=\"").append(y).append("\" dy=\"0.32em\">")
                        .append(escape(legendName(i))).append("</text>");
            }
        }
        s.append("</g>");
    }

    private void underAxis(StringBuilder s, Frame f) {
        if (rows.isEmpty()) {
            return;
        }
        int y = height + 4;
        s.append("<g class=\"at-risk\"><text class=\"label\" x=\"4\" y=\"").append(y).append("\">").append(escape(rowHeading)).append("</text>");
        for (int r = 0; r < rows.size(); r++) {
            // the row's name on a line of its own above its numbers, so that a long name never runs into them
            y += ROW;
            s.append("<text x=\"").append(LEFT).append("\" y=\"").append(y).append("\" font-size=\"11\" fill=\"")
                    .append(Palette.colour(r)).append("\">").append(escape(rowNames.get(r))).append("</text>");
            y += ROW;
            String[] values = rows.get(r);
            for (int i = 0; i < values.length && i < rowAt.length; i++) {
                s.append("<text x=\"").append(coordinate(f.px(rowAt[i]))).append("\" y=\"").append(y).append("\" text-anchor=\"middle\">")
                        .append(escape(values[i])).append("</text>");
            }
        }
        s.append("</g>");
    }

    private static String dash(int series) {
        String d = Palette.dash(series);
        return d.isEmpty() ? "" : " stroke-dasharray=\"" + d + "\"";
    }

    /** The plot's scales: data to drawing coordinates. */
    private record Frame(int top, int plotWidth, int plotHeight, double x0, double x1, double y0, double y1, Ticks xTicks, Ticks yTicks,
                         int seriesCount) {
        double px(double x) {
            return LEFT + (x - x0) / (x1 - x0) * plotWidth;
        }

        double py(double y) {
            return top + plotHeight - (y - y0) / (y1 - y0) * plotHeight;
        }

        /** The x of series s within a category: side by side across 70% of the category's width. */
        double slot(double category, int s) {
            return category + (seriesCount == 1 ? 0 : (s - (seriesCount - 1) / 2.0) * 0.7 / seriesCount);
        }
    }

    /** Something drawn in the plot. */
    private interface Mark {
        /** Widens {xmin, xmax, ymin, ymax} to cover the mark (finite values only). */
        void extent(double[] box);

        void draw(StringBuilder s, Frame f);
    }

    private static void cover(double[] box, double x, double y) {
        if (Double.isFinite(x)) {
            box[0] = Math.min(box[0], x);
            box[1] = Math.max(box[1], x);
        }
        if (Double.isFinite(y)) {
            box[2] = Math.min(box[2], y);
            box[3] = Math.max(box[3], y);
        }
    }

    /** The points of a step path through finite values; a value that is not finite breaks the path. */
    private static void stepPath(StringBuilder d, Frame f, double[] x, double[] y, boolean reverse) {
        int n = x.length;
        for (int k = 0; k < n; k++) {
            int i = reverse ? n - 1 - k : k;
            if (!Double.isFinite(y[i]) || !Double.isFinite(x[i])) {
                continue;
            }
            double xEnd = i + 1 < n ? x[i + 1] : x[i];
            String a = coordinate(f.px(x[i]));
            String b = coordinate(f.px(xEnd));
            String yy = coordinate(f.py(y[i]));
            d.append(d.length() == 0 ? "M" : "L").append(reverse ? b : a).append(',').append(yy).append('L').append(reverse ? a : b).append(',').append(yy);
        }
    }

    private record Step(int s, double[] x, double[] y) implements Mark {
        @Override
        public void extent(double[] box) {
            for (int i = 0; i < x.length; i++) {
                cover(box, x[i], y[i]);
            }
        }

        @Override
        public void draw(StringBuilder s, Frame f) {
            StringBuilder d = new StringBuilder();
            stepPath(d, f, x, y, false);
            s.append("<path class=\"mark curve\" fill=\"none\" stroke=\"").append(Palette.colour(this.s)).append("\" stroke-width=\"2\"")
                    .append(dash(this.s)).append(" d=\"").append(d).append("\"/>");
        }
    }

    private record Band(int s, double[] x, double[] lower, double[] upper) implements Mark {
        @Override
        public void extent(double[] box) {
            for (int i = 0; i < x.length; i++) {
                cover(box, x[i], lower[i]);
                cover(box, x[i], upper[i]);
            }
        }

        @Override
        public void draw(StringBuilder s, Frame f) {
            StringBuilder d = new StringBuilder();
            stepPath(d, f, x, upper, false);
            StringBuilder back = new StringBuilder();
            stepPath(back, f, x, lower, true);
            if (d.length() == 0 || back.length() == 0) {
                return;
            }
            s.append("<path class=\"mark band\" fill=\"").append(Palette.colour(this.s)).append("\" fill-opacity=\"0.18\" stroke=\"none\" d=\"")
                    .append(d).append('L').append(back.substring(1)).append("Z\"/>");
        }
    }

    private record Line(int s, double[] x, double[] y) implements Mark {
        @Override
        public void extent(double[] box) {
            for (int i = 0; i < x.length; i++) {
                cover(box, x[i], y[i]);
            }
        }

        @Override
        public void draw(StringBuilder s, Frame f) {
            StringBuilder d = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                    continue;
                }
                String px = coordinate(f.px(x[i]));
                String py = coordinate(f.py(y[i]));
                d.append(d.length() == 0 ? "M" : "L").append(px).append(',').append(py);
                dots.append("<circle cx=\"").append(px).append("\" cy=\"").append(py).append("\" r=\"3\" fill=\"")
                        .append(Palette.colour(this.s)).append("\"/>");
            }
            s.append("<path class=\"mark line\" fill=\"none\" stroke=\"").append(Palette.colour(this.s)).append("\" stroke-width=\"2\"")
                    .append(dash(this.s)).append(" d=\"").append(d).append("\"/>").append(dots);
        }
    }

    private record Area(int s, double[] x, double[] lower, double[] upper) implements Mark {
        @Override
        public void extent(double[] box) {
            for (int i = 0; i < x.length; i++) {
                cover(box, x[i], lower[i]);
                cover(box, x[i], upper[i]);
            }
        }

        @Override
        public void draw(StringBuilder s, Frame f) {
            // each run of finite points is a polygon: along the upper bounds, back along the lower ones
            int i = 0;
            while (i < x.length) {
                int end = i;
                while (end < x.length && Double.isFinite(x[end]) && Double.isFinite(lower[end]) && Double.isFinite(upper[end])) {
                    end++;
                }
                if (end > i) {
                    StringBuilder d = new StringBuilder();
                    for (int k = i; k < end; k++) {
                        d.append(k == i ? 'M' : 'L').append(coordinate(f.px(x[k]))).append(',').append(coordinate(f.py(upper[k])));
                    }
                    for (int k = end - 1; k >= i; k--) {
                        d.append('L').append(coordinate(f.px(x[k]))).append(',').append(coordinate(f.py(lower[k])));
                    }
                    s.append("<path class=\"mark band\" fill=\"").append(Palette.colour(this.s))
                            .append("\" fill-opacity=\"0.18\" stroke=\"none\" d=\"").append(d).append("Z\"/>");
                }
                i = end + 1;
            }
        }
    }

    private record Interval(int s, double x, double y, double lower, double upper) implements Mark {
        @Override
        public void extent(double[] box) {
            cover(box, x, y);
            cover(box, x, lower);
            cover(box, x, upper);
        }

        @Override
        public void draw(StringBuilder s, Frame f) {
            double cx = f.px(f.xTicks() == null ? f.slot(x, this.s) : x);
            String colour = Palette.colour(this.s);
            if (Double.isFinite(lower) && Double.isFinite(upper)) {
                s.append("<path class=\"mark interval\" stroke=\"").append(colour).append("\" stroke-width=\"2\" d=\"M")
                        .append(coordinate(cx)).append(',').append(coordinate(f.py(lower))).append('V').append(coordinate(f.py(upper)))
                        .append("M").append(coordinate(cx - 5)).append(',').append(coordinate(f.py(lower))).append("h10M")
                        .append(coordinate(cx - 5)).append(',').append(coordinate(f.py(upper))).append("h10\"/>");
            }
            if (Double.isFinite(y)) {
                // a different shape per series, so that series are told apart without colour
                s.append(shape(this.s, cx, f.py(y), colour));
            }
        }
    }

    /** A marker: circle, square, diamond or triangle by series. */
    private static String shape(int series, double cx, double cy, String colour) {
        String x = coordinate(cx);
        String y = coordinate(cy);
        return switch (Math.floorMod(series, 4)) {
            case 0 -> "<circle class=\"mark point\" cx=\"" + x + "\" cy=\"" + y + "\" r=\"4.5\" fill=\"" + colour + "\"/>";
            case 1 -> "<rect class=\"mark point\" x=\"" + coordinate(cx - 4) + "\" y=\"" + coordinate(cy - 4)
                    + "\" width=\"8\" height=\"8\" fill=\"" + colour + "\"/>";
            case 2 -> "<path class=\"mark point\" fill=\"" + colour + "\" d=\"M" + x + "," + coordinate(cy - 5.5) + "l5.5,5.5l-5.5,5.5l-5.5,-5.5Z\"/>";
            default -> "<path class=\"mark point\" fill=\"" + colour + "\" d=\"M" + x + "," + coordinate(cy - 5.5) + "l5,9h-10Z\"/>";
        };
    }

    private static void rect(StringBuilder s, String id, int series, double x0, double x1, double y0, double y1) {
        String x = coordinate(Math.min(x0, x1));
        String y = coordinate(Math.min(y0, y1));
        String w = coordinate(Math.abs(x1 - x0));
        String h = coordinate(Math.abs(y1 - y0));
        s.append("<rect class=\"mark bar\" x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w).append("\" height=\"")
                .append(h).append("\" fill=\"").append(Palette.colour(series)).append("\" stroke=\"#222\" stroke-width=\"0.6\"/>");
        if (Palette.hatched(series)) {
            s.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w).append("\" height=\"").append(h)
                    .append("\" fill=\"url(#").append(escape(id)).append("-hatch)\"/>");
        }
    }

    private final class Bar implements Mark {
        private final int s;
        private final int category;
        private final double value;

        Bar(int s, int category, double value) {
            this.s = s;
            this.category = category;
            this.value = value;
        }

        @Override
        public void extent(double[] box) {
            cover(box, category, value);
            cover(box, category, 0);
        }

        @Override
        public void draw(StringBuilder out, Frame f) {
            if (!Double.isFinite(value)) {
                return;
            }
            double half = 0.35 / f.seriesCount();
            double c = f.slot(category, s);
            rect(out, id, s, f.px(c - half), f.px(c + half), f.py(0), f.py(value));
        }
    }

    private final class Histogram implements Mark {
        private final int s;
        private final double[] edges;
        private final double[] heights;

        Histogram(int s, double[] edges, double[] heights) {
            this.s = s;
            this.edges = edges;
            this.heights = heights;
        }

        @Override
        public void extent(double[] box) {
            for (int i = 0; i < heights.length; i++) {
                cover(box, edges[i], heights[i]);
                cover(box, edges[i + 1], 0);
            }
        }

        @Override
        public void draw(StringBuilder out, Frame f) {
            for (int i = 0; i < heights.length; i++) {
                if (Double.isFinite(heights[i]) && heights[i] != 0) {
                    rect(out, id, s, f.px(edges[i]), f.px(edges[i + 1]), f.py(0), f.py(heights[i]));
                }
            }
        }
    }

    private record Box(int s, int category, double[] q) implements Mark {
        @Override
        public void extent(double[] box) {
            for (double v : q) {
                cover(box, category, v);
            }
        }

        @Override
        public void draw(StringBuilder out, Frame f) {
            if (!Double.isFinite(q[0]) || !Double.isFinite(q[4])) {
                return;
            }
            double c = f.px(f.slot(category, s));
            double half = Math.min(40, 0.25 * f.plotWidth() / Math.max(1, (f.x1() - f.x0())) / f.seriesCount());
            String colour = Palette.colour(s);
            String cx = coordinate(c);
            out.append("<path class=\"mark whisker\" stroke=\"#222\" stroke-width=\"1.2\" d=\"M").append(cx).append(',')
                    .append(coordinate(f.py(q[0]))).append('V').append(coordinate(f.py(q[4]))).append("M").append(coordinate(c - half / 2))
                    .append(',').append(coordinate(f.py(q[0]))).append('h').append(coordinate(half)).append("M").append(coordinate(c - half / 2))
                    .append(',').append(coordinate(f.py(q[4]))).append('h').append(coordinate(half)).append("\"/>");
            out.append("<rect class=\"mark box\" x=\"").append(coordinate(c - half)).append("\" y=\"").append(coordinate(f.py(q[3])))
                    .append("\" width=\"").append(coordinate(2 * half)).append("\" height=\"")
                    .append(coordinate(Math.max(1, f.py(q[1]) - f.py(q[3])))).append("\" fill=\"").append(colour)
                    .append("\" fill-opacity=\"0.45\" stroke=\"#222\"/>");
            out.append("<path stroke=\"#000\" stroke-width=\"2.5\" d=\"M").append(coordinate(c - half)).append(',').append(coordinate(f.py(q[2])))
                    .append('h').append(coordinate(2 * half)).append("\"/>");
            out.append("<circle cx=\"").append(cx).append("\" cy=\"").append(coordinate(f.py(q[5]))).append("\" r=\"3.5\" fill=\"#fff\" stroke=\"#000\"/>");
        }
    }

    private record Reference(double y, String label) implements Mark {
        @Override
        public void extent(double[] box) {
            cover(box, Double.NaN, y);
        }

        @Override
        public void draw(StringBuilder s, Frame f) {
            if (!Double.isFinite(y)) {
                return;
            }
            String py = coordinate(f.py(y));
            s.append("<line class=\"reference\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + f.plotWidth()).append("\" y1=\"").append(py)
                    .append("\" y2=\"").append(py).append("\" stroke=\"#444\" stroke-dasharray=\"5 4\"/>");
            s.append("<text x=\"").append(LEFT + f.plotWidth() - 4).append("\" y=\"").append(coordinate(f.py(y) - 5))
                    .append("\" text-anchor=\"end\">").append(escape(label)).append("</text>");
        }
    }
}
