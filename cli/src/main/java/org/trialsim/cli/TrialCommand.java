package org.trialsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trialsim.cli.report.EarlyPhaseReport;
import org.trialsim.cli.report.Format;
import org.trialsim.cli.report.Numbers;
import org.trialsim.cli.report.Report;
import org.trialsim.cli.report.TrialReport;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.design.EarlyPhaseAnalysis;
import org.trialsim.simulator.design.EarlyPhaseResult;
import org.trialsim.simulator.explore.Shard;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.ReplicateRecords;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialsim trial <id|file>}: the operating characteristics of the protocol's trial design. */
@Command(name = TrialCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate the protocol's trial many times (patients arriving in calendar time, allocated, treated through "
                + "the pathway and analysed at the design's data cuts and interim looks) and report its operating characteristics: "
                + "power (or type I error with --null), stopping at each look, sample size, events, duration, allocation, and the "
                + "bias and coverage of the effect estimate, each with its Monte Carlo standard error.",
                "For a phase 1-2 design (aall1121) it reports both parts: the dose escalation and the Simon two-stage design."})
final class TrialCommand implements Callable<Integer> {
    /** Presenting patients screened before a trial is simulated, to refuse one that could enrol no one. */
    static final String NAME = "trial";
    static final int ELIGIBILITY_PROBE = 10_000;

    @Spec
    CommandSpec spec;

    @Mixin
    ProtocolSource source;

    @Option(names = {"-r", "--replicates"}, paramLabel = "R", defaultValue = "2000", converter = OptionRanges.Replicates.class,
            description = "Simulated trials, from 1 to 10,000,000; 1e4 means 10000 (default: ${DEFAULT-VALUE}). The Monte Carlo"
                    + " error falls as 1/√R.")
    int replicates;

    @Mixin
    RunOptions run;

    @Option(names = "--null", description = "Simulate under the null hypothesis (no difference, or the experimental arm at the design's margin) to"
            + " estimate the type I error.")
    boolean nullScenario;

    /** A phase 1-2 design has its own report, which has fewer formats; the others are refused when the design is known. */
    @Mixin
    FormatOption format = new FormatOption(TrialReport.FORMATS, EarlyPhaseReport.FORMATS);

    @Mixin
    OutputOption output;

