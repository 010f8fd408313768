package org.trialsim.simulator.stats;

/**
 * The scale on which a normal-approximation confidence interval for a probability {@code p} (a survival
 * probability or a cumulative incidence) is built from its standard error {@code se}, with the same
 * formulas as R's {@code survival::survfit} {@code conf.type} (survival 3.5, {@code survfit_confint}).
 * With {@code z} the two-sided normal quantile:
 *
 * <ul>
 *   <li>{@link #PLAIN}: {@code p ± z·se}, clipped to [0, 1];
 *   <li>{@link #LOG}: {@code exp(log p ± z·se/p)}, upper bound clipped at 1 — R's default;
 *   <li>{@link #LOG_LOG}: {@code exp(−exp(log(−log p) ∓ z·se/(p·log p)))} (R's "log-log", that is the
 *       complementary log-log of {@code p}) — the default here.
 * </ul>
 *
 * <p>Why {@code LOG_LOG} is the default: its limits always fall inside (0, 1) without clipping, and
 * Borgan &amp; Liestøl (Scand. J. Stat. 1990;17:35–41) found its coverage close to the nominal level in
 * small samples where the plain and log intervals fall short, notably in the tails. Pediatric ALL curves
 * sit near 1 (EFS of 80–90%), where the log interval is often cut at 1. It is also the default of SAS
 * PROC LIFETEST and Stata. For a cumulative incidence the same transform is applied to the incidence
 * itself, {@code log(−log F)} (Choudhury, Stat. Med. 2002;21:1129–44).
 *
 * <p>Where the estimate is 0 or 1, or its standard error is 0, every transform gives the point
 * {@code [p, p]} (R reports NA there for the log and log-log intervals); where the standard error is
 * NaN, the interval is undefined (NaN bounds), as in R.
 */
public enum ConfidenceTransform {
    /** No transformation: {@code p ± z·se}, clipped to [0, 1]. */
    PLAIN("plain"),
    /** Log transformation, R's default: {@code exp(log p ± z·se/p)}, upper bound clipped at 1. */
    LOG("log"),
    /** Complementary log-log transformation: limits inside (0, 1); the default here. */
    LOG_LOG("log-log");

    private final String label;

    ConfidenceTransform(String label) {
        this.label = label;
    }

    /** R's name for the transform ({@code survfit(conf.type = ...)}): "plain", "log" or "log-log". */
    public String label() {
        return label;
    }

    /** The interval for estimate {@code p} with standard error {@code se} and normal quantile {@code z}. */
    Interval interval(double p, double se, double z) {
        if (Double.isNaN(se) || Double.isNaN(p)) {
            return Interval.UNDEFINED;
        }
        if (se == 0 || p == 0 || p == 1) {
            return new Interval(p, p);
        }
        switch (this) {
            case PLAIN: {
                double h = z * se;
                return new Interval(Math.max(0, p - h), Math.min(1, p + h));
            }
            case LOG: {
                double h = z * (se / p);
                double logP = Math.log(p);
                return new Interval(Math.exp(logP - h), Math.min(1, Math.exp(logP + h)));
            }
            case LOG_LOG: {
                // h < 0 because log p < 0, so subtracting it gives the lower limit (R's order of operations).
                double logP = Math.log(p);
                double h = z * (se / p) / logP;
                double c = Math.log(-logP);
                return new Interval(Math.exp(-Math.exp(c - h)), Math.exp(-Math.exp(c + h)));
            }
            default:
                throw new AssertionError(this);
        }
    }
}
