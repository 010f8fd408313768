package org.trialsim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialsim.protocol.ControlCharacters;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Design.Escalation.DltOnset;
import org.trialsim.protocol.Design.Escalation.TrueMtd;
import org.trialsim.protocol.Design.Escalation.WhenFull;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Range;
import org.trialsim.simulator.design.EarlyPhaseAnalysis;
import org.trialsim.simulator.design.escalation.Arrivals;
import org.trialsim.simulator.design.escalation.BoinBoundaries;
import org.trialsim.simulator.design.escalation.CountDistribution;
import org.trialsim.simulator.design.escalation.DoseFinding;
import org.trialsim.simulator.design.escalation.EscalationDesign;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.design.escalation.EscalationSimulation;
import org.trialsim.simulator.stats.Estimate;
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
                        + " (common random numbers) and are compared trial by trial with the first."},
        footer = {"", "Examples:",
                "  trialsim escalate --dlt-probs 0.05,0.10,0.25,0.40",
                "  trialsim escalate --design rolling-six --dlt-probs 0.1,0.2,0.35 --when-full wait",
                "  trialsim escalate --design all --dlt-probs 0.05,0.12,0.25,0.40,0.55 --dlt-onset uniform",
                "  trialsim escalate --design crm --dlt-probs 0.05,0.12,0.25,0.40 --skeleton 0.08,0.16,0.25,0.35 --max-patients 24",
                "  trialsim escalate --protocol aall1121 --design all"})
final class EscalateCommand implements Callable<Integer> {
    private static final String NL = System.lineSeparator();
    private static final int LABEL = 34;
    private static final int COLUMN = 20;
    /** Designs per group of columns when more than two are compared. */
    private static final int GROUP = 3;

    /** Columns of BOIN's boundary table per line: 34 + 16 x 4 = 98 characters. */
    private static final int BOUNDARY_COLUMNS = 16;


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

    @Option(names = "--protocol", paramLabel = "ID|FILE",
            description = "Take the dose levels, DLT probabilities, start level, DLT window and arrival rate from this"
                    + " protocol's phase-1-2 design; options given here override it.")
    String protocol;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    DesignOutput.Format format;

    @Mixin
    OutputOption output;

    /** The protocol's DLT onset and definition of the true MTD, when it gives them; the options override them. */
    private DltOnset onsetFromProtocol;
    private TrueMtd trueMtdFromProtocol;

