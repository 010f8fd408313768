package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.HTML;
import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.design.escalation.EscalationResult;

/**
 * The report of {@code escalate}: dose finding (rolling six, 3+3, BOIN, TITE-BOIN, CRM, TITE-CRM) simulated in calendar time.
 *
 * @param result   the escalation result, with its scenario
 * @param doses    the dose of each level, lowest first, to name the levels; empty when not known
 * @param unit     the doses' unit, or null
 * @param protocol the protocol the parameters came from, or null
 */
public record EscalationReport(EscalationResult result, List<Double> doses, String unit, LoadedProtocol protocol) implements Report {
    /** The formats an escalation is written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE, JSON, HTML);

    public EscalationReport {
        doses = List.copyOf(doses);
    }

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** The calculator's JSON document: provenance, then the result (which holds the seed and scenario). */
    private static void json(EscalationReport report, Writer out) throws IOException {
        ObjectNode root = Json.envelope("escalate", report.protocol());
        root.set("result", Json.tree(report.result()));
        Json.write(root, out);
    }

    /** Each format's writer, made when an escalation is first written ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<EscalationReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, (report, out) -> out.write(EscalationTable.render(report)),
                JSON, EscalationReport::json,
                HTML, EscalationHtml::write));
    }
}
