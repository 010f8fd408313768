package org.trialsim.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialsim.cli.report.EscalationReport;
import org.trialsim.cli.report.Numbers;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Design.Escalation.DltOnset;
import org.trialsim.protocol.Design.Escalation.TrueMtd;
import org.trialsim.protocol.Design.Escalation.WhenFull;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Range;
import org.trialsim.simulator.design.EarlyPhaseAnalysis;
import org.trialsim.simulator.design.escalation.Arrivals;
import org.trialsim.simulator.design.escalation.DoseFinding;
import org.trialsim.simulator.design.escalation.EscalationDesign;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.design.escalation.EscalationSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialsim escalate}: dose finding simulated in calendar time: the rolling six, the 3+3, BOIN, TITE-BOIN, the
 * CRM and the TITE-CRM, alone or side by side on the same patients.
 */
@Command(name = "escalate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate dose-finding designs in calendar time: rolling six, 3+3, BOIN, TITE-BOIN, CRM, TITE-CRM.",
                "Patients arrive at random, each is evaluable for dose-limiting toxicity (DLT) after a window, and a"
                        + " patient arriving while no slot is open is lost or waits. Reports, per design, how often each"
                        + " level is declared the MTD, patients, DLTs, duration and suspended accrual, each with its Monte"
                        + " Carlo standard error. With --design both or all, the designs meet the same patients"
                        + " (common random numbers) and are compared trial by trial with the first.",
                "With --protocol, the dose levels, DLT probabilities, start level, DLT window, arrival rate, --when-full"
                        + " policy, target DLT rate, DLT onset, definition of the true MTD, cohort size, sample size, skeleton"
                        + " and prior variance come from the protocol's phase-1-2 design."},
        footer = {"", "Examples:",
                "  trialsim escalate --dlt-probs 0.05,0.10,0.25,0.40",
                "  trialsim escalate --design rolling-six --dlt-probs 0.1,0.2,0.35 --when-full wait",
                "  trialsim escalate --design all --dlt-probs 0.05,0.12,0.25,0.40,0.55 --dlt-onset uniform",
                "  trialsim escalate --design crm --dlt-probs 0.05,0.12,0.25,0.40 --skeleton 0.08,0.16,0.25,0.35 --max-patients 24",
                "  trialsim escalate --protocol aall1121 --design all"})