    @Override
    public Integer call() throws Exception {
        LoadedProtocol loaded = protocol == null ? null : ProtocolArgument.load(protocol);
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

        if (format == DesignOutput.Format.JSON) {
            ObjectNode root = DesignOutput.envelope("escalate", loaded);
            root.set("result", Json.tree(result));
            output.emit(spec, w -> Json.write(root, w));
        } else {
            String text = table(result, doses, unit, loaded);
            output.emit(spec, w -> w.write(text));
        }
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
                    + " or all, not '" + ControlCharacters.visible(design) + "'");
        };
    }

    /**
     * The settings of BOIN, the CRM and their time-to-event versions: the defaults for the scenario, with the options
     * (or the protocol's values) over them; the checks that tie options together are made here, with their names.
     */
    private DoseFinding doseFinding(EscalationScenario scenario, List<EscalationDesign> designs) {
        double target = scenario.targetDltRate();
        if (!(target > Range.MIN_MODEL_TARGET && target < Range.MAX_MODEL_TARGET)) {
            throw UserException.usage("--target-dlt is " + DesignOutput.num(target) + ", but BOIN and the CRM need a target above "
                    + DesignOutput.num(Range.MIN_MODEL_TARGET) + " and below " + DesignOutput.num(Range.MAX_MODEL_TARGET) + " (the BOIN"
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
                            + DesignOutput.num(skeleton.get(i)) + ") is not above level " + i + " (" + DesignOutput.num(skeleton.get(i - 1))
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
                    + ControlCharacters.visible(text) + "'");
        };
    }

    private static TrueMtd trueMtd(String text, TrueMtd fallback) {
        if (text == null) {
            return fallback == null ? TrueMtd.AT_OR_BELOW : fallback;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "at-or-below" -> TrueMtd.AT_OR_BELOW;
            case "closest" -> TrueMtd.CLOSEST;
            default -> throw UserException.usage("--true-mtd is at-or-below or closest, not '" + ControlCharacters.visible(text) + "'");
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
                throw UserException.usage("--dlt-probs: level " + (i + 1) + " (" + DesignOutput.num(p) + ") has a lower DLT"
                        + " probability than level " + i + " (" + DesignOutput.num(dltProbs.get(i - 1)) + "). Dose levels are"
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

    /**
     * The report: the scenario, the settings of the designs that need them, then one column per design (in groups of at
     * most three, so that a line stays within 100 characters), and the paired differences from the first design: in a
     * column of their own beside two designs, in a section of their own for more.
     */
    static String table(EscalationResult r, List<Double> doses, String unit, LoadedProtocol loaded) {
        EscalationScenario s = r.scenario();
        List<EscalationResult.DesignSummary> ds = r.designs();
        StringBuilder sb = new StringBuilder();
        List<String> labels = new ArrayList<>();
        for (EscalationResult.DesignSummary d : ds) {
            labels.add(d.design().label());
        }
        String names = ds.size() <= 2 ? String.join(" vs ", labels) : String.join(", ", labels);
        wrap(sb, "Dose escalation in calendar time: " + names + ", " + r.replicates() + " simulated trials" + (ds.size() == 1 ? "" : " each"));
        if (loaded != null) {
            sb.append("Protocol ").append(loaded.protocol().id()).append(" (").append(ControlCharacters.visible(loaded.source())).append(")")
                    .append(NL);
        }
        List<String> levels = new ArrayList<>();
        for (int d = 1; d <= s.levels(); d++) {
            levels.add(d + (doses.isEmpty() ? "" : " = " + DesignOutput.num(doses.get(d - 1)) + (unit == null ? "" : " " + ControlCharacters.visible(unit)))
                    + " (" + pctShort(s.dltProbabilities().get(d - 1)) + ")");
        }
        wrap(sb, "Levels (true DLT probability): " + String.join(", ", levels) + "; start at level " + s.startLevel() + ".");
        wrap(sb, trueMtdSentence(s));
        wrap(sb, "Patients arrive " + (s.arrivals() == Arrivals.REGULAR ? "every " : "on average every ")
                + DesignOutput.num(s.interarrivalDays()) + " days" + (s.arrivals() == Arrivals.REGULAR ? "" : " (exponential gaps)")
                + "; DLT window " + DesignOutput.num(s.dltWindowDays()) + " days" + onsetClause(s.dltOnset())
                + "; a patient arriving while accrual is suspended " + (s.whenFull() == WhenFull.LOST ? "is lost." : "waits for a slot."));
        if (r.doseFinding() != null) {
            settings(sb, r);
        }
        String first = ds.get(0).design().label();
        wrap(sb, "Seed " + r.seed() + "; ± is one Monte Carlo standard error."
                + (ds.size() == 1 ? "" : " Differences are " + first + " minus " + (ds.size() == 2 ? labels.get(1) : "each other design")
                + ", trial by trial on the same patients."));
        sb.append(NL);

        boolean perLevelDlts = r.doseFinding() != null;
        if (ds.size() <= 2) {
            designRows(sb, s, ds, r.comparison(), perLevelDlts);
        } else {
            for (int from = 0; from < ds.size(); from += GROUP) {
                if (from > 0) {
                    sb.append(NL);
                }
                designRows(sb, s, ds.subList(from, Math.min(ds.size(), from + GROUP)), null, perLevelDlts);
            }
            for (int from = 0; from < r.comparisons().size(); from += GROUP) {
                sb.append(NL);
                differenceRows(sb, r.comparisons().subList(from, Math.min(r.comparisons().size(), from + GROUP)), first);
            }
        }
        sb.append(NL);
        boolean rules = ds.stream().anyMatch(d -> !d.design().targetBased());
        wrap(sb, "Declaring the top level means no level was too toxic (the MTD was not reached)."
                + (rules ? " The MTD is the highest level with at most 1 DLT in 6 patients whose next level had 2 or more DLTs." : "")
                + (r.doseFinding() != null ? " BOIN and the CRMs treat their sample size unless a rule stops them, and choose the MTD"
                + " with every answer in: BOIN the level whose isotonic estimate is closest to the target, the CRMs the level whose"
                + " estimated DLT probability is." : "")
                + " Days run from the opening of the trial to the MTD decision.");
        return sb.toString();
    }

    private static String trueMtdSentence(EscalationScenario s) {
        if (s.trueMtdDefinition() == TrueMtd.CLOSEST) {
            return "True MTD: level " + s.trueMtd() + ", the one whose DLT probability is closest to " + pctShort(s.targetDltRate())
                    + " (the lower of two as close).";
        }
        return s.trueMtd() == 0 ? "True MTD: none, since even level 1 has a DLT probability above " + pctShort(s.targetDltRate()) + "."
                : "True MTD: level " + s.trueMtd() + ", the highest with a DLT probability of at most " + pctShort(s.targetDltRate()) + ".";
    }

    private static String onsetClause(DltOnset onset) {
        return switch (onset) {
            case WINDOW_END -> "";
            case UNIFORM -> ", a DLT occurring uniformly within it and known at once";
            case EARLY -> ", a DLT occurring early in it (density falling to 0 at its end) and known at once";
            case LATE -> ", a DLT occurring late in it (density rising from 0) and known at once";
        };
    }

    /** The settings of BOIN and the CRMs, and BOIN's boundaries as counts, as the BOIN package prints them. */
    private static void settings(StringBuilder sb, EscalationResult r) {
        DoseFinding f = r.doseFinding();
        List<EscalationDesign> designs = r.designs().stream().map(EscalationResult.DesignSummary::design).toList();
        boolean crm = designs.contains(EscalationDesign.CRM) || designs.contains(EscalationDesign.TITE_CRM);
        boolean cohorts = designs.stream().anyMatch(EscalationDesign::cohorts);
        StringBuilder line = new StringBuilder("Target DLT rate " + pctShort(r.scenario().targetDltRate()) + "; sample size "
                + f.maxPatients());
        if (cohorts) {
            line.append(", in cohorts of ").append(f.cohortSize()).append(designs.contains(EscalationDesign.TITE_CRM)
                    ? " (the TITE-CRM one patient at a time)" : "");
        }
        line.append(f.levelCap() == null ? "" : "; accrual stops once the next level has " + f.levelCap() + " patients");
        line.append(".");
        if (crm) {
            List<String> sk = f.skeleton().stream().map(p -> DesignOutput.num(p, 3)).toList();
            line.append(" CRM: power model, skeleton ").append(String.join(", ", sk)).append(", prior variance ")
                    .append(DesignOutput.num(f.priorVariance())).append(f.safetyStop() == null ? ""
                            : "; stop with no MTD once P(level 1 above the target) > " + DesignOutput.num(f.safetyStop()))
                    .append(designs.contains(EscalationDesign.TITE_CRM) ? "; the TITE-CRM weights pending patients by the window"
                            + " observed" + (f.titeCrmCoherent() ? " and does not escalate right after a DLT" : "") : "")
                    .append(".");
        }
        wrap(sb, line.toString());
        BoinBoundaries b = r.boin();
        if (b != null) {
            wrap(sb, "BOIN: escalate when a level's observed DLT rate is at most " + DesignOutput.num(b.escalation(), 4) + ", de-escalate"
                    + " when it is at least " + DesignOutput.num(b.deescalation(), 4) + " (rates deemed safe " + pctShort(b.safeRate())
                    + " and toxic " + pctShort(b.toxicRate()) + "); a level and those above it are eliminated once P(DLT rate > target) > "
                    + DesignOutput.num(b.eliminationCutoff()) + " with " + BoinBoundaries.ELIMINATION_MIN_PATIENTS + " or more patients"
                    + (designs.contains(EscalationDesign.TITE_BOIN) ? "; TITE-BOIN suspends accrual while more than "
                    + pctShort(f.maxPendingFraction()) + " of the patients at the level are pending" : "") + ".");
            int step = cohorts ? f.cohortSize() : 1;
            List<String> n = new ArrayList<>(List.of("  Patients at the level"));
            List<String> up = new ArrayList<>(List.of("  Escalate with DLTs at most"));
            List<String> down = new ArrayList<>(List.of("  De-escalate with DLTs at least"));
            List<String> out = new ArrayList<>(List.of("  Eliminate with DLTs at least"));
            for (int k = step; k <= f.maxPatients(); k += step) {
                n.add(String.valueOf(k));
                up.add(String.valueOf(b.escalateAtMost().get(k - 1)));
                down.add(String.valueOf(b.deescalateAtLeast().get(k - 1)));
                Integer e = b.eliminateAtLeast().get(k - 1);
                out.add(e == null ? "-" : String.valueOf(e));
            }
            for (int from = 1; from < n.size(); from += BOUNDARY_COLUMNS) {
                int to = Math.min(n.size(), from + BOUNDARY_COLUMNS);
                for (List<String> row : List.of(n, up, down, out)) {
                    StringBuilder text = new StringBuilder(DesignOutput.left(row.get(0), LABEL));
                    for (String cell : row.subList(from, to)) {
                        text.append(DesignOutput.right(cell, 4));
                    }
                    sb.append(text.toString().stripTrailing()).append(NL);
                }
            }
        }
    }

    /** The rows of the main table for up to three designs, with the difference column when c is given. */
    private static void designRows(StringBuilder sb, EscalationScenario s, List<EscalationResult.DesignSummary> ds,
                                   EscalationResult.Comparison c, boolean perLevelDlts) {
        List<String> header = new ArrayList<>();
        for (EscalationResult.DesignSummary d : ds) {
            header.add(d.design().label());
        }
        if (c != null) {
            header.add("difference");
        }
        row(sb, "", header);
        sb.append("MTD declared").append(NL);
        for (int d = 0; d <= s.levels(); d++) {
            String label = d == 0 ? "  none (level 1 too toxic)"
                    : "  level " + d + " (DLT " + pctShort(s.dltProbabilities().get(d - 1)) + ")"
                    + (d == s.trueMtd() ? " true MTD" : "") + (d == s.levels() ? " top" : "");
            List<String> cells = new ArrayList<>();
            for (EscalationResult.DesignSummary x : ds) {
                Estimate e = x.mtdAtLevel().get(d);
                cells.add(DesignOutput.pctEstimate(e.value(), e.standardError()));
            }
            if (c != null) {
                cells.add("");
            }
            row(sb, label, cells);
        }
        row(sb, "  the true MTD (a correct choice)", cells(ds, EscalationResult.DesignSummary::correctSelection, true,
                c == null ? null : c.correctSelection(), 1));
        if (c != null) {
            row(sb, "  same level in both designs", List.of("", "", DesignOutput.pctEstimate(c.sameMtd().value(),
                    c.sameMtd().standardError())));
        }
        row(sb, "Patients treated, mean", cells(ds, EscalationResult.DesignSummary::patients, false,
                c == null ? null : c.patients(), 4));
        row(sb, "  10th / 50th / 90th percentile", quantiles(ds, EscalationResult.DesignSummary::patientsDistribution, c != null));
        row(sb, "  above the true MTD, mean", cells(ds, EscalationResult.DesignSummary::patientsAboveTrueMtd, false,
                c == null ? null : c.patientsAboveTrueMtd(), 4));
        for (int d = 1; d <= s.levels(); d++) {
            int level = d;
            row(sb, "  at level " + d + ", mean", cells(ds, x -> x.patientsAtLevel().get(level), false, null, 4));
        }
        row(sb, "Patients with a DLT, mean", cells(ds, EscalationResult.DesignSummary::dlts, false,
                c == null ? null : c.dlts(), 4));
        row(sb, "  10th / 50th / 90th percentile", quantiles(ds, EscalationResult.DesignSummary::dltsDistribution, c != null));
        if (perLevelDlts) {
            for (int d = 1; d <= s.levels(); d++) {
                int level = d;
                row(sb, "  at level " + d + ", mean", cells(ds, x -> x.dltsAtLevel().get(level), false, null, 4));
            }
        }
        row(sb, "Days to the MTD decision, mean", cells(ds, EscalationResult.DesignSummary::durationDays, false,
                c == null ? null : c.durationDays(), 4));
        row(sb, "  standard deviation", cells(ds, EscalationResult.DesignSummary::durationSdDays, false, null, 4));
        row(sb, "Days accrual suspended, mean", cells(ds, EscalationResult.DesignSummary::suspendedDays, false,
                c == null ? null : c.suspendedDays(), 4));
        if (s.whenFull() == WhenFull.LOST) {
            row(sb, "Patients lost (no slot open), mean", cells(ds, EscalationResult.DesignSummary::lostPatients, false, null, 4));
        } else {
            row(sb, "Days a patient waits, mean", cells(ds, EscalationResult.DesignSummary::waitDays, false, null, 4));
            row(sb, "Still waiting at the end, mean", cells(ds, EscalationResult.DesignSummary::leftWaiting, false, null, 4));
        }
    }

    /** The paired differences of the first design from up to three others, one column each. */
    private static void differenceRows(StringBuilder sb, List<EscalationResult.Comparison> cs, String first) {
        List<String> header = new ArrayList<>();
        for (EscalationResult.Comparison c : cs) {
            header.add("- " + c.second().label());
        }
        row(sb, "Difference, " + first, header);
        differenceRow(sb, "  the true MTD (a correct choice)", cs, EscalationResult.Comparison::correctSelection, true);
        List<String> same = new ArrayList<>();
        for (EscalationResult.Comparison c : cs) {
            same.add(DesignOutput.pctEstimate(c.sameMtd().value(), c.sameMtd().standardError()));
        }
        row(sb, "  same level declared (not a diff.)", same);
        differenceRow(sb, "  patients treated", cs, EscalationResult.Comparison::patients, false);
        differenceRow(sb, "  above the true MTD", cs, EscalationResult.Comparison::patientsAboveTrueMtd, false);
        differenceRow(sb, "  patients with a DLT", cs, EscalationResult.Comparison::dlts, false);
        differenceRow(sb, "  days to the MTD decision", cs, EscalationResult.Comparison::durationDays, false);
        differenceRow(sb, "  days accrual suspended", cs, EscalationResult.Comparison::suspendedDays, false);
    }

    private static void differenceRow(StringBuilder sb, String label, List<EscalationResult.Comparison> cs,
                                      java.util.function.Function<EscalationResult.Comparison, Estimate> f, boolean percent) {
        List<String> cells = new ArrayList<>();
        for (EscalationResult.Comparison c : cs) {
            cells.add(signed(f.apply(c), percent, 4));
        }
        row(sb, label, cells);
    }

    private static String signed(Estimate difference, boolean percent, int maxDecimals) {
        String v = percent ? DesignOutput.pctEstimate(difference.value(), difference.standardError())
                : DesignOutput.estimate(difference.value(), difference.standardError(), maxDecimals);
        return difference.value() > 0 && !v.startsWith("-") ? "+" + v : v;
    }

    private static List<String> cells(List<EscalationResult.DesignSummary> ds,
                                      java.util.function.Function<EscalationResult.DesignSummary, Estimate> f, boolean percent,
                                      Estimate difference, int maxDecimals) {
        List<String> cells = new ArrayList<>();
        for (EscalationResult.DesignSummary x : ds) {
            Estimate e = f.apply(x);
            cells.add(percent ? DesignOutput.pctEstimate(e.value(), e.standardError())
                    : DesignOutput.estimate(e.value(), e.standardError(), maxDecimals));
        }
        if (ds.size() == 2) {
            cells.add(difference == null ? "" : signed(difference, percent, maxDecimals));
        }
        return cells;
    }

    private static List<String> quantiles(List<EscalationResult.DesignSummary> ds,
                                          java.util.function.Function<EscalationResult.DesignSummary, CountDistribution> f,
                                          boolean comparison) {
        List<String> cells = new ArrayList<>();
        for (EscalationResult.DesignSummary x : ds) {
            CountDistribution d = f.apply(x);
            cells.add(d.quantile(0.1) + " / " + d.quantile(0.5) + " / " + d.quantile(0.9));
        }
        if (comparison) {
            cells.add("");
        }
        return cells;
    }

    private static void row(StringBuilder sb, String label, List<String> cells) {
        StringBuilder line = new StringBuilder(DesignOutput.left(label, LABEL));
        for (String cell : cells) {
            line.append(DesignOutput.right(cell, COLUMN));
        }
        sb.append(line.toString().stripTrailing()).append(NL);
    }

    private static String pctShort(double p) {
        return DesignOutput.num(100 * p, 2) + "%";
    }

    private static void wrap(StringBuilder sb, String text) {
        int width = 100;
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                sb.append(current).append(NL);
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0) {
            sb.append(current).append(NL);
        }
    }
}
