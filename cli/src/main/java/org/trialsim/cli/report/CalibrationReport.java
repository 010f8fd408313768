package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Protocol;
import org.trialsim.simulator.calibration.CalibrationResult;

/**
 * The report of {@code calibrate}: the protocol's published targets against a simulated cohort.
 *
 * @param result   the calibration result
 * @param protocol the protocol, whose title heads the table
 */
public record CalibrationReport(CalibrationResult result, Protocol protocol) implements Report {
    /** The formats a calibration is written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE, JSON);

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** Each format's writer, made when a calibration is first written ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<CalibrationReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, CalibrationTable::write,
                JSON, (report, out) -> Json.write(report.result(), out)));
    }
}
