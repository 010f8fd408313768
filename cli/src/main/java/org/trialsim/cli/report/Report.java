package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;

/**
 * A result ready to be written, with what its writers need besides (the protocol, the parameters it
 * was computed for). One report per kind of result; each declares its formats ({@code FORMATS}, what
 * {@code --format} accepts) and maps each to its writer.
 */
public sealed interface Report permits CohortReport, CalibrationReport, FitReport, TrialReport, ExploreReport, EarlyPhaseReport,
        EscalationReport, SimonReport, ProtocolReport, SampleSizeReport, SearchReport,
        ThresholdCalibrationReport {
    /**
     * Writes the report in the format.
     *
     * @throws IllegalArgumentException if the report has no such format (the command's option refuses it first)
     */
    void write(Format format, Writer out) throws IOException;
}
