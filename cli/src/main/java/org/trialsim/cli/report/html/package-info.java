/**
 * The HTML reports' drawing layer, written by the project rather than taken from a charting library (a
 * charting stack took most of a second to start; these draw a chart in about a millisecond): a
 * self-contained page ({@link org.trialsim.cli.report.html.HtmlPage}, CSS inline, no script, nothing
 * fetched), charts as inline SVG ({@link org.trialsim.cli.report.html.Chart}: axes at
 * {@link org.trialsim.cli.report.html.Ticks nice numbers}, step curves and bands, lines, intervals,
 * bars, histograms, quantile boxes, reference lines, rows of numbers under the axis), a layered flow
 * diagram ({@link org.trialsim.cli.report.html.FlowDiagram}) and the colours
 * ({@link org.trialsim.cli.report.html.Palette}, safe for colour blindness and greyscale).
 *
 * <p>One function escapes text, {@link org.trialsim.cli.report.html.Markup#escape}: every text a page,
 * chart or diagram is given goes through it, since much of it comes from a protocol file whose author
 * may have written anything. Nothing here knows of results; the writers in {@code cli.report} turn a
 * result into pages.
 */
package org.trialsim.cli.report.html;
