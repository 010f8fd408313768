package org.trialsim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.trialsim.cli.report.Numbers;
import org.trialsim.cli.report.SampleSizeReport;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.design.sizing.Accrual;
import org.trialsim.simulator.design.sizing.EventsFormula;
import org.trialsim.simulator.design.sizing.Hazards;
import org.trialsim.simulator.design.sizing.Looks;
import org.trialsim.simulator.design.sizing.SurvivalResult;
import org.trialsim.simulator.design.sizing.SurvivalSizing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialsim design survival}: the analytic events and patients of a two-arm survival comparison
 * for a target power, or the power of given events, as rpact's getSampleSizeSurvival and getPowerSurvival.
 */
@Command(name = "survival", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analytic events and patients of a two-arm survival comparison (log-rank test), or its power.",
                "Sample size: the events for the target --power by Schoenfeld's or Freedman's formula, inflated for a group-sequential"
                        + " design, and the patients whose expected events by the end of follow-up are that many, with accrual and"
                        + " loss to follow-up. Power: with --events, the power of that many events (per look, the chances of rejecting and of stopping for futility). --margin tests H0: HR >= margin"
                        + " (non-inferiority when above 1). --beta-spending derives non-binding futility bounds from beta = 1 - --power."
                        + " Time is in months. As rpact's getSampleSizeSurvival and getPowerSurvival.",
                "With --protocol, alpha, looks, spending, futility bounds, accrual, dropout and follow-up come from the protocol's"
                        + " randomized design (and with --events, its sample size); options override them."},
        footer = {"", "Examples:",
                "  trialsim design survival --median-control 12 --hazard-ratio 0.7 --accrual-months 24 --follow-up-months 12",
                "  trialsim design survival --hazard-control 0.03,0.05,0.02 --hazard-changes 6,12 --hazard-ratio 0.65 --looks 0.5,1",
                "  trialsim design survival --median-control 24 --hazard-ratio 1 --margin 1.3 --dropout 0.05",
                "  trialsim design survival --median-control 12 --hazard-ratio 0.7 --looks 0.5,1 --beta-spending obrien-fleming",
                "  trialsim design survival --median-control 12 --hazard-ratio 0.7 --looks 0.5,1 --events 250 --patients 400",
                "  trialsim design survival --protocol aall1331 --median-control 36 --hazard-ratio 0.6"})
