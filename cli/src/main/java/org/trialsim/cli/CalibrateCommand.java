package org.trialsim.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialsim.cli.report.CalibrationReport;
import org.trialsim.cli.report.FitReport;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.io.Format;
import org.trialsim.protocol.io.ProtocolWriter;
import org.trialsim.protocol.validation.NumericParameter;
import org.trialsim.simulator.calibration.CalibrationResult;
import org.trialsim.simulator.calibration.FitParameter;
import org.trialsim.simulator.calibration.FitResult;
import org.trialsim.simulator.calibration.Fitting;
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
    private static final long DEFAULT_PATIENTS = 100_000;
    /** Patients per arm of each cohort a fit simulates: tenths of a percentage point of Monte Carlo error, tens of cohorts a minute. */
    private static final long FIT_PATIENTS = 20_000;

    @Spec
    CommandSpec spec;

    @Mixin
    ProtocolSource source;

    @Option(names = {"-n", "--patients"}, paramLabel = "N", converter = OptionRanges.Patients.class,
            description = "Virtual patients per arm, from 1 to 10,000,000,000; 1e6 and 1_000_000 mean 1000000 (default:"
                    + " 100,000, whose Monte Carlo error is small beside a trial-sized interval; with --fit, 20,000 for every"
                    + " cohort the search simulates).")
    Long patients;

    @Option(names = "--fit", paramLabel = "PATH", split = ",",
            description = {"Fit these parameters (protocol paths as --set takes them, e.g."
                    + " pathway.nodes.blina-1.mrdResponse.log10Shift) to the targets: the values within their bounds whose cohort"
                    + " comes closest to the published figures, each difference divided by the target's published standard error"
                    + " (docs/fitting.md). Every cohort simulates the same virtual patients. Writes the fitted protocol to"
                    + " --out and the report, before and after, to standard output."})
    List<String> fit = new ArrayList<>();

    @Option(names = "--bounds", paramLabel = "PATH=LOW:HIGH", split = ",",
            description = "The values a fitted parameter may take, within its field's range (e.g. ...log10Shift=-4:-1); a"
                    + " parameter without bounds is searched over its field's whole range, which takes longer.")
    List<String> bounds = new ArrayList<>();

    @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "" + Fitting.DEFAULT_EVALUATIONS,
            converter = OptionRanges.FitEvaluations.class,
            description = "The most cohorts the fit's search may simulate, from 2 to 10,000 (default: ${DEFAULT-VALUE}); it"
                    + " ends earlier when it has narrowed to a thousandth of every parameter's bounds.")
    int maxEvaluations;

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
        if (fit.isEmpty() && !bounds.isEmpty()) {
            throw UserException.usage("--bounds gives the bounds of parameters to fit; name them with --fit");
        }
        if (!fit.isEmpty() && output.toStandardOutput()) {
            throw UserException.usage("--fit writes the fitted protocol to --out FILE and the report to standard output; give"
                    + " --out FITTED.yaml");
        }
        LoadedProtocol loaded = source.load();
        if (loaded.protocol().targets().isEmpty()) {
            throw UserException.usage("the protocol " + loaded.protocol().id() + " has no targets to calibrate against; add a"
                    + " 'targets' section of published figures (docs/protocol-format.md)");
        }
        if (!fit.isEmpty()) {
            return fit(loaded, workers);
        }
        CalibrationResult result;
        try (ProgressDisplay progress = progressOption.display(spec, "simulating", "patients")) {
            result = GuiceFactory.simulator(spec).calibrate(loaded, new CohortOptions(patients == null ? DEFAULT_PATIENTS : patients,
                    run.seed, workers, null), progress);
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

    /** --fit: the search, the fitted protocol to --out, the report before and after to standard output. */
    private int fit(LoadedProtocol loaded, int workers) throws Exception {
        Map<String, double[]> bounded = bounds();
        List<NumericParameter> places = new ArrayList<>();
        List<FitParameter> parameters = new ArrayList<>();
        for (String path : fit) {
            if (places.stream().anyMatch(p -> p.path().equals(path))) {
                throw UserException.usage("--fit names " + path + " twice");
            }
            NumericParameter place;
            try {
                place = NumericParameter.of(loaded.protocol(), path);
            } catch (IllegalArgumentException e) {
                throw UserException.usage("--fit " + e.getMessage());
            }
            double[] b = bounded.remove(path);
            try {
                parameters.add(FitParameter.within(place, b == null ? null : b[0], b == null ? null : b[1]));
            } catch (IllegalArgumentException e) {
                throw UserException.usage("--bounds " + e.getMessage());
            }
            places.add(place);
        }
        if (!bounded.isEmpty()) {
            throw UserException.usage("--bounds names " + String.join(", ", bounded.keySet()) + ", which --fit does not");
        }
        Fitting.Loader loader = source.loader();
        FitResult result;
        try (ProgressDisplay progress = progressOption.display(spec, "fitting", "cohorts")) {
            result = GuiceFactory.simulator(spec).fit(loader, parameters, maxEvaluations,
                    new CohortOptions(patients == null ? FIT_PATIENTS : patients, run.seed, workers, null), progress);
        }
        LoadedProtocol fitted = loader.load(Fitting.protocolChanges(result, places));
        Format written = output.out.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? Format.JSON : Format.YAML;
        String text = ProtocolWriter.write(fitted.protocol(), written);
        output.emit(spec, w -> w.write(text));
        FitReport report = new FitReport(result, loaded.protocol(), output.out.toString());
        report.write(format.get(), spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        long missed = result.after().missed();
        if (check && missed > 0) {
            spec.commandLine().getErr().println("trialsim: " + missed + " of " + result.after().targets().size()
                    + " targets missed after the fit (the report says which)");
            return ExitCode.TARGETS_MISSED;
        }
        return ExitCode.OK;
    }

    /** --bounds as path → {low, high}; a malformed one is a usage error naming it. */
    private Map<String, double[]> bounds() {
        Map<String, double[]> parsed = new LinkedHashMap<>();
        for (String b : bounds) {
            int eq = b.indexOf('=');
            int colon = b.indexOf(':', eq + 1);
            BigDecimal low = eq > 0 && colon > eq ? NumberText.parse(b.substring(eq + 1, colon).strip()) : null;
            BigDecimal high = eq > 0 && colon > eq ? NumberText.parse(b.substring(colon + 1).strip()) : null;
            if (low == null || high == null) {
                throw UserException.usage("--bounds " + b + " is not PATH=LOW:HIGH with two numbers, e.g."
                        + " pathway.nodes.blina-1.mrdResponse.log10Shift=-4:-1");
            }
            String path = b.substring(0, eq).strip();
            if (parsed.put(path, new double[] {low.doubleValue(), high.doubleValue()}) != null) {
                throw UserException.usage("--bounds names " + path + " twice");
            }
        }
        return parsed;
    }
}
