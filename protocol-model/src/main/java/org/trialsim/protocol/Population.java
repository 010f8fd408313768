package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/**
 * The patients who present for the protocol, before eligibility is checked.
 *
 * @param description who they are
 * @param covariates  covariates by name, drawn in the order given (a conditional distribution may
 *                    depend on a covariate defined before it)
 * @param initialMrd  the distribution of MRD (leukemic fraction, 0 to 1) at enrolment; absent means 1
 * @param source      where the figures come from
 * @param assumption  what was assumed
 */
public record Population(
        String description,
        @Required Map<String, Covariate> covariates,
        @JsonPropertyDescription("MRD (leukemic cell fraction, 0-1) at enrolment; absent means 1") Distribution initialMrd,
        String source,
        String assumption) implements Cited {

    public Population {
        covariates = Immutable.map(covariates);
    }

    @Override
    public boolean needsCitation() {
        return initialMrd != null;
    }
}
