package org.trialsim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialsim.protocol.ControlCharacters;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Design.Escalation.WhenFull;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.design.EarlyPhaseAnalysis;
import org.trialsim.simulator.design.escalation.Arrivals;
import org.trialsim.simulator.design.escalation.CountDistribution;
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

/** {@code trialsim escalate}: rolling six and 3+3 dose escalation simulated in calendar time. */
@Command(name = "escalate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate rolling-six and 3+3 dose escalation in calendar time.",
                "Patients arrive at random, each is evaluable for dose-limiting toxicity (DLT) after a window, and a"
                        + " patient arriving while no slot is open is lost or waits. Reports, per design, how often each"
                        + " level is declared the MTD, patients, DLTs, duration and suspended accrual, each with its Monte"
                        + " Carlo standard error. With --design both, the rolling six and the 3+3 meet the same patients"
                        + " (common random numbers) and are compared trial by trial."},
        footer = {"", "Examples:",
                "  trialsim escalate --dlt-probs 0.05,0.10,0.25,0.40",
                "  trialsim escalate --design rolling-six --dlt-probs 0.1,0.2,0.35 --when-full wait",
                "  trialsim escalate --protocol aall1121"})
final class EscalateCommand implements Callable<Integer> {
    private static final String NL = System.lineSeparator();
    private static final int LABEL = 34;
    private static final int COLUMN = 20;

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

    @Option(names = "--protocol", paramLabel = "ID|FILE",
            description = "Take the dose levels, DLT probabilities, start level, DLT window and arrival rate from this"
                    + " protocol's phase-1-2 design; options given here override it.")
    String protocol;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    DesignOutput.Format format;

    @Mixin
    OutputOption output;

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
            return new EscalationScenario(dltProbs, start, gap, arrivals, window, whenFull, targetDlt);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
    }

    static String table(EscalationResult r, List<Double> doses, String unit, LoadedProtocol loaded) {
        EscalationScenario s = r.scenario();
        List<EscalationResult.DesignSummary> ds = r.designs();
        EscalationResult.Comparison c = r.comparison();
        StringBuilder sb = new StringBuilder();
        String names = ds.size() == 1 ? ds.get(0).design().label()
                : ds.get(0).design().label() + " vs " + ds.get(1).design().label();
        sb.append("Dose escalation in calendar time: ").append(names).append(", ").append(r.replicates())
                .append(" simulated trials").append(ds.size() == 1 ? "" : " each").append(NL);
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
        wrap(sb, s.trueMtd() == 0 ? "True MTD: none, since even level 1 has a DLT probability above " + pctShort(s.targetDltRate()) + "."
                : "True MTD: level " + s.trueMtd() + ", the highest with a DLT probability of at most "
                + pctShort(s.targetDltRate()) + ".");
        wrap(sb, "Patients arrive " + (s.arrivals() == Arrivals.REGULAR ? "every " : "on average every ")
                + DesignOutput.num(s.interarrivalDays()) + " days" + (s.arrivals() == Arrivals.REGULAR ? "" : " (exponential gaps)")
                + "; DLT window " + DesignOutput.num(s.dltWindowDays()) + " days; a patient arriving while accrual is suspended "
                + (s.whenFull() == WhenFull.LOST ? "is lost." : "waits for a slot."));
        wrap(sb, "Seed " + r.seed() + "; ± is one Monte Carlo standard error."
                + (c == null ? "" : " Differences are " + ds.get(0).design().label() + " minus " + ds.get(1).design().label()
                + ", trial by trial on the same patients."));
        sb.append(NL);

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
        sb.append(NL);
        wrap(sb, "Declaring the top level means no level was too toxic (the MTD was not reached). The MTD is the"
                + " highest level with at most 1 DLT in 6 patients whose next level had 2 or more DLTs. Days run from"
                + " the opening of the trial to the MTD decision.");
        return sb.toString();
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
            if (difference == null) {
                cells.add("");
            } else {
                String v = percent ? DesignOutput.pctEstimate(difference.value(), difference.standardError())
                        : DesignOutput.estimate(difference.value(), difference.standardError(), maxDecimals);
                cells.add(difference.value() > 0 && !v.startsWith("-") ? "+" + v : v);
            }
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
