package org.trialsim.protocol;

/**
 * A patient characteristic at presentation, such as age, WBC or KMT2A status.
 *
 * @param label        a readable name
 * @param unit         the unit of a numeric covariate, e.g. months
 * @param distribution how it is distributed among presenting patients
 * @param source       where the distribution comes from
 * @param assumption   what was assumed
 */
public record Covariate(String label, String unit, @Required Distribution distribution, String source, String assumption)
        implements Cited {
}
