package org.trialsim.cli.report.html;

import static org.trialsim.cli.report.html.Markup.escape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A self-contained HTML page: one file with its CSS inline and its charts as inline SVG, no script, no
 * font, image or anything else fetched, readable offline and printable to PDF from a browser (print
 * CSS keeps figures whole and drops the screen's colours behind text). Every text given to it is
 * escaped with {@link Markup#escape}; only the SVG of a {@link Chart} or {@link FlowDiagram}, which
 * escape their own texts, goes in as it is.
 */
public final class HtmlPage {
    private static final String CSS = """
            :root{color-scheme:light}
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1a1a;background:#fff;\
            margin:0 auto;max-width:1180px;padding:18px 26px 40px}
            h1{font-size:1.55em;margin:.3em 0 .2em}h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:2px solid #0072B2;padding-bottom:.15em}
            h3{font-size:1.05em;margin:1.2em 0 .3em}
            p.note{color:#333;font-size:.93em;max-width:80ch}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1.2em;margin:.6em 0}
            dl.facts dt{font-weight:600}dl.facts dd{margin:0;overflow-wrap:anywhere}
            figure{margin:1em 0;display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:18px;align-items:start;break-inside:avoid}
            figure.wide{grid-template-columns:minmax(0,1fr)}figure.wide svg.chart:not(.flow){max-width:720px}
            figcaption{grid-column:1/-1;font-size:.93em;color:#333}
            svg.chart{width:100%;height:auto;font-size:12px;font-family:inherit}
            svg.chart text{fill:#1a1a1a}svg.chart .label{font-weight:600}
            svg.chart .grid{stroke:#ddd;stroke-width:1}svg.chart .axis,svg.chart .tick{stroke:#333;stroke-width:1}
            svg.chart .empty{fill:#777;font-size:16px}
            svg.flow{font-size:12px}svg.flow .node rect{fill:#f7f7f7;stroke:#333;stroke-width:1.2}
            svg.flow .node .name{font-weight:700}svg.flow .decision rect{fill:#fff4d6}svg.flow .allocation rect{fill:#e3f0fa}
            svg.flow .end rect{fill:#eaf5ee}svg.flow .out rect{fill:#fff;stroke-dasharray:4 3}svg.flow .start rect{fill:#e9e9e9}
            svg.flow .edge-label{font-size:10.5px;fill:#333;paint-order:stroke;stroke:#fff;stroke-width:3px}
            table{border-collapse:collapse;font-size:.88em;font-variant-numeric:tabular-nums;margin:.3em 0}
            th,td{border-bottom:1px solid #ddd;padding:2px 8px;text-align:right;vertical-align:top}
            th:first-child,td:first-child{text-align:left}thead th{border-bottom:2px solid #333}
            caption{text-align:left;font-weight:600;padding-bottom:.2em}
            .scroll{max-height:420px;overflow:auto}
            details{margin:.4em 0}summary{cursor:pointer;color:#0b5a8e}
            pre{font-size:12.5px;line-height:1.3;background:#f6f6f6;padding:10px;overflow:auto;white-space:pre}
            footer{margin-top:2.5em;font-size:.85em;color:#444}
            @media (max-width:800px){figure{grid-template-columns:minmax(0,1fr)}}
            @media print{body{max-width:none;padding:0;font-size:11pt}h2{break-after:avoid}figure{grid-template-columns:minmax(0,1fr)}
            .scroll{max-height:none;overflow:visible}pre{background:none;white-space:pre-wrap}summary{color:#000}a{color:#000}}
            """;

    private final String title;
    private final StringBuilder body = new StringBuilder(1 << 16);

    /** A page with this title (escaped), which heads it and names its tab. */
    public HtmlPage(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    /** A section heading (level 2) or a sub-heading (level 3). */
    public HtmlPage heading(int level, String text) {
        if (level != 2 && level != 3) {
            throw new IllegalArgumentException("a heading is of level 2 or 3, not " + level);
        }
        body.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    /** A paragraph of text. */
    public HtmlPage paragraph(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Names and values, one pair a line (the provenance). */
    public HtmlPage facts(List<String[]> pairs) {
        body.append("<dl class=\"facts\">");
        for (String[] p : pairs) {
            body.append("<dt>").append(escape(p[0])).append("</dt><dd>").append(escape(p[1])).append("</dd>");
        }
        body.append("</dl>\n");
        return this;
    }

    /**
     * A chart with its numbers: beside it when the table is short, else in a section that opens
     * under it; the caption says what is drawn.
     */
    public HtmlPage figure(Chart chart, String caption, Table numbers) {
        return figure(chart.svg(), caption, numbers);
    }

    /** A flow diagram, full width, with its numbers in a section that opens under it. */
    public HtmlPage figure(FlowDiagram diagram, String caption, Table numbers) {
        body.append("<figure class=\"wide\">").append(diagram.svg()).append("<figcaption>").append(escape(caption)).append("</figcaption>");
        details("The numbers of the diagram", numbers);
        body.append("</figure>\n");
        return this;
    }

    private HtmlPage figure(String svg, String caption, Table numbers) {
        boolean beside = numbers.rows.size() <= 14;
        body.append(beside ? "<figure>" : "<figure class=\"wide\">").append("<div>").append(svg).append("</div>");
        if (beside) {
            body.append("<div class=\"scroll\">").append(numbers.html()).append("</div>");
        }
        body.append("<figcaption>").append(escape(caption)).append("</figcaption>");
        if (!beside) {
            details("The numbers of the chart (" + numbers.rows.size() + " rows)", numbers);
        }
        body.append("</figure>\n");
        return this;
    }

    private void details(String summary, Table numbers) {
        body.append("<details><summary>").append(escape(summary)).append("</summary><div class=\"scroll\">").append(numbers.html())
                .append("</div></details>");
    }

    /** A table on its own. */
    public HtmlPage table(Table table) {
        body.append(table.html()).append('\n');
        return this;
    }

    /** Preformatted text (a text report) in a section that opens. */
    public HtmlPage preformatted(String summary, String text) {
        body.append("<details><summary>").append(escape(summary)).append("</summary><pre>").append(escape(text)).append("</pre></details>\n");
        return this;
    }

    /** The whole document, ending with a footer line (escaped). */
    public String html(String footer) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n" + body
                + "<footer>" + escape(footer) + "</footer>\n</body>\n</html>\n";
    }

    /** A table of texts: a caption, a header row and rows (every cell escaped). */
    public static final class Table {
        private final String caption;
        private final List<String> header;
        private final List<List<String>> rows = new ArrayList<>();

        public Table(String caption, List<String> header) {
            this.caption = caption;
            this.header = List.copyOf(header);
        }

        /** Adds a row (cells beyond the header's are dropped, missing ones left empty). */
        public Table row(List<String> cells) {
            rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
            return this;
        }

        /** Adds a row. */
        public Table row(String... cells) {
            return row(Arrays.asList(cells));
        }

        /** The rows added. */
        public int size() {
            return rows.size();
        }

        String html() {
            StringBuilder s = new StringBuilder(256 + 64 * rows.size());
            s.append("<table>");
            if (caption != null) {
                s.append("<caption>").append(escape(caption)).append("</caption>");
            }
            s.append("<thead><tr>");
            for (String h : header) {
                s.append("<th scope=\"col\">").append(escape(h)).append("</th>");
            }
            s.append("</tr></thead><tbody>");
            for (List<String> r : rows) {
                s.append("<tr>");
                for (int i = 0; i < header.size(); i++) {
                    String cell = i < r.size() ? r.get(i) : "";
                    s.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(escape(cell)).append(i == 0 ? "</th>" : "</td>");
                }
                s.append("</tr>");
            }
            s.append("</tbody></table>");
            return s.toString();
        }
    }
}
