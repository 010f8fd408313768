package org.trialsim.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialsim.protocol.Range;
import org.trialsim.simulator.calibration.Fitting;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.design.simon.SimonDesign;
import org.trialsim.simulator.design.simon.SimonSearch;
import org.trialsim.simulator.trial.TrialOptions;
import picocli.CommandLine.ITypeConverter;

/**
 * The range of every numeric option of every command, in one place; docs/limits.md lists each with its
 * reason. Each option names its converter here ({@code @Option(converter = OptionRanges.Patients.class)}),
 * so a value outside its range is refused while the command line is parsed, before any work, with one
 * message shape: "--replicates must be a whole number from 1 to 10,000,000, not 100000000000".
 */
final class OptionRanges {
    /** simulate --patients: memory does not grow with it, only time (about 13 minutes a billion on one thread). */
    static final WholeRange PATIENTS = new WholeRange(1, CohortOptions.MAX_PATIENTS);
    /** trial --replicates and escalate --replicates: simulated trials. */
    static final WholeRange REPLICATES = new WholeRange(1, TrialOptions.MAX_REPLICATES);
    /** --threads of every command that simulates. */
    static final WholeRange THREADS = new WholeRange(1, RunOptions.MAX_THREADS);
    /** --seed: any 64-bit number; the random streams are addressed by it. */
    static final WholeRange SEED = new WholeRange(Long.MIN_VALUE, Long.MAX_VALUE);
    /** The cohorts a fit's search may simulate (docs/limits.md, "Calibration fit"). */
    static final WholeRange FIT_EVALUATIONS = new WholeRange(2, Fitting.MAX_EVALUATIONS);
    /** escalate --start-level: a level of at most the most levels a scenario may have. */
    static final WholeRange START_LEVEL = new WholeRange(1, EscalationScenario.MAX_LEVELS);
    /** escalate --cohort-size: patients per cohort of BOIN, TITE-BOIN and the CRM. */
    static final WholeRange COHORT_SIZE = new WholeRange(1, Range.MAX_COHORT_SIZE);
    /** escalate --max-patients and --level-cap: a model-based trial's sample size, bounded as the rule designs' is. */
    static final WholeRange ESCALATION_PATIENTS = new WholeRange(1, Range.MAX_ESCALATION_PATIENTS);
    /**
     * design simon --nmax, and N of --evaluate: the exact enumeration is quadratic to cubic in n, and
     * SimonSearch refuses more.
     */
    static final WholeRange SIMON_N = new WholeRange(2, SimonSearch.LIMIT_N);
    /** The most rates design simon --p evaluates: each is an exact sum over up to 2,000 outcomes, one table row. */
    static final int MAX_RATES = 1000;

    /** --dlt-probs and design simon --p: probabilities. */
    static final NumberRange PROBABILITY = NumberRange.closed(0, 1);
    /** design simon --p0 and --p1: a rate of 0 or 1 has no two-stage test. */
    static final NumberRange RESPONSE_RATE = NumberRange.open(0, 1);
    /** design simon --alpha and --beta: an error rate of 0.5 or more is no better than a coin. */
    static final NumberRange ERROR_RATE = NumberRange.open(0, 0.5);
    /** escalate --target-dlt: the true MTD is the highest level at or below it. */
    static final NumberRange TARGET_DLT = NumberRange.open(0, 1);
    /**
     * escalate --dlt-window-days. With the inter-arrival range below, at most 730 patients arrive per
     * window, so a trial of at most 180 patients (30 levels of 6) simulates a bounded number of arrivals.
     */
    static final NumberRange DLT_WINDOW_DAYS = NumberRange.closed(Range.MIN_DLT_WINDOW_DAYS, Range.MAX_DLT_WINDOW_DAYS);
    /** escalate --interarrival-days: every arrival is an event, so a tiny gap means unbounded events and memory. */
    static final NumberRange INTERARRIVAL_DAYS = NumberRange.closed(Range.MIN_INTERARRIVAL_DAYS, Range.MAX_INTERARRIVAL_DAYS);
    /** escalate --prior-variance: the CRM's prior variance, from a prior sd of 0.1 to about 3.2. */
    static final NumberRange PRIOR_VARIANCE = NumberRange.closed(Range.MIN_PRIOR_VARIANCE, Range.MAX_PRIOR_VARIANCE);
    /** escalate --skeleton and --safety-stop: probabilities strictly between 0 and 1. */
    static final NumberRange OPEN_PROBABILITY = NumberRange.open(0, 1);

