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
        @Required @JsonPropertyDescription("MRD below this level is undetectable, i.e. negative") Double detectionLimit,
        @JsonPropertyDescription("Further MRD levels at which response rates are reported") List<Double> thresholds,
        String source,
        String assumption) implements Cited {

    public Assessment {
        thresholds = Immutable.list(thresholds);
    }
}
