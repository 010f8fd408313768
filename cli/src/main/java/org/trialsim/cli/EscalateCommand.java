package org.trialsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialsim.cli.report.EscalationReport;
import org.trialsim.cli.report.Numbers;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Design.Escalation.WhenFull;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.design.EarlyPhaseAnalysis;
import org.trialsim.simulator.design.escalation.Arrivals;
import org.trialsim.simulator.design.escalation.EscalationDesign;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.design.escalation.EscalationSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialsim escalate}: rolling six and 3+3 dose escalation simulated in calendar time. */
@Command(name = "escalate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate rolling-six and 3+3 dose escalation in calendar time.",
                "Patients arrive at random, each is evaluable for dose-limiting toxicity (DLT) after a window, and a"
                        + " patient arriving while no slot is open is lost or waits. Reports, per design, how often each"
                        + " level is declared the MTD, patients, DLTs, duration and suspended accrual, each with its Monte"
                        + " Carlo standard error. With --design both, the rolling six and the 3+3 meet the same patients"
                        + " (common random numbers) and are compared trial by trial.",
                "With --protocol, the dose levels, DLT probabilities, start level, DLT window, arrival rate, --when-full"
                        + " policy and target DLT rate come from the protocol's phase-1-2 design."},
        footer = {"", "Examples:",
                "  trialsim escalate --dlt-probs 0.05,0.10,0.25,0.40",
                "  trialsim escalate --design rolling-six --dlt-probs 0.1,0.2,0.35 --when-full wait",
                "  trialsim escalate --protocol aall1121"})
