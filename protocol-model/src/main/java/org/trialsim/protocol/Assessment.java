package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * A named MRD assessment, made at the end of the blocks that name it. A measured MRD below the
 * detection limit is reported as negative (zero).
 *
 * @param label          readable name, e.g. "End of induction"
 * @param method         assay, e.g. PCR or flow cytometry
 * @param detectionLimit MRD below this is undetectable (negative)
 * @param thresholds     further levels at which response rates are reported, e.g. 5e-4
 * @param drift          a change of the MRD level found here with the calendar time of enrolment, if any
 * @param source         where it comes from
 * @param assumption     what was assumed
 */
public record Assessment(
        String label,
        String method,
        @Required @JsonPropertyDescription("MRD below this level is undetectable, i.e. negative")
        @Range(min = 0, max = 1, minExcluded = true, maxExcluded = true, why = "an MRD level, a fraction of cells, that an assay can detect")
        Double detectionLimit,
        @JsonPropertyDescription("Further MRD levels at which response rates are reported")
        @Range(min = 0, max = 1, minExcluded = true, why = "an MRD level, a fraction of cells (0.01% is 1e-4)")
        List<Double> thresholds,
        @JsonPropertyDescription("A time trend: the MRD level found here changes with the patient's calendar time of enrolment")
        Drift drift,
        String source,
        String assumption) implements Cited {

    public Assessment {
        thresholds = Immutable.list(thresholds);
    }

    /**
     * A time trend in the response (improving supportive care, a better assay): the patient's true log10
     * MRD is shifted, just before it is measured here, by {@code log10PerYear} for each year from the
     * start of accrual to the patient's enrolment. The shift stays with the patient (later assessments
     * and the hazards that read MRD follow it), and is the same in every arm that makes the assessment.
     * A cohort has no calendar: its patients are all enrolled on day 0 and see no shift.
     *
     * @param log10PerYear change of log10 MRD per year of enrolment (negative: better responses later)
     */
    public record Drift(@Required @JsonPropertyDescription("Change of log10 MRD per year from the start of accrual to enrolment"
                                + " (negative: responses improve over calendar time)")
                        @Range(min = -3, max = 3, why = "three logs a year turn a typical MRD-positive level negative within a trial;"
                                + " beyond that the change is no drift but a different treatment")
                        Double log10PerYear) {
    }
}
