package org.trialsim.cli;

import java.io.IOException;
import java.nio.file.Path;
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
import org.trialsim.simulator.explore.Shard;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialsim simulate <id|file>}: virtual patients through a protocol, on every arm. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate virtual patients through a protocol: the flow through every decision point, MRD response,"
                + " event-free, disease-free and overall survival, competing risks, toxicity, transplant, time on therapy"
                + " and cost. Every arm is simulated on the same virtual patients (one seed, the same patients)."})
final class SimulateCommand implements Callable<Integer> {
    /** Above this many patients, --records needs --force: a row per patient makes a large file. */
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
            + " level of GROUP; 'risk' (the risk group at enrolment) is the one grouping. Table and JSON only.")
    String by;

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
        LoadedProtocol loaded = source.load();
        if (arm != null && !loaded.protocol().arms().containsKey(arm)) {
            throw UserException.usage("the protocol " + loaded.protocol().id() + " has no arm '" + arm + "'; its arms are "
                    + String.join(", ", loaded.protocol().arms().keySet()));
        }
        CohortOptions options = new CohortOptions(patients, run.seed, workers, arm).subgroups(subgroups(loaded));
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
        if (shard == null) {
            if (outDir != null) {
                throw UserException.usage("--out-dir applies with --shard K/N; without it, write the result with --out FILE");
            }
            return null;
        }
        Shard slice;
        try {
            slice = Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw UserException.usage("--shard: " + e.getMessage());
        }
        if (outDir == null) {
            throw UserException.usage("--shard " + shard + " writes the shard's partial tallies to a folder: give it with --out-dir DIR");
        }
        if (output.out != null) {
            throw UserException.usage("--shard " + shard + " writes no result, only the shard's partial tallies to --out-dir;"
                    + " 'trialsim merge' writes the result (with --out) once every shard has run");
        }
        if (records != null) {
            throw UserException.usage("--records applies to a whole run, not to --shard " + shard);
        }
        CohortShards.patients(slice, patients);
        TrialShards.checkEmpty(outDir);
        return slice;
    }

    /** The subgroups --by asks for: one condition per risk group, in the protocol's order. */
    private List<String> subgroups(LoadedProtocol loaded) {
        if (by == null) {
            return List.of();
        }
        if (!by.equals("risk")) {
            throw UserException.usage("--by takes 'risk' (the risk group at enrolment), not '" + by + "'");
        }
        if (format.get() != Format.TABLE && format.get() != Format.JSON) {
            throw UserException.usage("--by is reported in the table and JSON formats, not " + format.get().name().toLowerCase(
                    Locale.ROOT));
        }
        return loaded.protocol().riskGroups().groups().keySet().stream().map(g -> "risk == \"" + g + "\"").toList();
    }
}
