package org.trialsim.simulator.trial;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes per-replicate looks as CSV, one row per replicate, analysis and look (the columns are
 * described in docs/replicate-records.md): what {@code trial --replicates-out} writes. The rows come
 * from a {@link ReplicateListener} in replicate order, so the file is the same for any thread count,
 * and each batch is written as it arrives, so memory does not grow with the replicates.
 */
public final class ReplicateRecords implements ReplicateListener {
    /** The header's columns, in order. */
    public static final List<String> COLUMNS = List.of("replicate", "analysis", "look", "patients", "events", "months", "statistic",
            "p_value", "estimate", "lower", "upper", "decision");

    private final Writer out;
    private boolean headerWritten;

    private ReplicateRecords(Writer out) {
        this.out = out;
    }

    /** A listener that writes the header, then every row it receives, to the writer. */
    public static ReplicateRecords to(Writer out) {
        return new ReplicateRecords(out);
    }

    @Override
    public void accept(List<ReplicateLook> rows) throws IOException {
        writeHeader();
        StringBuilder line = new StringBuilder(128);
        for (ReplicateLook row : rows) {
            line.setLength(0);
            line.append(row.replicate()).append(',').append(row.analysis()).append(',').append(row.look()).append(',')
                    .append(row.patients()).append(',').append(row.events()).append(',');
            number(line, row.months()).append(',');
            number(line, row.statistic()).append(',');
            number(line, row.pValue()).append(',');
            number(line, row.estimate()).append(',');
            number(line, row.lower()).append(',');
            number(line, row.upper()).append(',').append(row.decision()).append('\n');
            out.write(line.toString());
        }
    }

    /** Writes the header if no row has been written yet: a run of no replicates still has one. */
    public void writeHeader() throws IOException {
        if (!headerWritten) {
            out.write(String.join(",", COLUMNS) + "\n");
            headerWritten = true;
        }
    }

    /** A number exactly (it reads back as the same double), a whole number without a point; empty when there is none. */
    private static StringBuilder number(StringBuilder line, double x) {
        if (Double.isNaN(x)) {
            return line;
        }
        if (Double.isInfinite(x)) {
            return line.append(x > 0 ? "Inf" : "-Inf");
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? line.append((long) x) : line.append(x);
    }
}
