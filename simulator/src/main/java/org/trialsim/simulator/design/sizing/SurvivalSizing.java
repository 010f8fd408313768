package org.trialsim.simulator.design.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialsim.simulator.analysis.GroupSequentialDesign;
import org.trialsim.simulator.analysis.GroupSequentialProbabilities;

/**
 * The analytic sample size (events and patients) of a two-arm survival comparison by the log-rank test
 * for a target power, or the power of a given number of events: rpact's {@code getSampleSizeSurvival}
 * and {@code getPowerSurvival} with {@code sided = 1}.
 *
 * <p><b>Events.</b> The log-rank Z is about normal with mean √(c·D) after D events ({@link EventsFormula}).
 * A single look needs D = (z<sub>1−α</sub> + z<sub>1−β</sub>)² / c; a group-sequential design needs
 * δ²/c, where δ is the drift at which the design, with its futility bounds applied, has the power
 * ({@link GroupSequentialDesign#driftForPower}): the single-look events times the inflation factor.
 * A margin θ₀ ≠ 1 tests H₀: HR ≥ θ₀ (non-inferiority when θ₀ &gt; 1) with Schoenfeld's formula.
 *
 * <p><b>Patients and time.</b> Patients enrol by the accrual plan's shape and are followed until the
 * analysis, losses to follow-up competing with events ({@link Enrolment}). Of accrual duration A,
 * follow-up F and patients N, give two: with A and F (the default, 12 and 6 months as in rpact), N is
 * the number whose expected events by A + F are D; with F and the plan's rates taken as patients a
 * month (A not given), A is solved; with N, F is solved (and A, if not given, is when the plan's rates
 * enrol N). Each look is at the month its events are expected. When N patients have the events before
 * accrual ends, the follow-up is negative, as in rpact: the final look comes before the last patient
 * would be enrolled.
 *
 * <p>Immutable: each {@code with…} returns a new question.
 */
public final class SurvivalSizing {
    /**
     * The same as {@link #of(Hazards, GroupSequentialDesign)} with the looks' design.
     *
     * @param hazards the assumed hazards
     * @param looks   the error rate and looks
     * @return the question
     */
    public static SurvivalSizing of(Hazards hazards, Looks looks) {
        return of(hazards, looks.design());
    }

    /** rpact's default accrual duration, months. */
    public static final double DEFAULT_ACCRUAL_MONTHS = 12;
    /** rpact's default follow-up after accrual, months. */
    public static final double DEFAULT_FOLLOW_UP_MONTHS = 6;
    /** The longest follow-up searched when it is solved, months (a thousand years). */
    static final double LONGEST_MONTHS = 12_000;
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private final Hazards hazards;
    private final GroupSequentialDesign design;
    private final double ratio;
    private final double margin;
    private final EventsFormula formula;
    private final Accrual accrual;
    private final Double accrualMonths;
    private final Double followUpMonths;
    private final Double patients;

    private SurvivalSizing(Hazards hazards, GroupSequentialDesign design, double ratio, double margin, EventsFormula formula,
                           Accrual accrual, Double accrualMonths, Double followUpMonths, Double patients) {
        this.hazards = hazards;
        this.design = design;
        this.ratio = ratio;
        this.margin = margin;
        this.formula = formula;
        this.accrual = accrual;
        this.accrualMonths = accrualMonths;
        this.followUpMonths = followUpMonths;
        this.patients = patients;
    }

    /**
     * A 1:1 superiority comparison by Schoenfeld's formula, with uniform accrual over 12 months and 6 months of
     * follow-up.
     *
     * @param hazards the assumed hazards
     * @param design  the looks and bounds (one look at information fraction 1 for a fixed design)
     * @return the question
     */
    public static SurvivalSizing of(Hazards hazards, GroupSequentialDesign design) {
        return new SurvivalSizing(hazards, design, 1, 1, EventsFormula.SCHOENFELD, Accrual.uniform(),
                DEFAULT_ACCRUAL_MONTHS, null, null);
    }

