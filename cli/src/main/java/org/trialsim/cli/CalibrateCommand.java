package org.trialsim.cli;

import java.util.concurrent.Callable;
import org.trialsim.cli.report.CalibrationReport;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.calibration.CalibrationResult;
import org.trialsim.simulator.cohort.CohortOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialsim calibrate <id|file>}: the protocol's published targets against a simulated cohort. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare the protocol's published targets (its 'targets' section) with a cohort simulated on every arm:"
                + " each target's published value against the simulated one, with the 95%% interval a trial of the target's own"
                + " size would see, and whether the target is met (the published value within that interval, or the simulated"
                + " value within the published interval)."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProtocolSource source;

    @Option(names = {"-n", "--patients"}, paramLabel = "N", defaultValue = "100000", converter = OptionRanges.Patients.class,
            description = "Virtual patients per arm, from 1 to 10,000,000,000; 1e6 and 1_000_000 mean 1000000 (default:"
                    + " ${DEFAULT-VALUE}, whose Monte Carlo error is small beside a trial-sized interval).")
    long patients;

    @Mixin
    RunOptions run;

    @Option(names = "--check", description = "Exit with code " + ExitCode.TARGETS_MISSED + " when a target is missed (after"
            + " writing the report), for a protocol's own continuous integration.")
    boolean check;

    @Mixin
    FormatOption format = new FormatOption(CalibrationReport.FORMATS);

    @Mixin
    OutputOption output;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        int workers = run.workers();
        GuiceFactory.prepareSimulator(spec);
        LoadedProtocol loaded = source.load();
        if (loaded.protocol().targets().isEmpty()) {
            throw UserException.usage("the protocol " + loaded.protocol().id() + " has no targets to calibrate against; add a"
                    + " 'targets' section of published figures (docs/protocol-format.md)");
        }
        CalibrationResult result;
        try (ProgressDisplay progress = progressOption.display(spec, "simulating", "patients")) {
            result = GuiceFactory.simulator(spec).calibrate(loaded, new CohortOptions(patients, run.seed, workers, null), progress);
        }
        CalibrationReport report = new CalibrationReport(result, loaded.protocol());
        output.emit(spec, w -> report.write(format.get(), w));
        long missed = result.missed();
        if (check && missed > 0) {
            spec.commandLine().getErr().println("trialsim: " + missed + " of " + result.targets().size()
                    + " targets missed (the report says which)");
            return ExitCode.TARGETS_MISSED;
        }
        return ExitCode.OK;
    }
}