final class SurvivalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hazard-ratio", paramLabel = "HR", converter = OptionRanges.HazardRatio.class,
            description = "Assumed hazard ratio, experimental / control, from 0.001 to 1000, below --margin.")
    Double hazardRatio;

    @Option(names = "--median-control", paramLabel = "M", converter = OptionRanges.Months.class,
            description = "Control arm's median time to event in months (exponential), above 0 and below 1200.")
    Double medianControl;

    @Option(names = "--median-experimental", paramLabel = "M", converter = OptionRanges.Months.class,
            description = "Experimental arm's median in months, above 0 and below 1200: the hazard ratio is the control median over it.")
    Double medianExperimental;

    @Option(names = "--hazard-control", split = ",", paramLabel = "L", converter = OptionRanges.Hazard.class,
            description = "Control arm's hazard, events per patient-month, each from 0 to 100; several for a piecewise-exponential"
                    + " hazard, with --hazard-changes.")
    List<Double> hazardControl;

    @Option(names = "--hazard-changes", split = ",", paramLabel = "MONTH", converter = OptionRanges.Months.class,
            description = "Months at which the control hazard changes to the next of --hazard-control, increasing, each above 0 and"
                    + " below 1200.")
    List<Double> hazardChanges;

    @Option(names = "--formula", paramLabel = "NAME", converter = FormulaName.class,
            description = "schoenfeld or freedman (default schoenfeld; freedman only with a margin of 1).")
    EventsFormula formula;

    @Option(names = "--margin", paramLabel = "HR0", converter = OptionRanges.HazardRatio.class,
            description = "Hazard ratio under the null hypothesis (rpact's thetaH0), from 0.001 to 1000; 1 (the default) for"
                    + " superiority, above 1 for non-inferiority.")
    Double margin;

    @Option(names = "--allocation", paramLabel = "R", converter = OptionRanges.Allocation.class,
            description = "Experimental patients per control patient, from 0.01 to 100 (default 1).")
    Double allocation;

    @Mixin
    SequentialOptions sequential;

    @Option(names = "--events", paramLabel = "D", converter = OptionRanges.Size.class,
            description = "Compute the power of this many events at the final look instead of a sample size, from 1 to 1000000000.")
    Double events;

    @Option(names = "--patients", paramLabel = "N", converter = OptionRanges.Size.class,
            description = "Patients enrolled, from 1 to 1000000000; the follow-up is then solved.")
    Double patients;

    @Option(names = "--accrual-months", paramLabel = "A", converter = OptionRanges.Months.class,
            description = "Accrual duration in months, above 0 and below 1200 (default 12, or solved from --accrual-rate).")
    Double accrualMonths;

    @Option(names = "--accrual-rate", split = ",", paramLabel = "R", converter = OptionRanges.AccrualRate.class,
            description = "Patients a month, each from 0.01 to 100000; several with --accrual-changes. Without --accrual-months,"
                    + " the accrual duration is solved; with it, the rates give only the shape.")
    List<Double> accrualRate;

    @Option(names = "--accrual-changes", split = ",", paramLabel = "MONTH", converter = OptionRanges.Months.class,
            description = "Months at which the accrual rate changes to the next of --accrual-rate, increasing, each above 0 and"
                    + " below 1200.")
    List<Double> accrualChanges;

    @Option(names = "--accrual-ramp-months", paramLabel = "MONTHS", converter = OptionRanges.MonthsOrNone.class,
            description = "Months over which accrual rises linearly from 0 to the first rate while sites open, from 0 to 1200"
                    + " (default 0).")
    Double rampMonths;

    @Option(names = "--follow-up-months", paramLabel = "F", converter = OptionRanges.MonthsOrNone.class,
            description = "Months from the end of accrual to the final analysis, from 0 to 1200 (default 6, or solved with"
                    + " --patients).")
    Double followUpMonths;

    @Option(names = "--dropout", split = ",", paramLabel = "P", converter = OptionRanges.Dropout.class,
            description = "Fraction lost to follow-up by --dropout-months, at least 0 and below 1: one value for both arms, or"
                    + " experimental,control (default 0).")
    List<Double> dropout;

    @Option(names = "--dropout-months", paramLabel = "MONTHS", converter = OptionRanges.Months.class,
            description = "The month by which the --dropout fraction is lost, above 0 and below 1200 (default 12).")
    Double dropoutMonths;

    @Option(names = "--protocol", paramLabel = "ID|FILE",
            description = "Take the analysis (alpha, looks, spending, futility bounds, the margin of a survival comparison) and"
                    + " accrual from this protocol's randomized design: a built-in protocol id, a protocol file, or - for standard"
                    + " input; options given override them.")
    String protocol;

    @Mixin
    FormatOption format = new FormatOption(SampleSizeReport.FORMATS);

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws Exception {
        LoadedProtocol loaded = protocol == null ? null : ProtocolArgument.load(protocol);
        Design.Randomized fromProtocol = loaded == null ? null : randomized(loaded);
        Design.Analysis analysis = fromProtocol == null ? null : fromProtocol.analysis();
        Design.Accrual protocolAccrual = fromProtocol == null ? null : fromProtocol.accrual();

        Looks design = sequential.design(analysis);
        double alpha = design.alpha();
        Hazards hazards = withDropout(hazards(), protocolAccrual);
        SurvivalSizing question = SurvivalSizing.of(hazards, design);
        if (allocation != null) {
            question = question.withAllocationRatio(allocation);
        }
        Double hazardRatioMargin = margin != null ? margin : protocolMargin(fromProtocol);
        if (hazardRatioMargin != null) {
            question = question.withMargin(hazardRatioMargin);
        }
        if (formula != null) {
            question = question.withFormula(formula);
        }
        question = question.withAccrual(accrualPlan(protocolAccrual), accrualMonths != null ? accrualMonths
                : accrualRate != null || protocolAccrual != null ? null : SurvivalSizing.DEFAULT_ACCRUAL_MONTHS);
        Double n = patients;
        if (n == null && events != null && fromProtocol != null && fromProtocol.sampleSize() != null && followUpMonths == null) {
            n = (double) fromProtocol.sampleSize();
        }
        if (n != null && followUpMonths != null) {
            throw UserException.usage("give --patients or --follow-up-months, not both: with the accrual, either one fixes the other");
        }
        Double followUp = followUpMonths;
        if (n == null && followUp == null && analysis != null && analysis.followUpMonths() != null) {
            followUp = OptionRanges.MONTHS_OR_NONE.check("the protocol's design.analysis.followUpMonths (override with"
                    + " --follow-up-months)", analysis.followUpMonths());
        }
        question = question.withPatients(n).withFollowUp(followUp);

        SurvivalResult result;
        try {
            result = events != null ? question.power(events) : question.sampleSize(sequential.power(alpha));
        } catch (IllegalArgumentException e) {
            throw UserException.usage(explain(e.getMessage()));
        }
        SampleSizeReport report = SampleSizeReport.survival(result, hazards, design.spending().id(),
                design.betaSpending() == null ? null : design.betaSpending().id(), events != null, loaded);
        output.emit(spec, w -> report.write(format.get(), w));
        return ExitCode.OK;
    }

    private static String explain(String message) {
        return message.replace("the hazard ratio", "--hazard-ratio").replace("the margin", "--margin")
                .replace("give the patients or the follow-up", "give --patients or --follow-up-months");
    }

    private Hazards hazards() {
        int given = (medianControl != null ? 1 : 0) + (hazardControl != null ? 1 : 0);
        if (given != 1) {
            throw UserException.usage("give the control arm's survival: --median-control M (exponential) or --hazard-control L[,L...]"
                    + " (with --hazard-changes for a piecewise-exponential hazard), one of them");
        }
        double ratio;
        if (medianExperimental != null) {
            if (hazardRatio != null || medianControl == null) {
                throw UserException.usage("--median-experimental gives the hazard ratio with --median-control (exponential survival);"
                        + " give it or --hazard-ratio, not both");
            }
            ratio = OptionRanges.HAZARD_RATIO.check("--median-control over --median-experimental", medianControl / medianExperimental);
        } else if (hazardRatio != null) {
            ratio = hazardRatio;
        } else {
            throw UserException.usage("give the effect: --hazard-ratio HR, or --median-experimental M with --median-control");
        }
        if (medianControl != null) {
            if (hazardChanges != null) {
                throw UserException.usage("--hazard-changes goes with --hazard-control; --median-control is an exponential hazard");
            }
            return Hazards.exponential(Math.log(2) / medianControl, ratio);
        }
        List<Double> changes = hazardChanges == null ? List.of() : hazardChanges;
        if (hazardControl.size() != changes.size() + 1) {
            throw UserException.usage("--hazard-control gives " + hazardControl.size() + " hazards and --hazard-changes " + changes.size()
                    + " months: there must be one more hazard than changes");
        }
        if (hazardControl.size() > OptionRanges.MAX_PIECES) {
            throw UserException.usage("--hazard-control gives " + hazardControl.size() + " hazards; at most " + OptionRanges.MAX_PIECES);
        }
        increasing("--hazard-changes", changes);
        if (hazardControl.stream().allMatch(h -> h == 0)) {
            throw UserException.usage("--hazard-control must have a hazard above 0, or no event ever happens");
        }
        return Hazards.piecewise(changes.stream().mapToDouble(Double::doubleValue).toArray(),
                hazardControl.stream().mapToDouble(Double::doubleValue).toArray(), ratio);
    }

    /** The hazards with --dropout, or else with the protocol's loss to follow-up per person-year. */
    private Hazards withDropout(Hazards hazards, Design.Accrual fromProtocol) {
        if (dropout != null) {
            return hazards.withDropout(lost(0), lost(1), dropoutMonths());
        }
        if (fromProtocol != null && fromProtocol.dropoutPerYear() > 0) {
            double perMonth = fromProtocol.dropoutPerYear() / 12;
            return hazards.withDropoutHazards(perMonth, perMonth);
        }
        return hazards;
    }

    private double lost(int arm) {
        if (dropout == null) {
            return 0;
        }
        if (dropout.size() > 2) {
            throw UserException.usage("--dropout gives " + dropout.size() + " fractions: one for both arms, or experimental,control");
        }
        return dropout.get(Math.min(arm, dropout.size() - 1));
    }

    private double dropoutMonths() {
        return dropoutMonths == null ? 12 : dropoutMonths;
    }

    private Accrual accrualPlan(Design.Accrual fromProtocol) {
        double ramp = rampMonths != null ? rampMonths : 0;
        if (accrualRate == null) {
            if (accrualChanges != null) {
                throw UserException.usage("--accrual-changes goes with --accrual-rate: the months at which the rate changes to its next");
            }
            if (fromProtocol != null) {
                double[] months = fromProtocol.changes().stream().mapToDouble(Design.RateChange::fromMonth).toArray();
                double[] rates = fromProtocol.changes().stream().mapToDouble(Design.RateChange::patientsPerMonth).toArray();
                return accrual(fromProtocol.patientsPerMonth(), rampMonths != null ? ramp : fromProtocol.rampUpMonths(), months, rates,
                        "the protocol's design.accrual");
            }
            return accrual(1, ramp, new double[0], new double[0], "--accrual-ramp-months");
        }
        List<Double> changes = accrualChanges == null ? List.of() : accrualChanges;
        if (accrualRate.size() != changes.size() + 1) {
            throw UserException.usage("--accrual-rate gives " + accrualRate.size() + " rates and --accrual-changes " + changes.size()
                    + " months: there must be one more rate than changes");
        }
        if (accrualRate.size() > OptionRanges.MAX_PIECES) {
            throw UserException.usage("--accrual-rate gives " + accrualRate.size() + " rates; at most " + OptionRanges.MAX_PIECES);
        }
        increasing("--accrual-changes", changes);
        return accrual(accrualRate.get(0), ramp, changes.stream().mapToDouble(Double::doubleValue).toArray(),
                accrualRate.subList(1, accrualRate.size()).stream().mapToDouble(Double::doubleValue).toArray(),
                "--accrual-rate and --accrual-changes");
    }

    private static Accrual accrual(double rate, double ramp, double[] months, double[] rates, String where) {
        try {
            return Accrual.of(rate, ramp, months, rates);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(where + ": " + e.getMessage());
        }
    }

    private static void increasing(String option, List<Double> months) {
        for (int k = 1; k < months.size(); k++) {
            if (!(months.get(k) > months.get(k - 1))) {
                throw UserException.usage(option + " must increase, but " + Numbers.given(months.get(k)) + " follows "
                        + Numbers.given(months.get(k - 1)));
            }
        }
    }

    /**
     * The protocol's margin, part of the analysis --protocol takes, where its comparisons are of survival (there
     * the margin is a hazard ratio; for response comparisons it is a difference in rates, which this command
     * does not size); null without one.
     */
    private static Double protocolMargin(Design.Randomized fromProtocol) {
        if (fromProtocol == null || fromProtocol.analysis() == null || fromProtocol.analysis().margin() == null
                || fromProtocol.comparisons().stream().noneMatch(c -> c.endpoint() != null)) {
            return null;
        }
        return fromProtocol.analysis().margin();
    }

    private static Design.Randomized randomized(LoadedProtocol loaded) {
        Design d = loaded.protocol().design();
        if (d instanceof Design.Randomized r) {
            return r;
        }
        throw UserException.usage("the protocol " + loaded.protocol().id() + " has no randomized design: design survival --protocol"
                + " needs a 'randomized' design (two arms compared)" + SimonCommand.describe(d));
    }

    /** schoenfeld or freedman. */
    static final class FormulaName implements picocli.CommandLine.ITypeConverter<EventsFormula> {
        @Override
        public EventsFormula convert(String text) {
            return switch (text) {
                case "schoenfeld" -> EventsFormula.SCHOENFELD;
                case "freedman" -> EventsFormula.FREEDMAN;
                default -> throw new RefusedValue("schoenfeld or freedman", text);
            };
        }
    }
}
