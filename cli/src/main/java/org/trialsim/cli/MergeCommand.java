package org.trialsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialsim.cli.report.CohortReport;
import org.trialsim.cli.report.ExploreReport;
import org.trialsim.cli.report.Format;
import org.trialsim.cli.report.TrialReport;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.explore.Exploration;
import org.trialsim.simulator.explore.ExplorationFolderException;
import org.trialsim.simulator.explore.ExploreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trialsim merge DIR...}: the result of an exploration from the folders its shards were run
 * into ({@code explore --shard K/N --out-dir DIR}), the same, byte for byte, as one run of the whole
 * sweep gives. Nothing is simulated.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Combine the folders of an exploration's shards (explore --shard K/N --out-dir DIR), of a trial's (trial --shard"
                + " K/N --out-dir DIR) or of a cohort's (simulate --shard K/N --out-dir DIR) into its result: the same, byte for"
                + " byte, as one run of the whole sweep, trial or cohort"
                + " (docs/shards.md). Nothing is simulated.",
                "Every shard must be given once, finished, and of the same sweep, seed and replicates; a folder of a whole run"
                        + " (explore --out-dir DIR) alone gives its result again."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The folder of each shard, in any order.")
    List<Path> folders;

    @Mixin
    FormatOption format = new FormatOption(ExploreReport.FORMATS, TrialReport.FORMATS, CohortReport.FORMATS);

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws Exception {
        if (folders.stream().anyMatch(TrialShards::isTrialShard)) {
            return mergeTrial();
        }
        if (folders.stream().anyMatch(CohortShards::isCohortShard)) {
            return mergeCohort();
        }
        for (Path dir : folders) {
            if (Files.isDirectory(dir) && !Files.exists(dir.resolve(TrialShards.MANIFEST))) {
                throw UserException.usage("'" + dir + "' has no " + TrialShards.MANIFEST + ": it is neither a folder of 'explore"
                        + " --out-dir' nor a shard of 'trial --shard' or 'simulate --shard', which are what merge combines");
            }
        }
        if (!ExploreReport.FORMATS.contains(format.get())) {
            throw UserException.usage("an exploration is written as " + Format.list(ExploreReport.FORMATS) + ", not " + format.get().id());
        }
        ExploreResult result;
        try {
            GuiceFactory.prepareSimulator(spec);
            Simulator simulator = GuiceFactory.simulator(spec);
            result = Exploration.merge(folders, simulator::trialSimulation);
        } catch (ExplorationFolderException e) {
            throw UserException.usage(e.getMessage());
        }
        ExploreCommand.write(spec, format, output, result);
        return ExitCode.OK;
    }

    /** The folders of a trial's shards ({@code trial --shard K/N --out-dir DIR}): the result one {@code trial} run gives. */
    private Integer mergeTrial() throws Exception {
        for (Path dir : folders) {
            if (Files.isRegularFile(dir.resolve(TrialShards.MANIFEST)) && !TrialShards.isTrialShard(dir)) {
                throw UserException.usage("'" + dir + "' is not a trial shard's folder, and '" + folders.stream()
                        .filter(TrialShards::isTrialShard).findFirst().orElseThrow() + "' is: a merge combines the shards of one"
                        + " trial run, one simulate run, or one exploration");
            }
        }
        if (!TrialReport.FORMATS.contains(format.get())) {
            throw UserException.usage("a trial is written as " + Format.list(TrialReport.FORMATS) + ", not " + format.get().id());
        }
        GuiceFactory.prepareSimulator(spec);
        TrialShards.Result merged = TrialShards.merge(folders, GuiceFactory.simulator(spec));
        TrialReport report = new TrialReport(merged.result(), merged.loaded().protocol());
        output.emit(spec, w -> report.write(format.get(), w));
        return ExitCode.OK;
    }

    /** The folders of a cohort's shards ({@code simulate --shard K/N --out-dir DIR}): the result one {@code simulate} run gives. */
    private Integer mergeCohort() throws Exception {
        for (Path dir : folders) {
            if (!CohortShards.isCohortShard(dir)) {
                throw UserException.usage("'" + dir + "' is not a cohort shard's folder, and '" + folders.stream()
                        .filter(CohortShards::isCohortShard).findFirst().orElseThrow() + "' is: a merge combines the shards of one"
                        + " simulate run, one trial run, or one exploration");
            }
        }
        if (!CohortReport.FORMATS.contains(format.get())) {
            throw UserException.usage("a cohort is written as " + Format.list(CohortReport.FORMATS) + ", not " + format.get().id());
        }
        GuiceFactory.prepareSimulator(spec);
        CohortShards.Result merged = CohortShards.merge(folders, GuiceFactory.simulator(spec));
        if (merged.result().subgroups() != null && format.get() != Format.TABLE && format.get() != Format.JSON) {
            throw UserException.usage("the shards were run with --by, which is reported in the table and JSON formats, not "
                    + format.get().id());
        }
        CohortReport report = new CohortReport(merged.result(), merged.loaded().protocol());
        output.emit(spec, w -> report.write(format.get(), w));
        return ExitCode.OK;
    }
}