final class EscalateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--design", paramLabel = "DESIGN",
            description = "rolling-six, three-plus-three, boin, tite-boin, crm, tite-crm; both (the protocol's own design, or"
                    + " the rolling six, and the one it is usually compared with) or all six (default: both; the protocol's own"
                    + " design first).")
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
            description = "The target DLT rate, above 0 and below 1: BOIN's and the CRM's target (above 0.05 and below 0.6"
                    + " for them), and what defines the true MTD (default: the protocol's, or 0.25).")
    Double targetDlt;

    @Option(names = "--true-mtd", paramLabel = "DEFINITION",
            description = "at-or-below: the true MTD is the highest level whose DLT probability is at most the target;"
                    + " closest: the level whose DLT probability is closest to it (default: the protocol's, or at-or-below).")
    String trueMtd;

    @Option(names = "--dlt-onset", paramLabel = "WHEN",
            description = "When within the window a DLT occurs and becomes known: window-end, uniform, early (density falling"
                    + " to 0 at the window's end) or late (rising from 0) (default: the protocol's, or window-end).")
    String dltOnset;

    @Option(names = "--cohort-size", paramLabel = "N", converter = OptionRanges.CohortSize.class,
            description = "BOIN, TITE-BOIN and CRM: patients per cohort, from 1 to 30 (default: the protocol's, or 3).")
    Integer cohortSize;

    @Option(names = "--max-patients", paramLabel = "N", converter = OptionRanges.EscalationPatients.class,
            description = "BOIN, TITE-BOIN, CRM and TITE-CRM: the sample size, from 1 to 180, a whole number of cohorts"
                    + " (default: the protocol's, or six per level in whole cohorts).")
    Integer maxPatients;

    @Option(names = "--skeleton", split = ",", paramLabel = "P", converter = OptionRanges.OpenProbability.class,
            description = "CRM and TITE-CRM: the prior guess of each level's DLT probability, increasing, each above 0 and"
                    + " below 1 (default: the protocol's, or Lee and Cheung's skeleton around the target, half-width a"
                    + " quarter of it, the target at the middle level).")
    List<Double> skeleton;

    @Option(names = "--prior-variance", paramLabel = "V", converter = OptionRanges.PriorVariance.class,
            description = "CRM and TITE-CRM: the prior variance of the model's parameter, from 0.01 to 10 (default: the"
                    + " protocol's, or 1.34).")
    Double priorVariance;

    @Option(names = "--level-cap", paramLabel = "N", converter = OptionRanges.EscalationPatients.class,
            description = "BOIN, TITE-BOIN, CRM and TITE-CRM: stop accrual once the level chosen next already has N patients,"
                    + " N from 1 to 180 (BOIN's n.earlystop; default: no such stop).")
    Integer levelCap;

    @Option(names = "--safety-stop", paramLabel = "P", converter = OptionRanges.OpenProbability.class,
            description = "CRM and TITE-CRM: stop with no MTD once the posterior probability that level 1's DLT probability"
                    + " is above the target exceeds P, above 0 and below 1, e.g. 0.9 (default: never).")
    Double safetyStop;

    @Option(names = "--tite-crm-coherent",
            description = "TITE-CRM: no escalation right after a patient with a known DLT (the CRM's rule; dfcrm's titesim"
                    + " applies only the rule against skipping a level, as the default does).")
    boolean titeCrmCoherent;

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

    /** The protocol's DLT onset and definition of the true MTD, when it gives them; the options override them. */
    private DltOnset onsetFromProtocol;
    private TrueMtd trueMtdFromProtocol;

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
            onsetFromProtocol = fromProtocol.dltOnset();
            trueMtdFromProtocol = fromProtocol.trueMtd();
            if (cohortSize == null && fromProtocol.cohortSize() != null) {
                cohortSize = (int) OptionRanges.COHORT_SIZE.check(from + "cohortSize (override with --cohort-size)",
                        fromProtocol.cohortSize());
            }
            if (maxPatients == null && fromProtocol.maxPatients() != null) {
                maxPatients = (int) OptionRanges.ESCALATION_PATIENTS.check(from + "maxPatients (override with --max-patients)",
                        fromProtocol.maxPatients());
            }
            if (skeleton == null && !fromProtocol.skeleton().isEmpty()) {
                skeleton = new ArrayList<>();
                for (Double p : fromProtocol.skeleton()) {
                    skeleton.add(OptionRanges.OPEN_PROBABILITY.check(from + "skeleton[" + skeleton.size() + "] (override with"
                            + " --skeleton)", p));
                }
            }
            if (priorVariance == null && fromProtocol.priorVariance() != null) {
                priorVariance = OptionRanges.PRIOR_VARIANCE.check(from + "priorVariance (override with --prior-variance)",
                        fromProtocol.priorVariance());
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
        EscalationSimulation simulation = EscalationSimulation.of(scenario).designs(designs);
        if (Arrays.stream(designs).anyMatch(EscalationDesign::targetBased)) {
            simulation = simulation.doseFinding(doseFinding(scenario, List.of(designs)));
        }
        EscalationResult result = GuiceFactory.simulator(spec).escalation(simulation.replicates(replicates).seed(run.seed)
                .threads(run.workers()));

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
        EscalationDesign first = planned == null ? EscalationDesign.ROLLING_SIX : planned;
        return switch (d) {
            case "rolling-six" -> new EscalationDesign[] {EscalationDesign.ROLLING_SIX};
            case "three-plus-three", "3+3" -> new EscalationDesign[] {EscalationDesign.THREE_PLUS_THREE};
            case "boin" -> new EscalationDesign[] {EscalationDesign.BOIN};
            case "tite-boin" -> new EscalationDesign[] {EscalationDesign.TITE_BOIN};
            case "crm" -> new EscalationDesign[] {EscalationDesign.CRM};
            case "tite-crm" -> new EscalationDesign[] {EscalationDesign.TITE_CRM};
            case "both" -> new EscalationDesign[] {first, first.other()};
            case "all" -> {
                // the protocol's own design first, so that every difference is measured from it
                List<EscalationDesign> all = new ArrayList<>(List.of(EscalationDesign.values()));
                all.remove(first);
                all.add(0, first);
                yield all.toArray(new EscalationDesign[0]);
            }
            default -> throw UserException.usage("--design is rolling-six, three-plus-three, boin, tite-boin, crm, tite-crm, both"
                    + " or all, not '" + design + "'");
        };
    }

    /**
     * The settings of BOIN, the CRM and their time-to-event versions: the defaults for the scenario, with the options
     * (or the protocol's values) over them; the checks that tie options together are made here, with their names.
     */
    private DoseFinding doseFinding(EscalationScenario scenario, List<EscalationDesign> designs) {
        double target = scenario.targetDltRate();
        if (!(target > Range.MIN_MODEL_TARGET && target < Range.MAX_MODEL_TARGET)) {
            throw UserException.usage("--target-dlt is " + Numbers.given(target) + ", but BOIN and the CRM need a target above "
                    + Numbers.given(Range.MIN_MODEL_TARGET) + " and below " + Numbers.given(Range.MAX_MODEL_TARGET) + " (the BOIN"
                    + " package's bounds: their boundaries and skeletons need room on both sides of the target)");
        }
        DoseFinding settings = DoseFinding.defaults(scenario);
        if (cohortSize != null) {
            settings = settings.withCohortSize(cohortSize);
        }
        settings = settings.withMaxPatients(maxPatients != null ? maxPatients
                : DoseFinding.defaultMaxPatients(scenario.levels(), settings.cohortSize()));
        boolean cohorts = designs.stream().anyMatch(EscalationDesign::cohorts);
        if (cohorts && settings.maxPatients() % settings.cohortSize() != 0) {
            throw UserException.usage("--max-patients is " + settings.maxPatients() + ", not a whole number of cohorts of "
                    + settings.cohortSize() + (cohortSize == null ? " (the default --cohort-size)" : "") + "; BOIN, TITE-BOIN and the"
                    + " CRM treat whole cohorts");
        }
        if (skeleton != null) {
            if (skeleton.size() != scenario.levels()) {
                throw UserException.usage("--skeleton gives " + skeleton.size() + " DLT probabilities for " + scenario.levels()
                        + " dose levels; give one per level, lowest dose first");
            }
            for (int i = 1; i < skeleton.size(); i++) {
                if (!(skeleton.get(i) > skeleton.get(i - 1))) {
                    throw UserException.usage("--skeleton must increase with dose, but level " + (i + 1) + " ("
                            + Numbers.given(skeleton.get(i)) + ") is not above level " + i + " (" + Numbers.given(skeleton.get(i - 1))
                            + ")");
                }
            }
            settings = settings.withSkeleton(skeleton);
        }
        if (priorVariance != null) {
            settings = settings.withPriorVariance(priorVariance);
        }
        return settings.withLevelCap(levelCap).withSafetyStop(safetyStop).withTiteCrmCoherent(titeCrmCoherent);
    }

    private static DltOnset onset(String text, DltOnset fallback) {
        if (text == null) {
            return fallback == null ? DltOnset.WINDOW_END : fallback;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "window-end" -> DltOnset.WINDOW_END;
            case "uniform" -> DltOnset.UNIFORM;
            case "early" -> DltOnset.EARLY;
            case "late" -> DltOnset.LATE;
            default -> throw UserException.usage("--dlt-onset is window-end, uniform, early or late, not '"
                    + text + "'");
        };
    }

    private static TrueMtd trueMtd(String text, TrueMtd fallback) {
        if (text == null) {
            return fallback == null ? TrueMtd.AT_OR_BELOW : fallback;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "at-or-below" -> TrueMtd.AT_OR_BELOW;
            case "closest" -> TrueMtd.CLOSEST;
            default -> throw UserException.usage("--true-mtd is at-or-below or closest, not '" + text + "'");
        };
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
            return new EscalationScenario(dltProbs, start, gap, arrivals, window, whenFull, targetDlt, onset(dltOnset, onsetFromProtocol),
                    trueMtd(trueMtd, trueMtdFromProtocol));
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
    }
}