    /**
     * design survival --hazard-ratio and --margin: a thousandfold either way is beyond any assumption a
     * trial makes; the events needed grow with 1 / ln² of the ratio over the margin.
     */
    static final NumberRange HAZARD_RATIO = NumberRange.closed(0.001, 1000);
    /** design survival --median-control, --median-experimental, and every duration in months: within a century. */
    static final NumberRange MONTHS = NumberRange.open(0, Range.CENTURY_MONTHS);
    /** design survival --follow-up-months and --accrual-ramp-months: 0 (none) to a century. */
    static final NumberRange MONTHS_OR_NONE = NumberRange.closed(0, Range.CENTURY_MONTHS);
    /** design survival --hazard-control: events per patient-month; at 100 half the patients have an event within 5 hours. */
    static final NumberRange HAZARD = NumberRange.closed(0, 100);
    /** The most pieces of a piecewise hazard, and of accrual rates (the protocol's bound on a list of changes). */
    static final int MAX_PIECES = 100;
    /** design survival and design rates --allocation: experimental per control patient, 1:100 to 100:1. */
    static final NumberRange ALLOCATION = NumberRange.closed(0.01, 100);
    /** design survival --events and --patients: counts need not be whole (rpact's are not); a billion is beyond any trial. */
    static final NumberRange SIZE = NumberRange.closed(1, 1e9);
    /** design survival --accrual-rate: patients a month, as a protocol's design.accrual.patientsPerMonth. */
    static final NumberRange ACCRUAL_RATE = NumberRange.closed(Range.MIN_ACCRUAL, Range.MAX_ACCRUAL);
    /** design survival --dropout: the fraction lost to follow-up by --dropout-months; all of them is no trial. */
    static final NumberRange DROPOUT = new NumberRange(0, true, 1, false);
    /** design survival and design rates --looks: information fractions, increasing, the last 1. */
    static final NumberRange INFORMATION_FRACTION = new NumberRange(0, false, 1, true);
    /** The most looks of a group-sequential design: the protocol's bound on design.analysis.informationFractions. */
    static final int MAX_LOOKS = 20;
    /** design survival and design rates --futility: a z value, as a protocol's futilityBounds; beyond 10 the normal tail is below 1e-23. */
    static final NumberRange FUTILITY_Z = NumberRange.closed(-10, 10);
    /** design rates --margin: a difference of two rates. */
    static final NumberRange RATE_DIFFERENCE = NumberRange.open(-1, 1);

    private OptionRanges() {
    }

    /** A converter that refuses values outside a range, which the option's help states. */
    interface Ranged {
        /** The range as the option's help gives it, e.g. "from 1 to 10,000,000". */
        String span();
    }

    /** A converter to an int option's value within a range; picocli creates one per option class below. */
    abstract static class IntIn implements ITypeConverter<Integer>, Ranged {
        private final WholeRange range;

        IntIn(WholeRange range) {
            if (range.min() < Integer.MIN_VALUE || range.max() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("not a range of ints: " + range);
            }
            this.range = range;
        }

        @Override
        public Integer convert(String text) {
            return (int) range.parse(text);
        }

        @Override
        public String span() {
            return range.span();
        }
    }

    /** A converter to a long option's value within a range. */
    abstract static class LongIn implements ITypeConverter<Long>, Ranged {
        private final WholeRange range;

        LongIn(WholeRange range) {
            this.range = range;
        }

        @Override
        public Long convert(String text) {
            return range.parse(text);
        }

        @Override
        public String span() {
            return range.span();
        }
    }

    /** A converter to a double option's value within a range. */
    abstract static class DoubleIn implements ITypeConverter<Double>, Ranged {
        private final NumberRange range;

        DoubleIn(NumberRange range) {
            this.range = range;
        }

        @Override
        public Double convert(String text) {
            return range.parse(text);
        }

        @Override
        public String span() {
            return range.span();
        }
    }
    static final class Patients extends LongIn {
        Patients() {
            super(PATIENTS);
        }
    }

    static final class Replicates extends IntIn {
        Replicates() {
            super(REPLICATES);
        }
    }

    static final class Threads extends IntIn {
        Threads() {
            super(THREADS);
        }
    }

    static final class FitEvaluations extends IntIn {
        FitEvaluations() {
            super(FIT_EVALUATIONS);
        }
    }