final class EscalateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--design", paramLabel = "DESIGN",
            description = "rolling-six, three-plus-three or both (default: both; the protocol's own design first).")
    String design;

    @Option(names = "--dlt-probs", split = ",", paramLabel = "P", converter = OptionRanges.Probability.class,
            description = "True DLT probability of each dose level, lowest first, each from 0 to 1, e.g. 0.05,0.10,0.25,0.40;"
                    + " they must not decrease from one level to the next. At most " + EscalationScenario.MAX_LEVELS + " levels.")
    List<Double> dltProbs;

    @Option(names = "--start-level", paramLabel = "L", converter = OptionRanges.StartLevel.class,
            description = "The level of the first patient, from 1 to 30 and at most the number of levels (default: the"
                    + " protocol's, or 1).")
    Integer startLevel;

    @Option(names = "--interarrival-days", paramLabel = "DAYS", converter = OptionRanges.InterarrivalDays.class,
            description = "Mean days between patient arrivals, from 0.5 to 365 (default: the protocol's, or 10).")
    Double interarrivalDays;

    @Option(names = "--arrivals", paramLabel = "KIND", defaultValue = "exponential",
            description = "exponential (a Poisson process) or regular gaps between arrivals (default: ${DEFAULT-VALUE}).")
    Arrivals arrivals;

    @Option(names = "--dlt-window-days", paramLabel = "DAYS", converter = OptionRanges.DltWindowDays.class,
            description = "Days until a patient is evaluable for DLT, from 1 to 365 (default: the protocol's, or 28).")
    Double dltWindowDays;

    @Option(names = "--when-full", paramLabel = "POLICY",
            description = "A patient arriving while accrual is suspended is lost, or waits for a slot (default: the"
                    + " protocol's, or lost).")
    WhenFull whenFull;

    @Option(names = "--target-dlt", paramLabel = "RATE", converter = OptionRanges.TargetDlt.class,
            description = "The true MTD is the highest level whose DLT probability is at most this, above 0 and below 1"
                    + " (default: the protocol's, or 0.25).")
    Double targetDlt;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "10000", converter = OptionRanges.Replicates.class,
            description = "Trials simulated per design, from 1 to 10,000,000 (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Mixin
    RunOptions run;

    @Mixin
    ProtocolOption protocol;

    @Mixin
    FormatOption format = new FormatOption(EscalationReport.FORMATS);

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws Exception {
        LoadedProtocol loaded = protocol.load();
        Design.Escalation fromProtocol = loaded == null ? null : escalationOf(loaded);
        List<Double> doses = new ArrayList<>();
        String unit = null;
        EscalationDesign planned = null;
        if (fromProtocol != null) {
            planned = EarlyPhaseAnalysis.design(fromProtocol.method());
            // the options were checked as they were parsed; the protocol's values are checked against the same ranges
            String from = "the protocol " + loaded.protocol().id() + "'s design.escalation.";
            if (dltProbs == null) {
                dltProbs = new ArrayList<>();
                for (Design.DoseLevel level : fromProtocol.levels()) {
                    dltProbs.add(OptionRanges.PROBABILITY.check(from + "levels[" + dltProbs.size() + "].dltProbability"
                            + " (override with --dlt-probs)", level.dltProbability()));
                    doses.add(level.dose());
                    unit = unit == null ? level.unit() : unit;
                }
            }
            if (startLevel == null && fromProtocol.startLevel() != null) {
                startLevel = (int) OptionRanges.START_LEVEL.check(from + "startLevel (override with --start-level)",
                        fromProtocol.startLevel());
            }
            if (interarrivalDays == null && fromProtocol.interarrivalDays() != null) {
                interarrivalDays = OptionRanges.INTERARRIVAL_DAYS.check(from + "interarrivalDays (override with"
                        + " --interarrival-days)", fromProtocol.interarrivalDays());
            }
            if (dltWindowDays == null && fromProtocol.dltWindowDays() != null) {
                dltWindowDays = OptionRanges.DLT_WINDOW_DAYS.check(from + "dltWindowDays (override with --dlt-window-days)",
                        fromProtocol.dltWindowDays());
            }
            whenFull = whenFull != null ? whenFull : fromProtocol.whenFull();
            if (targetDlt == null) {
                targetDlt = OptionRanges.TARGET_DLT.check(from + "targetDltRate (override with --target-dlt)",
                        fromProtocol.targetDltRate());
            }
        }
        whenFull = whenFull != null ? whenFull : WhenFull.LOST;
        targetDlt = targetDlt != null ? targetDlt : EscalationScenario.DEFAULT_TARGET_DLT_RATE;
        if (dltProbs == null || dltProbs.isEmpty()) {
            throw UserException.usage("give the true DLT probability of each dose level with --dlt-probs, e.g. --dlt-probs"
                    + " 0.05,0.10,0.25,0.40, or take them from a protocol with --protocol");
        }
        EscalationDesign[] designs = designs(planned);
        EscalationScenario scenario = scenario();
        EscalationResult result = GuiceFactory.simulator(spec).escalation(EscalationSimulation.of(scenario).designs(designs).replicates(replicates)
                .seed(run.seed).threads(run.workers()));

        EscalationReport report = new EscalationReport(result, doses, unit, loaded);
        output.emit(spec, w -> report.write(format.get(), w));
        return ExitCode.OK;
    }

    private static Design.Escalation escalationOf(LoadedProtocol loaded) {
        Design d = loaded.protocol().design();
        if (d instanceof Design.EarlyPhase e && e.escalation() != null) {
            return e.escalation();
        }
        throw UserException.usage("the protocol " + loaded.protocol().id() + " has no dose escalation: --protocol needs a"
                + " 'phase-1-2' design with an 'escalation' part" + SimonCommand.describe(d));
    }

    private EscalationDesign[] designs(EscalationDesign planned) {
        String d = design == null ? "both" : design.toLowerCase(Locale.ROOT);
        switch (d) {
            case "rolling-six":
                return new EscalationDesign[] {EscalationDesign.ROLLING_SIX};
            case "three-plus-three":
            case "3+3":
                return new EscalationDesign[] {EscalationDesign.THREE_PLUS_THREE};
            case "both":
                EscalationDesign first = planned == null ? EscalationDesign.ROLLING_SIX : planned;
                return new EscalationDesign[] {first, first.other()};
            default:
                throw UserException.usage("--design is rolling-six, three-plus-three or both, not '" + design + "'");
        }
    }

    /**
     * The scenario, from values already within their ranges, with the checks that relate them (levels in
     * order, the start level among them) turned into messages that name the options.
     */
    private EscalationScenario scenario() {
        if (dltProbs.size() > EscalationScenario.MAX_LEVELS) {
            throw UserException.usage("--dlt-probs gives " + dltProbs.size() + " levels; at most " + EscalationScenario.MAX_LEVELS);
        }
        for (int i = 1; i < dltProbs.size(); i++) {
            double p = dltProbs.get(i);
            if (p < dltProbs.get(i - 1)) {
                throw UserException.usage("--dlt-probs: level " + (i + 1) + " (" + Numbers.given(p) + ") has a lower DLT"
                        + " probability than level " + i + " (" + Numbers.given(dltProbs.get(i - 1)) + "). Dose levels are"
                        + " listed lowest dose first and toxicity must not fall as the dose rises: both designs assume it"
                        + " grows, and the simulation gives each patient one tolerance, toxic at a level if below its"
                        + " probability. Equal neighbouring probabilities are allowed.");
            }
        }
        int start = startLevel == null ? 1 : startLevel;
        if (start > dltProbs.size()) {
            throw UserException.usage("--start-level is " + start + ", but the levels are numbered 1 to " + dltProbs.size());
        }
        double gap = interarrivalDays == null ? EscalationScenario.DEFAULT_INTERARRIVAL_DAYS : interarrivalDays;
        double window = dltWindowDays == null ? EscalationScenario.DEFAULT_DLT_WINDOW_DAYS : dltWindowDays;
        try {
            return new EscalationScenario(dltProbs, start, gap, arrivals, window, whenFull, targetDlt);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
    }
}