    @Option(names = "--replicates-out", paramLabel = "FILE.csv",
            description = "Also write one row per replicate, analysis and look (look, patients, events, months, statistic,"
                    + " p-value, estimate, decision) to this CSV file ('-': standard output, when --out names a file).")
    Path replicatesOut;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run only the K-th of N contiguous slices of the replicates and write its exact partial tallies to"
                    + " --out-dir (docs/shards.md); 'trialsim merge' combines the N folders into this command's result.")
    String shard;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "With --shard: the folder the shard is written to: new or empty, or the folder of the same shard of"
                    + " the same run, which the shard resumes (the replicates finished there are not run again).")
    Path outDir;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        int workers = run.workers();
        if (replicatesOut != null) {
            output.checkApart(replicatesOut, "--replicates-out", "replicates");
        }
        Shard slice = shard();
        GuiceFactory.prepareSimulator(spec);
        LoadedProtocol loaded = source.load(spec);
        Design design = loaded.protocol().design();
        if (design == null) {
            throw UserException.usage("the protocol " + loaded.protocol().id() + " has no design section, so there is no trial to"
                    + " simulate; add one (see 'trialsim export aall1331' for a randomized design)");
        }
        Report report;
        if (design instanceof Design.EarlyPhase) {
            if (replicatesOut != null) {
                throw UserException.usage("--replicates-out applies to designs with analyses; a phase 1-2 design has no"
                        + " per-replicate looks to write");
            }
            if (slice != null) {
                throw UserException.usage("--shard applies to designs with analyses; a phase 1-2 design is run whole");
            }
            if (nullScenario) {
                throw UserException.usage("--null applies to designs with a hypothesis test; a phase 1-2 design reports its"
                        + " escalation and its exact two-stage operating characteristics under p0 and p1 already");
            }
            if (!EarlyPhaseReport.FORMATS.contains(format.get())) {
                throw UserException.usage("a phase 1-2 design is written as " + Format.list(EarlyPhaseReport.FORMATS) + ", not "
                        + format.get().id());
            }
            Simulator simulator = GuiceFactory.simulator(spec);
            EarlyPhaseResult result;
            try {
                result = simulator.earlyPhase(loaded, new EarlyPhaseAnalysis.Settings(replicates, run.seed, workers));
            } catch (IllegalArgumentException e) {
                // a valid protocol whose design has no answer, e.g. no two-stage design within the sizes exact enumeration covers
                throw new UserException(ExitCode.INVALID_INPUT, "the phase 1-2 design of " + loaded.protocol().id()
                        + " cannot be run: " + e.getMessage());
            }
            report = new EarlyPhaseReport(result, loaded);
        } else {
            Format written = format.get();
            Beforehand.start(() -> {
                loaded.contentHash();
                TrialReport.prepare(written);
            });
            Simulator simulator = GuiceFactory.simulator(spec);
            refuseIfNobodyIsEligible(simulator, loaded);
            TrialOptions options = new TrialOptions(replicates, run.seed, workers, nullScenario);
            if (slice != null) {
                TrialShards.Ran ran;
                try (ProgressDisplay progress = progressOption.display(spec, "simulating trials", "trials")) {
                    ran = TrialShards.run(outDir, loaded, slice, options, simulator.trialSimulation(loaded), progress);
                }
                if (!progressOption.quiet && ran.found() > 0) {
                    spec.commandLine().getErr().println("trialsim: resumed " + outDir + ": " + ran.found() + " of " + (ran.found()
                            + ran.ran()) + " replicates of shard " + slice + " were finished there; ran " + ran.ran());
                }
                return ExitCode.OK;
            }
            TrialResult[] result = new TrialResult[1];
            try (ProgressDisplay progress = progressOption.display(spec, "simulating trials", "trials")) {
                if (replicatesOut == null) {
                    result[0] = simulator.trial(loaded, options, progress);
                } else {
                    // the rows stream into the file while the replicates run: it is complete (and renamed into place) when the run is
                    OutputFile.write(replicatesOut, spec.commandLine().getOut(), w -> {
                        ReplicateRecords records = ReplicateRecords.to(w);
                        result[0] = simulator.trial(loaded, options, progress, records);
                    });
                }
            }
            report = new TrialReport(result[0], loaded.protocol());
        }
        output.emit(spec, w -> report.write(format.get(), w));
        return ExitCode.OK;
    }

    /** The shard asked for, or null for the whole run; checked with the other options before anything is read or run. */
    private Shard shard() throws IOException {
        Shard slice = TrialShards.parseShard(shard, outDir, output.out, "--replicates-out", replicatesOut);
        if (slice == null) {
            return null;
        }
        TrialShards.replicates(slice, replicates);
        return slice;
    }

    /**
     * Refuses a trial that could enrol no one: none of the first {@value #ELIGIBILITY_PROBE} presenting
     * patients (those the first simulated trial screens first) meets the eligibility criteria. Rather
     * than screen millions of patients and fail, it says which criteria exclude them.
     */
    void refuseIfNobodyIsEligible(Simulator simulator, LoadedProtocol loaded) {
        if (loaded.protocol().eligibility().isEmpty()) {
            return;
        }
        String arm = loaded.protocol().arms().keySet().iterator().next();
        CohortResult.Flow flow = simulator.cohort(loaded, new CohortOptions(ELIGIBILITY_PROBE, run.seed, 1, arm), Progress.NONE)
                .arms().get(0).flow();
        if (flow.enrolled() > 0) {
            return;
        }
        String excluded = flow.screenFailures().stream().filter(s -> s.firstFailed() > 0)
                .map(s -> s.criterion() + " " + Numbers.count(s.firstFailed())).collect(Collectors.joining(", "));
        throw new UserException(ExitCode.INVALID_INPUT, "no virtual patient is eligible for the trial of " + loaded.protocol().id()
                + ": none of the first " + Numbers.count(ELIGIBILITY_PROBE) + " presenting patients meets the"
                + " eligibility criteria (excluded first by " + excluded + "), so a simulated trial would enrol no one; check the"
                + " criteria against the population ('trialsim simulate' shows the screening)");
    }
}
