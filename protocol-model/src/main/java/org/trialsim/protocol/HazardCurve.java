package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A piecewise-constant hazard over time in days, given either by its rates or by the survival it
 * produces at landmarks (the natural form for a published curve: "2-year DFS 49.4%").
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HazardCurve.Piecewise.class, name = "piecewise"),
        @JsonSubTypes.Type(value = HazardCurve.Survival.class, name = "survival")})
public sealed interface HazardCurve extends Cited {

    /**
     * Hazard {@code ratesPerYear[i]} from day {@code fromDays[i]} until the next start; the last rate
     * applies for ever.
     *
     * @param fromDays     start of each piece, increasing, the first 0
     * @param ratesPerYear hazard rate in each piece, events per person-year
     * @param source       where it comes from
     * @param assumption   what was assumed
     */
    record Piecewise(
            @Required @JsonPropertyDescription("Start day of each piece, increasing from 0")
            @Range(min = 0, max = Range.CENTURY_DAYS, why = "a day within a lifetime")
            List<Double> fromDays,
            @Required @JsonPropertyDescription("Hazard in each piece, events per person-year")
            @Range(min = 0, max = Range.MAX_RATE_PER_YEAR, why = Range.HAZARD_RATE)
            List<Double> ratesPerYear,
            String source,
            String assumption) implements HazardCurve {
        public Piecewise {
            fromDays = Immutable.list(fromDays);
            ratesPerYear = Immutable.list(ratesPerYear);
        }
    }

    /**
     * The hazard that is constant between landmarks and gives the stated event-free fraction at each:
     * S(atDays[i]) = survival[i], S(0) = 1. After the last landmark the hazard is
     * {@code tailRatePerYear} (0 if absent: a plateau).
     *
     * @param atDays          landmark days, increasing, all positive
     * @param survival        the event-free fraction at each landmark, decreasing
     * @param tailRatePerYear hazard after the last landmark, events per person-year
     * @param source          where it comes from
     * @param assumption      what was assumed
     */
    record Survival(
            @Required @JsonPropertyDescription("Landmark days, increasing")
            @Range(min = 0, max = Range.CENTURY_DAYS, minExcluded = true, why = "a day within a lifetime, after day 0 (where all are"
                    + " event-free)")
            List<Double> atDays,
            @Required @JsonPropertyDescription("Event-free fraction at each landmark")
            @Range(min = 0, max = 1, minExcluded = true, why = "a fraction; 0 would be an infinite hazard")
            List<Double> survival,
            @JsonPropertyDescription("Hazard after the last landmark, per person-year; default 0")
            @Range(min = 0, max = Range.MAX_RATE_PER_YEAR, why = Range.HAZARD_RATE)
            Double tailRatePerYear,
            String source,
            String assumption) implements HazardCurve {
        public Survival {
            atDays = Immutable.list(atDays);
            survival = Immutable.list(survival);
            tailRatePerYear = Immutable.orElse(tailRatePerYear, 0.0);
        }
    }
}
