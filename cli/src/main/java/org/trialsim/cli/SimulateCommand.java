package org.trialsim.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialsim.cli.report.CohortReport;
import org.trialsim.cli.report.Format;
import org.trialsim.cli.report.Numbers;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortPartial;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.FollowUpWindow;
import org.trialsim.simulator.explore.Shard;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialsim simulate <id|file>}: virtual patients through a protocol, on every arm. */
@Command(name = SimulateCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate virtual patients through a protocol: the flow through every decision point, MRD response,"
                + " event-free, disease-free and overall survival, competing risks, toxicity, transplant, time on therapy"
                + " and cost. Every arm is simulated on the same virtual patients (one seed, the same patients)."})
final class SimulateCommand implements Callable<Integer> {
    /** Above this many patients, --records needs --force: a row per patient makes a large file. */
    static final String NAME = "simulate";
    static final long RECORDS_WITHOUT_FORCE = 1_000_000;

    @Spec
    CommandSpec spec;

    @Mixin
    ProtocolSource source;

    @Option(names = {"-n", "--patients"}, paramLabel = "N", defaultValue = "100000", converter = OptionRanges.Patients.class,
            description = "Virtual patients per arm, from 1 to 10,000,000,000; 1e6 and 1_000_000 mean 1000000 (default:"
                    + " ${DEFAULT-VALUE}).")
    long patients;

    @Mixin
    RunOptions run;

    @Option(names = "--arm", paramLabel = "A", description = "Simulate only this arm.")
    String arm;

    @Option(names = "--by", paramLabel = "GROUP", description = "Also report every arm among the enrolled patients of each"
            + " group: 'risk' (the risk group at enrolment), a categorical or yes/no covariate (each level), 'COVARIATE:C1,C2'"
            + " (a numeric covariate cut at C1 < C2: below C1, from C1 to below C2, from C2), or 'mrd:ASSESSMENT[:L1,L2]' (MRD"
            + " at the assessment cut at levels, by default its detection limit and thresholds, and those not assessed)."
            + " Table and JSON only.")
    String by;

    @Option(names = "--follow-up", paramLabel = "SHORTEST,LONGEST",
            description = "Also report, per arm, the first events a data cut would count when each patient is followed from the"
                    + " endpoint's origin for a time uniform between SHORTEST and LONGEST months (e.g. 0,44.8; 36,36 for everyone"
                    + " followed 36 months): the expected count and share of each kind of first event. May be repeated.")
    List<String> followUp = List.of();

    @Option(names = "--hazard-ratio", description = "Also report each arm's hazard ratio against the control arm (the first arm, or"
            + " --versus), per endpoint: Cox regression of the first event on the arm, on the same virtual patients, with its 95%%"
            + " interval. Needs every arm simulated, at most 2,147,483,647 patients per arm.")
    boolean hazardRatio;

    @Option(names = "--versus", paramLabel = "ARM", description = "The control arm of --hazard-ratio (implies it; default: the"
            + " protocol's first arm).")
    String versus;

    @Mixin
    FormatOption format = new FormatOption(CohortReport.FORMATS);

    @Mixin
    OutputOption output;

    @Option(names = "--records", paramLabel = "FILE.csv",
            description = "Also write one row per virtual patient (covariates, arm, risk, route, MRD, events) to this CSV file"
                    + " ('-': standard output, when --out names a file).")
    Path records;

