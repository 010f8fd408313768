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
        String source,
        String assumption) implements Cited {

    public Assessment {
        thresholds = Immutable.list(thresholds);
    }
}