    /** The same with patients allocated r : 1 (experimental : control), r &gt; 0 (rpact's allocationRatioPlanned). */
    public SurvivalSizing withAllocationRatio(double r) {
        if (!(r > 0) || r == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("allocation ratio must be finite and > 0; got " + r);
        }
        return new SurvivalSizing(hazards, design, r, margin, formula, accrual, accrualMonths, followUpMonths, patients);
    }

    /** The same tested against H₀: HR ≥ θ₀ (rpact's thetaH0), θ₀ &gt; 0. */
    public SurvivalSizing withMargin(double theta0) {
        if (!(theta0 > 0) || theta0 == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("margin must be finite and > 0; got " + theta0);
        }
        return new SurvivalSizing(hazards, design, ratio, theta0, formula, accrual, accrualMonths, followUpMonths, patients);
    }

    /** The same by another formula. */
    public SurvivalSizing withFormula(EventsFormula f) {
        return new SurvivalSizing(hazards, design, ratio, margin, f, accrual, accrualMonths, followUpMonths, patients);
    }

    /**
     * The same with another accrual: the plan's shape (its ramp-up and rate changes), and its duration, or
     * null for the duration at which the plan's rates (patients a month) give what is needed.
     */
    public SurvivalSizing withAccrual(Accrual plan, Double months) {
        if (months != null && (!(months > 0) || months == Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("accrual months must be finite and > 0; got " + months);
        }
        return new SurvivalSizing(hazards, design, ratio, margin, formula, plan, months, followUpMonths, patients);
    }

    /** The same with this follow-up after the end of accrual (null: 6 months unless the patients are given). */
    public SurvivalSizing withFollowUp(Double months) {
        if (months != null && (!(months >= 0) || months == Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("follow-up months must be finite and >= 0; got " + months);
        }
        return new SurvivalSizing(hazards, design, ratio, margin, formula, accrual, accrualMonths, months, patients);
    }

    /** The same with this many patients (null: computed); the follow-up is then solved. */
    public SurvivalSizing withPatients(Double n) {
        if (n != null && (!(n > 0) || n == Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("patients must be finite and > 0; got " + n);
        }
        return new SurvivalSizing(hazards, design, ratio, margin, formula, accrual, accrualMonths, followUpMonths, n);
    }

    /**
     * The events and patients for the target power.
     *
     * @param power 1 − β, above the design's α and below 1
     * @return the design's size and timing
     * @throws IllegalArgumentException if the question has no answer, saying why
     */
    public SurvivalResult sampleSize(double power) {
        double c = driftSquaredPerEvent();
        double drift = design.driftForPower(power);
        return result(drift * drift / c, drift, power, c);
    }

    /**
     * The power of a design with this many events at its final look.
     *
     * @param events D, &gt; 0
     * @return the design's power and timing
     */
    public SurvivalResult power(double events) {
        if (!(events > 0) || events == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("events must be finite and > 0; got " + events);
        }
        double c = driftSquaredPerEvent();
        double drift = Math.sqrt(c * events);
        return result(events, drift, design.probabilities(drift).power(), c);
    }

    private double driftSquaredPerEvent() {
        double h = hazards.hazardRatio();
        if (formula == EventsFormula.FREEDMAN && margin != 1) {
            throw new IllegalArgumentException("Freedman's formula is for a margin of 1 only (superiority); use Schoenfeld's"
                    + " with a margin");
        }
        if (!(h < margin)) {
            throw new IllegalArgumentException("the hazard ratio (" + h + ") must be below the margin (" + margin + "): the"
                    + " trial tests whether the experimental arm's hazard ratio is below it");
        }
        return formula.driftSquaredPerEvent(h, margin, ratio);
    }

    private SurvivalResult result(double events, double drift, double power, double c) {
        double alpha = design.spending().alpha();
        double z = NORMAL.inverseSurvivalProbability(alpha) + NORMAL.inverseSurvivalProbability(1 - power);
        double fixedEvents = z * z / c;
        ArmSurvival experimental = hazards.experimentalArm();
        ArmSurvival control = hazards.controlArm();

        double months;
        double followUp;
        double n;
        Enrolment enrolment;
        if (patients != null) {
            if (followUpMonths != null) {
                throw new IllegalArgumentException("give the patients or the follow-up, not both: the other is solved");
            }
            n = patients;
            months = accrualMonths != null ? accrualMonths : Enrolment.monthOf(accrual, n);
            enrolment = new Enrolment(accrual, months);
            double most = n * (ratio * experimental.eventEver() + control.eventEver()) / (1 + ratio);
            if (!(events < most)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%.1f patients have %.1f events on"
                        + " average however long they are followed, fewer than the %.1f needed", n, most, events));
            }
            DoubleUnaryOperator shortfall = f -> n * enrolment.eventsPerPatient(months + f, experimental, control, ratio) - events;
            // the events may come before accrual ends: a negative follow-up, as rpact reports it
            followUp = shortfall.applyAsDouble(0) >= 0 ? bisect(-months, 0, shortfall) : solveIncreasing(shortfall);
        } else {
            followUp = followUpMonths != null ? followUpMonths : DEFAULT_FOLLOW_UP_MONTHS;
            if (accrualMonths != null) {
                months = accrualMonths;
            } else {
                months = solveIncreasing(a -> a <= 0 ? -events : accrual.patientsBy(a)
                        * new Enrolment(accrual, a).eventsPerPatient(a + followUp, experimental, control, ratio) - events);
            }
            enrolment = new Enrolment(accrual, months);
            n = events / enrolment.eventsPerPatient(months + followUp, experimental, control, ratio);
        }

        GroupSequentialProbabilities underH1 = design.probabilities(drift);
        List<SurvivalResult.Look> looks = new ArrayList<>();
        double expectedPatients = 0;
        double rejected = 0;
        for (int k = 0; k < design.looks(); k++) {
            double t = design.informationFraction(k);
            double eventsK = events * t;
            double month = k == design.looks() - 1 ? months + followUp
                    : bisect(0, months + followUp, m -> n * enrolment.eventsPerPatient(m, experimental, control, ratio) - eventsK);
            double patientsK = n * enrolment.enrolledFraction(month);
            expectedPatients += underH1.stop(k) * patientsK;
            double efficacy = design.efficacyBound(k);
            double futility = design.futilityBound(k);
            rejected += underH1.efficacy(k);
            looks.add(new SurvivalResult.Look(t, eventsK, month, patientsK, efficacy, hazardRatioAt(efficacy, eventsK), futility,
                    hazardRatioAt(futility, eventsK), design.cumulativeAlphaSpent(k), underH1.efficacy(k), rejected,
                    underH1.futility(k)));
        }
        double expectedEvents = events * underH1.expectedInformationFraction();
        double expectedEventsNull = events * design.probabilities(0).expectedInformationFraction();
        return new SurvivalResult(formula, hazards.hazardRatio(), margin, ratio, alpha, power, drift, fixedEvents,
                drift * drift / (z * z), events, n, months, followUp, expectedEvents, expectedEventsNull, expectedPatients, looks);
    }

    /** An observed hazard ratio at which Z equals the bound, by Schoenfeld's relation (as rpact's effect scale). */
    private double hazardRatioAt(double bound, double events) {
        if (formula != EventsFormula.SCHOENFELD || !Double.isFinite(bound)) {
            return Double.NaN;
        }
        return margin * Math.exp(-bound * (1 + ratio) / Math.sqrt(ratio * events));
    }

    /** The root above 0 of an increasing function that is negative at 0. */
    private static double solveIncreasing(DoubleUnaryOperator f) {
        double hi = 1;
        while (f.applyAsDouble(hi) < 0) {
            hi *= 2;
            if (hi > LONGEST_MONTHS) {
                throw new IllegalArgumentException("the events are not reached within " + (long) LONGEST_MONTHS + " months");
            }
        }
        return bisect(0, hi, f);
    }

    private static double bisect(double lo, double hi, DoubleUnaryOperator f) {
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (f.applyAsDouble(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