    static final class Seed extends LongIn {
        Seed() {
            super(SEED);
        }
    }

    static final class StartLevel extends IntIn {
        StartLevel() {
            super(START_LEVEL);
        }
    }

    static final class SimonN extends IntIn {
        SimonN() {
            super(SIMON_N);
        }
    }

    static final class Probability extends DoubleIn {
        Probability() {
            super(PROBABILITY);
        }
    }

    static final class ResponseRate extends DoubleIn {
        ResponseRate() {
            super(RESPONSE_RATE);
        }
    }

    static final class ErrorRate extends DoubleIn {
        ErrorRate() {
            super(ERROR_RATE);
        }
    }

    static final class TargetDlt extends DoubleIn {
        TargetDlt() {
            super(TARGET_DLT);
        }
    }

    static final class DltWindowDays extends DoubleIn {
        DltWindowDays() {
            super(DLT_WINDOW_DAYS);
        }
    }

    static final class InterarrivalDays extends DoubleIn {
        InterarrivalDays() {
            super(INTERARRIVAL_DAYS);
        }
    }

    static final class CohortSize extends IntIn {
        CohortSize() {
            super(COHORT_SIZE);
        }
    }

    static final class EscalationPatients extends IntIn {
        EscalationPatients() {
            super(ESCALATION_PATIENTS);
        }
    }

    static final class PriorVariance extends DoubleIn {
        PriorVariance() {
            super(PRIOR_VARIANCE);
        }
    }

    static final class OpenProbability extends DoubleIn {
        OpenProbability() {
            super(OPEN_PROBABILITY);
        }
    }

    static final class HazardRatio extends DoubleIn {
        HazardRatio() {
            super(HAZARD_RATIO);
        }
    }

    static final class Months extends DoubleIn {
        Months() {
            super(MONTHS);
        }
    }

    static final class MonthsOrNone extends DoubleIn {
        MonthsOrNone() {
            super(MONTHS_OR_NONE);
        }
    }

    static final class Hazard extends DoubleIn {
        Hazard() {
            super(HAZARD);
        }
    }

    static final class Allocation extends DoubleIn {
        Allocation() {
            super(ALLOCATION);
        }
    }

    static final class Size extends DoubleIn {
        Size() {
            super(SIZE);
        }
    }

    static final class AccrualRate extends DoubleIn {
        AccrualRate() {
            super(ACCRUAL_RATE);
        }
    }

    static final class Dropout extends DoubleIn {
        Dropout() {
            super(DROPOUT);
        }
    }

    static final class InformationFraction extends DoubleIn {
        InformationFraction() {
            super(INFORMATION_FRACTION);
        }
    }

    static final class FutilityZ extends DoubleIn {
        FutilityZ() {
            super(FUTILITY_Z);
        }
    }

    static final class RateDifference extends DoubleIn {
        RateDifference() {
            super(RATE_DIFFERENCE);
        }
    }

    /**
     * design simon --evaluate R1/N1,R/N: a possible two-stage design whose total size N is within
     * {@link #SIMON_N}, since evaluating it sums over every outcome of both stages.
     */
    static final class SimonDesignText implements ITypeConverter<SimonDesign>, Ranged {
        private static final Pattern DESIGN = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*,\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

        static final String EXPECTED = String.format(java.util.Locale.ROOT, "a design R1/N1,R/N with 0 <= R1 < N1 < N <= %,d and"
                + " R1 <= R < N, e.g. 4/18,10/33 (stop if at most 4 of the first 18 respond; promising if more than 10 of"
                + " 33 respond)", SIMON_N.max());

        @Override
        public SimonDesign convert(String text) {
            Matcher m = DESIGN.matcher(text);
            if (!m.matches()) {
                throw new RefusedValue(EXPECTED, text);
            }
            int r1 = Integer.parseInt(m.group(1));
            int n1 = Integer.parseInt(m.group(2));
            int r = Integer.parseInt(m.group(3));
            int n = Integer.parseInt(m.group(4));
            if (!(0 <= r1 && r1 < n1 && n1 < n && n <= SIMON_N.max() && r1 <= r && r < n)) {
                throw new RefusedValue(EXPECTED, text);
            }
            return SimonDesign.of(r1, n1, r, n);
        }

        @Override
        public String span() {
            return "N " + SIMON_N.span();
        }
    }
}
