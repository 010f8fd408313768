/**
 * The reports: how each kind of result is written, in each format it supports. A command parses its
 * options, runs the simulator and hands the result, with what its writers need (the protocol, the
 * parameters), to its report; nothing here knows of options or commands, or where the output goes.
 *
 * <h2>Structure</h2>
 * <ul>
 *   <li>{@link org.trialsim.cli.report.Report}: one record per kind of result, each the result and its
 *       context — {@link org.trialsim.cli.report.CohortReport} ({@code simulate}),
 *       {@link org.trialsim.cli.report.TrialReport} and {@link org.trialsim.cli.report.EarlyPhaseReport}
 *       ({@code trial}), {@link org.trialsim.cli.report.EscalationReport} ({@code escalate}),
 *       {@link org.trialsim.cli.report.SimonReport} ({@code design simon}) and
 *       {@link org.trialsim.cli.report.ProtocolReport} ({@code show}).</li>
 *   <li>{@link org.trialsim.cli.report.Format}: table, json, csv, html. Each report declares its formats
 *       ({@code FORMATS}, which the command's {@code --format} accepts and its help lists) and maps each
 *       to its writer ({@code FormatWriters}, checked to name the same formats).</li>
 *   <li>The writers, package-private: {@code CohortTable}, {@code CohortCsv}, {@code TrialTable},
 *       {@code TrialCsv}, {@code EscalationTable}, {@code SimonTables}, {@code EarlyPhaseTable} (the
 *       escalation and Simon tables together), {@code ProtocolSummary} with {@code PathwayTree} and
 *       {@code DesignSummary}; JSON is the result itself, through {@code Json}; the HTML pages
 *       {@code CohortHtml}, {@code TrialHtml} and {@code EscalationHtml}, drawn with the project's own
 *       {@code cli.report.html} (charts, the flow diagram, the page, the one escaping function).</li>
 *   <li>{@link org.trialsim.cli.report.SavedResult}: a result saved as JSON, read back strictly and
 *       within bounds, so that {@code trialsim report} writes its page without running again.</li>
 *   <li>What every writer shares, one home each: {@link org.trialsim.cli.report.Numbers} formats every
 *       number (each format that differs on purpose has its own method), {@code Layout} aligns, cuts and
 *       wraps text, {@code Page} builds a text report line by line and makes every line's control
 *       characters visible (a protocol's text never acts on a terminal), {@code Json} is the one JSON
 *       writer (a number that is not finite is null) and {@code Csv} the one CSV writer.</li>
 * </ul>
 *
 * <h2>A new format</h2>
 * A new format is a constant in {@code Format}, then for each report that offers it a writer class
 * and its entry in the report's {@code FORMATS} and writer map; the commands' {@code --format} and
 * help follow (HTML was added so).
 *
 * <h2>A plain registry, not Guice</h2>
 * The simulator's named implementations (allocation methods, spending functions) are Guice
 * {@code MapBinder} registries because a protocol file names them and an extension on the class path
 * may add one. A report format is chosen by an option of a command that is being parsed: every command
 * needs its report's formats while picocli builds the command line, for {@code --help} too, and only
 * the commands that simulate may build the injector ({@code GuiceFactory}; {@code show},
 * {@code validate} and {@code protocols} must not load Guice). A report's formats are therefore a plain
 * set, and its writers a plain map made when it is first written. No extension adds a format today; if
 * one should, a {@code ServiceLoader} of writers, read when a report is written, would keep start-up
 * free of it.
 */
package org.trialsim.cli.report;
