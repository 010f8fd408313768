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
 * standard errors (blank for that first design), and the effect estimate's bias and coverage; then, for a
 * multi-arm design, the differences of the family-wise figures likewise (any_rejected, all_rejected,
 * rejection_N; blank where the two cells do not have the family alike).
 */
final class ExploreCsv {
    private ExploreCsv() {
    }

    /** The CSV writer of {@link ExploreReport}. */
    static void write(ExploreReport report, Writer w) throws IOException {
        ExploreResult result = report.result();
        Csv csv = new Csv(w);
        List<Object> header = new ArrayList<>(List.of("cell", "design", "scenario", "null_hypothesis", "rejection", "rejection_se",
                "early_stop", "early_stop_se", "patients", "patients_se", "events", "events_se", "months", "months_se"));
        for (String m : ExploreReport.ANALYSIS_MEASURES) {
            header.addAll(List.of(m + "_difference", m + "_difference_paired_se", m + "_difference_unpaired_se"));
        }
        header.addAll(List.of("baseline", "bias", "bias_se", "coverage", "coverage_se"));
        List<String> families = ExploreReport.familyMeasures(result);
        for (String m : families) {
            String column = m.replace('-', '_');
            header.addAll(List.of(column + "_difference", column + "_difference_paired_se", column + "_difference_unpaired_se"));
        }
        csv.row(header.toArray());
        for (ExploreResult.Cell cell : result.cells()) {
            ExploreResult.Figures f = cell.figures();
            List<Object> row = new ArrayList<>(List.of(cell.name(), cell.design(), cell.scenario(), cell.nullHypothesis()));
            for (Estimate e : List.of(f.rejection(), f.earlyStop(), f.patients(), f.events(), f.months())) {
                row.add(e.value());
                row.add(e.standardError());
            }
            String baseline = null;
            for (String m : ExploreReport.ANALYSIS_MEASURES) {
                ExploreResult.Difference d = difference(result, cell, m, row);
                baseline = d == null ? null : d.baseline();
            }
            row.add(baseline);
            TrialResult.Effect effect = cell.trial().analyses().get(result.analysis() - 1).effect();
            row.addAll(List.of(effect.bias().value(), effect.bias().standardError(), effect.coverage().value(),
                    effect.coverage().standardError()));
            for (String m : families) {
                difference(result, cell, m, row);
            }
            csv.row(row.toArray());
        }
    }

    /** Adds the cell's difference on the measure to the row (value, paired and unpaired standard errors; blanks if none) and returns it. */
    private static ExploreResult.Difference difference(ExploreResult result, ExploreResult.Cell cell, String measure, List<Object> row) {
        ExploreResult.Difference d = result.differences().stream()
                .filter(x -> x.scenario().equals(cell.scenario()) && x.design().equals(cell.design()) && x.measure().equals(measure))
                .findFirst().orElse(null);
        row.add(d == null ? null : d.difference().value());
        row.add(d == null ? null : d.difference().standardError());
        row.add(d == null ? null : d.unpairedStandardError());
        return d;
    }
}
