package org.trialsim.simulator.design.sizing;

/**
 * How the log-rank statistic's drift grows with the number of events D: E Z = √(c·D) for a constant c
 * that each formula derives differently, with r the allocation ratio (experimental : control), h the
 * assumed hazard ratio and θ₀ the hazard ratio under the null hypothesis (rpact's
 * {@code typeOfComputation}).
 */
public enum EventsFormula {
    /** Schoenfeld (1981, Biometrika 68:316): c = r (ln h − ln θ₀)² / (1 + r)². */
    SCHOENFELD("Schoenfeld"),
    /** Freedman (1982, Stat Med 1:121): c = r (1 − h)² / (1 + r h)², for θ₀ = 1 only. */
    FREEDMAN("Freedman");

    private final String title;

    EventsFormula(String title) {
        this.title = title;
    }

    /** The formula's name as the literature gives it. */
    public String title() {
        return title;
    }

    /**
     * c, the squared drift per event.
     *
     * @param hazardRatio h
     * @param margin      θ₀ (1 for superiority)
     * @param ratio       r
     * @return c
     */
    double driftSquaredPerEvent(double hazardRatio, double margin, double ratio) {
        if (this == SCHOENFELD) {
            double log = Math.log(hazardRatio) - Math.log(margin);
            return ratio * log * log / ((1 + ratio) * (1 + ratio));
        }
        double d = (1 - hazardRatio) / (1 + ratio * hazardRatio);
        return ratio * d * d;
    }
}
