package org.trialsim.cli.report;

import org.trialsim.protocol.Design;
import org.trialsim.simulator.design.EarlyPhaseResult;

/**
 * A phase 1-2 design's two parts as one text: the protocol's title and design, then the dose
 * escalation's table and the two-stage design's tables, each as its own calculator writes it.
 */
final class EarlyPhaseTable {
    private EarlyPhaseTable() {
    }

    static String render(EarlyPhaseReport report) {
        EarlyPhaseResult result = report.result();
        Page page = new Page();
        page.line(report.protocol().protocol().title());
        Design.EarlyPhase design = (Design.EarlyPhase) report.protocol().protocol().design();
        if (design.label() != null) {
            page.line("Design: " + design.label());
        }
        if (result.escalation() != null) {
            var part = result.escalation();
            String unit = part.levels().isEmpty() || part.levels().get(0).unit() == null ? "" : part.levels().get(0).unit();
            page.blank();
            page.line("Phase I: dose escalation");
            page.append(EscalationTable.render(new EscalationReport(part.result(),
                    part.levels().stream().map(Design.DoseLevel::dose).toList(), unit, report.protocol())));
        }
        if (result.twoStage() != null) {
            var part = result.twoStage();
            page.blank();
            page.line("Phase II: Simon two-stage design");
            // unlike design simon's own report, the tables keep the spaces that end some of their lines
            StringBuilder sb = new StringBuilder();
            if (part.search() != null) {
                SimonTables.search(part.search(), sb);
            }
            if (part.design() != null) {
                Design.TwoStage t = part.parameters();
                SimonTables.evaluation(new SimonReport.Evaluation(part.design(), part.atP0AndP1(), true),
                        new SimonReport.Parameters(t.p0(), t.p1(), t.alpha(), t.beta()), sb);
            }
            page.append(sb.toString());
        }
        return page.text();
    }
}
