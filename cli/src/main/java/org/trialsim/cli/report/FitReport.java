package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Protocol;
import org.trialsim.simulator.calibration.FitResult;

/**
 * The report of {@code calibrate --fit}: the fitted parameters, and the targets before and after.
 *
 * @param result   the fit
 * @param protocol the protocol as given, whose title heads the table
 * @param written  where the fitted protocol was written
 */
public record FitReport(FitResult result, Protocol protocol, String written) implements Report {
    /** The formats a fit is written in (the same as a calibration's). */
    public static final Set<Format> FORMATS = CalibrationReport.FORMATS;

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** Each format's writer, made when a fit is first written ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<FitReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, FitTable::write,
                JSON, (report, out) -> Json.write(report.result(), out)));
    }
}
