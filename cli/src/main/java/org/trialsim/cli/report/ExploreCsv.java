package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.trialsim.simulator.explore.ExploreResult;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.trial.TrialResult;

/**
 * An exploration as CSV, one row per cell: its design and scenario, the analysis's figures with their
 * standard errors, the difference of each from the scenario's first design with its paired and unpaired
 * standard errors (blank for that first design), and the effect estimate's bias and coverage.
 */
final class ExploreCsv {
    private static final List<String> MEASURES = List.of("rejection", "patients", "events", "months");

    private ExploreCsv() {
    }

    /** The CSV writer of {@link ExploreReport}. */
    static void write(ExploreReport report, Writer w) throws IOException {
        ExploreResult result = report.result();
        Csv csv = new Csv(w);
        List<Object> header = new ArrayList<>(List.of("cell", "design", "scenario", "null_hypothesis", "rejection", "rejection_se",
                "early_stop", "early_stop_se", "patients", "patients_se", "events", "events_se", "months", "months_se"));
        for (String m : MEASURES) {
            header.addAll(List.of(m + "_difference", m + "_difference_paired_se", m + "_difference_unpaired_se"));
        }
        header.addAll(List.of("baseline", "bias", "bias_se", "coverage", "coverage_se"));
        csv.row(header.toArray());
        for (ExploreResult.Cell cell : result.cells()) {
            ExploreResult.Figures f = cell.figures();
            List<Object> row = new ArrayList<>(List.of(cell.name(), cell.design(), cell.scenario(), cell.nullHypothesis()));
            for (Estimate e : List.of(f.rejection(), f.earlyStop(), f.patients(), f.events(), f.months())) {
                row.add(e.value());
                row.add(e.standardError());
            }
            String baseline = null;
            for (String m : MEASURES) {
                ExploreResult.Difference d = result.differences().stream()
                        .filter(x -> x.scenario().equals(cell.scenario()) && x.design().equals(cell.design()) && x.measure().equals(m))
                        .findFirst().orElse(null);
                row.add(d == null ? null : d.difference().value());
                row.add(d == null ? null : d.difference().standardError());
                row.add(d == null ? null : d.unpairedStandardError());
                baseline = d == null ? null : d.baseline();
            }
            row.add(baseline);
            TrialResult.Effect effect = cell.trial().analyses().get(result.analysis() - 1).effect();
            row.addAll(List.of(effect.bias().value(), effect.bias().standardError(), effect.coverage().value(),
                    effect.coverage().standardError()));
            csv.row(row.toArray());
        }
    }
}
