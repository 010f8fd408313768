package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.design.simon.OperatingCharacteristics;
import org.trialsim.simulator.design.simon.SimonDesign;
import org.trialsim.simulator.design.simon.SimonSearchResult;

/**
 * The report of {@code design simon}: the designs a search found, a design's operating
 * characteristics, or both.
 *
 * @param parameters what was asked for (any of them may be unknown)
 * @param search     the designs a search found, or null if there was no search
 * @param evaluation the design evaluated, or null if none was
 * @param protocol   the protocol the parameters came from, or null
 */
public record SimonReport(Parameters parameters, SimonSearchResult search, Evaluation evaluation, LoadedProtocol protocol)
        implements Report {
    /** The formats Simon's designs are written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE, JSON);

    /**
     * The rates and error rates asked for, each null when not given.
     *
     * @param p0    the uninteresting response rate
     * @param p1    the interesting response rate
     * @param alpha the largest type I error
     * @param beta  the largest type II error
     */
    public record Parameters(Double p0, Double p1, Double alpha, Double beta) {
    }

    /**
     * A design and its exact operating characteristics.
     *
     * @param design          the design
     * @param curve           its operating characteristics at each true rate, lowest first
     * @param protocolsDesign whether it is the protocol's own design (the table says so)
     */
    public record Evaluation(SimonDesign design, List<OperatingCharacteristics> curve, boolean protocolsDesign) {
        public Evaluation {
            curve = List.copyOf(curve);
        }
    }

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** The search's table, then the evaluation's; no line ends in spaces. */
    private static void table(SimonReport report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (report.search() != null) {
            SimonTables.search(report.search(), sb);
        }
        if (report.evaluation() != null) {
            if (report.search() != null) {
                sb.append(System.lineSeparator());
            }
            SimonTables.evaluation(report.evaluation(), report.parameters(), sb);
        }
        out.write(sb.toString().replaceAll("(?m)[ \t]+$", ""));
    }

    /** The calculator's JSON document: provenance, the parameters known, the search and the evaluation. */
    private static void json(SimonReport report, Writer out) throws IOException {
        ObjectNode root = Json.envelope("design simon", report.protocol());
        ObjectNode params = root.putObject("parameters");
        Parameters p = report.parameters();
        putIfKnown(params, "p0", p.p0());
        putIfKnown(params, "p1", p.p1());
        putIfKnown(params, "alpha", p.alpha());
        putIfKnown(params, "beta", p.beta());
        if (report.search() != null) {
            root.set("search", Json.tree(report.search()));
        }
        if (report.evaluation() != null) {
            ObjectNode ev = root.putObject("evaluation");
            ev.set("design", Json.tree(report.evaluation().design()));
            ArrayNode rows = ev.putArray("operatingCharacteristics");
            report.evaluation().curve().forEach(oc -> rows.add(Json.tree(oc)));
        }
        Json.write(root, out);
    }

    private static void putIfKnown(ObjectNode node, String name, Double v) {
        if (v != null) {
            node.put(name, v);
        }
    }

    /** Each format's writer, made when a Simon report is first written ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<SimonReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, SimonReport::table,
                JSON, SimonReport::json));
    }
}
