package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * The distribution of a covariate (or of MRD at enrolment). A categorical distribution makes a
 * category, a Bernoulli distribution a yes/no value, the others a number.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Distribution.Categorical.class, name = "categorical"),
        @JsonSubTypes.Type(value = Distribution.Bernoulli.class, name = "bernoulli"),
        @JsonSubTypes.Type(value = Distribution.Constant.class, name = "constant"),
        @JsonSubTypes.Type(value = Distribution.Uniform.class, name = "uniform"),
        @JsonSubTypes.Type(value = Distribution.Normal.class, name = "normal"),
        @JsonSubTypes.Type(value = Distribution.LogNormal.class, name = "lognormal"),
        @JsonSubTypes.Type(value = Distribution.Histogram.class, name = "histogram"),
        @JsonSubTypes.Type(value = Distribution.Conditional.class, name = "conditional")})
public sealed interface Distribution {

    /**
     * Levels with their probabilities, which must sum to 1.
     *
     * @param probabilities probability of each level, in order
     */
    record Categorical(@Required @Range(min = 0, max = 1, why = Range.PROBABILITY) Map<String, Double> probabilities)
            implements Distribution {
        public Categorical {
            probabilities = Immutable.map(probabilities);
        }
    }

    /**
     * Yes with the given probability.
     *
     * @param probability the probability of yes
     */
    record Bernoulli(@Required @Range(min = 0, max = 1, why = Range.PROBABILITY) Double probability) implements Distribution {
    }

    /**
     * Always the same number.
     *
     * @param value the value
     */
    record Constant(@Required @Range(min = -Range.COVARIATE, max = Range.COVARIATE, why = Range.COVARIATE_VALUE) Double value)
            implements Distribution {
    }

    /**
     * Uniform between two bounds.
     *
     * @param min lower bound
     * @param max upper bound
     */
    record Uniform(@Required @Range(min = -Range.COVARIATE, max = Range.COVARIATE, why = Range.COVARIATE_VALUE) Double min,
                   @Required @Range(min = -Range.COVARIATE, max = Range.COVARIATE, why = Range.COVARIATE_VALUE) Double max)
            implements Distribution {
    }

    /**
     * Normal, optionally truncated to [min, max].
     *
     * @param mean mean
     * @param sd   standard deviation
     * @param min  optional lower truncation bound
     * @param max  optional upper truncation bound
     */
    record Normal(@Required @Range(min = -Range.COVARIATE, max = Range.COVARIATE, why = Range.COVARIATE_VALUE) Double mean,
                  @Required @Range(min = 0, max = Range.COVARIATE, why = "a spread in the covariate's unit, within the values' range")
                  Double sd,
                  @Range(min = -Range.COVARIATE, max = Range.COVARIATE, why = Range.COVARIATE_VALUE) Double min,
                  @Range(min = -Range.COVARIATE, max = Range.COVARIATE, why = Range.COVARIATE_VALUE) Double max)
            implements Distribution {
    }

    /**
     * Log-normal, given by its median and the standard deviation of log10 of the value, optionally
     * truncated to [min, max].
     *
     * @param median  median
     * @param log10Sd standard deviation of log10(value)
     * @param min     optional lower truncation bound
     * @param max     optional upper truncation bound
     */
    record LogNormal(@Required @Range(min = 0, max = Range.COVARIATE, minExcluded = true, why = Range.COVARIATE_VALUE)
                     Double median,
                     @Required @JsonPropertyDescription("Standard deviation of log10(value)")
                     @Range(min = 0, max = 10, why = "ten orders of magnitude either side of the median, beyond any measured spread;"
                             + " keeps 10^x finite")
                     Double log10Sd,
                     @Range(min = 0, max = Range.COVARIATE, why = "a log-normal value is positive; 0 means no lower bound") Double min,
                     @Range(min = 0, max = Range.COVARIATE, minExcluded = true, why = Range.COVARIATE_VALUE) Double max)
            implements Distribution {
    }

    /**
     * Piecewise uniform: the value falls in [breaks[i], breaks[i+1]) with probability probabilities[i].
     *
     * @param breaks        increasing bin edges, one more than the probabilities
     * @param probabilities probability of each bin, summing to 1
     */
    record Histogram(@Required @Range(min = -Range.COVARIATE, max = Range.COVARIATE, why = Range.COVARIATE_VALUE)
                     List<Double> breaks,
                     @Required @Range(min = 0, max = 1, why = Range.PROBABILITY) List<Double> probabilities)
            implements Distribution {
        public Histogram {
            breaks = Immutable.list(breaks);
            probabilities = Immutable.list(probabilities);
        }
    }

    /**
     * A distribution chosen by the level of another covariate defined earlier.
     *
     * @param on    the covariate (categorical or yes/no) it depends on
     * @param cases the distribution for each level of that covariate ("true"/"false" for a yes/no one)
     */
    record Conditional(@Required String on, @Required Map<String, Distribution> cases) implements Distribution {
        public Conditional {
            cases = Immutable.map(cases);
        }
    }
}