    @Option(names = "--force", description = "Allow --records with more than 1,000,000 patients.")
    boolean force;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run only the K-th of N contiguous slices of the patients and write its exact partial tallies to"
                    + " --out-dir (docs/shards.md); 'trialsim merge' combines the N folders into this command's result.")
    String shard;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "With --shard: the new or empty folder the shard is written to.")
    Path outDir;

    @Mixin
    ProgressOption progressOption;

    /** How the whole run's cohort is simulated: here, on this machine's threads; trialsim-spark runs it on Spark. */
    CohortRunner runner = Simulator::cohort;

    /** Runs a whole cohort (docs/spark.md); every check of the command's options is made before it is called. */
    interface CohortRunner {
        CohortResult run(Simulator simulator, LoadedProtocol loaded, CohortOptions options, Progress progress) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        int workers = run.workers();
        if (records != null && patients > RECORDS_WITHOUT_FORCE && !force) {
            throw UserException.usage("--records writes a row per patient: " + Numbers.count(patients)
                    + " patients would make a very large file; add --force if that is what you want");
        }
        if (records != null) {
            output.checkApart(records, "--records", "records");
        }
        Shard slice = shard();
        GuiceFactory.prepareSimulator(spec);
        LoadedProtocol loaded = source.load(spec);
        if (arm != null && !loaded.protocol().arms().containsKey(arm)) {
            throw UserException.usage("the protocol " + loaded.protocol().id() + " has no arm '" + arm + "'; its arms are "
                    + String.join(", ", loaded.protocol().arms().keySet()));
        }
        CohortOptions options = new CohortOptions(patients, run.seed, workers, arm).subgroups(subgroups(loaded))
                .cuts(cuts(loaded)).versus(controls(loaded));
        Simulator simulator = GuiceFactory.simulator(spec);
        if (slice != null) {
            IndexRange range = CohortShards.patients(slice, patients);
            CohortPartial partial;
            try (ProgressDisplay progress = progressOption.display(spec, "simulating", "patients")) {
                partial = simulator.cohortSimulation(loaded).runPart(options, range, progress);
            }
            CohortShards.write(outDir, loaded, slice, partial);
            return ExitCode.OK;
        }
        CohortResult result;
        try (ProgressDisplay progress = progressOption.display(spec, "simulating", "patients")) {
            result = runner.run(simulator, loaded, options, progress);
        }
        if (records != null) {
            try (ProgressDisplay progress = progressOption.display(spec, "writing records", "patients")) {
                OutputFile.write(records, spec.commandLine().getOut(), w -> simulator.records(loaded, options, w, progress));
            }
        }
        CohortReport report = new CohortReport(result, loaded.protocol());
        output.emit(spec, w -> report.write(format.get(), w));
        return ExitCode.OK;
    }

    /** The shard asked for, or null for the whole run; checked with the other options before anything is read or run. */
    private Shard shard() throws IOException {
        Shard slice = TrialShards.parseShard(shard, outDir, output.out, "--records", records);
        if (slice == null) {
            return null;
        }
        CohortShards.patients(slice, patients);
        TrialShards.checkEmpty(outDir);
        return slice;
    }

    /** The subgroups --by asks for ({@link Grouping}), reported in the table and JSON formats. */
    private List<String> subgroups(LoadedProtocol loaded) {
        if (by == null) {
            return List.of();
        }
        List<String> conditions = Grouping.conditions(by, loaded.protocol());
        if (format.get() != Format.TABLE && format.get() != Format.JSON) {
            throw UserException.usage("--by is reported in the table and JSON formats, not " + format.get().name().toLowerCase(
                    Locale.ROOT));
        }
        return conditions;
    }

    /** The control arm --hazard-ratio or --versus asks for: every other arm is compared with it. */
    private List<String> controls(LoadedProtocol loaded) {
        if (!hazardRatio && versus == null) {
            return List.of();
        }
        var arms = loaded.protocol().arms().keySet();
        if (arms.size() < 2) {
            throw UserException.usage("--hazard-ratio compares arms, and the protocol " + loaded.protocol().id() + " has one");
        }
        if (arm != null) {
            throw UserException.usage("--hazard-ratio compares every arm with the control, so it needs every arm simulated; leave"
                    + " out --arm");
        }
        if (patients > CohortOptions.MAX_PATIENTS_FOR_HAZARD_RATIOS) {
            throw UserException.usage("--hazard-ratio is fitted for at most " + Numbers.count(CohortOptions.MAX_PATIENTS_FOR_HAZARD_RATIOS)
                    + " patients per arm (the Cox fit counts them in an int), not " + Numbers.count(patients));
        }
        if (versus != null && !arms.contains(versus)) {
            throw UserException.usage("--versus: the protocol " + loaded.protocol().id() + " has no arm '" + versus + "'; its arms are "
                    + String.join(", ", arms));
        }
        return List.of(versus != null ? versus : arms.iterator().next());
    }

    /**
     * The data cuts --follow-up asks for: two numbers each, the shortest first, within the protocol's
     * follow-up (a cohort is followed no further).
     */
    private List<FollowUpWindow> cuts(LoadedProtocol loaded) {
        double horizonMonths = loaded.protocol().followUp().horizonYears() * 12;
        List<FollowUpWindow> cuts = new ArrayList<>();
        for (String text : followUp) {
            String[] parts = text.split(",", -1);
            BigDecimal shortest = parts.length == 2 ? NumberText.parse(parts[0].strip()) : null;
            BigDecimal longest = parts.length == 2 ? NumberText.parse(parts[1].strip()) : null;
            if (shortest == null || longest == null) {
                throw UserException.usage("--follow-up takes two numbers of months, the shortest and the longest follow-up at the"
                        + " data cut, e.g. 0,44.8; not '" + text + "'");
            }
            double a = shortest.doubleValue();
            double b = longest.doubleValue();
            if (!(a >= 0 && a <= b)) {
                throw UserException.usage("--follow-up " + text + ": the shortest follow-up must be at least 0 and at most the longest");
            }
            if (b > horizonMonths + 1e-9) {
                throw UserException.usage("--follow-up " + text + ": the longest follow-up is beyond the protocol's follow-up of "
                        + Numbers.given(horizonMonths) + " months (followUp.horizonYears), and a cohort is followed no further");
            }
            cuts.add(new FollowUpWindow(a, b));
        }
        return cuts;
    }
}
