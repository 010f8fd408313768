package org.trialsim.simulator;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.Limits;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.calibration.Calibration;
import org.trialsim.simulator.calibration.CalibrationResult;
import org.trialsim.simulator.calibration.FitParameter;
import org.trialsim.simulator.calibration.FitResult;
import org.trialsim.simulator.calibration.Fitting;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.CohortSimulation;
import org.trialsim.simulator.cohort.PatientRecords;
import org.trialsim.simulator.design.EarlyPhaseAnalysis;
import org.trialsim.simulator.design.EarlyPhaseResult;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.design.escalation.EscalationSimulation;
import org.trialsim.simulator.design.simon.OperatingCharacteristics;
import org.trialsim.simulator.design.simon.SimonDesign;
import org.trialsim.simulator.design.simon.SimonSearch;
import org.trialsim.simulator.design.simon.SimonSearchResult;
import org.trialsim.simulator.design.sizing.SurvivalResult;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.explore.Exploration;
import org.trialsim.simulator.explore.Trials;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.ReplicateListener;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * The front door to everything trialsim does, for Java programs as for its command line: load a
 * protocol (a built-in or a file), simulate a cohort of virtual patients through it, write their
 * records, compare it with its published targets, simulate its trial design many times, run a phase I/II design, and the design calculators
 * (dose escalation, Simon's two-stage designs). Results are immutable values; the same seed gives the
 * same result for any thread count.
 *
 * <pre>{@code
 * Simulator simulator = new Simulator();
 * LoadedProtocol protocol = simulator.load("aall1331");
 * TrialResult power = simulator.trial(protocol, TrialOptions.of(2_000).seed(7));
 * TrialResult typeOne = simulator.trial(protocol, TrialOptions.of(2_000).seed(7).underNull());
 * }</pre>
 *
 * <p>Obtain it from Guice ({@link SimulatorModule}: with the extensions on the class path) or construct
 * it directly (with the built-in implementations only). Thread-safe: one instance can serve many runs,
 * one after the other or at the same time.
 */
@Singleton
public final class Simulator {
    /** The protocol compiled last, kept so that several runs on one loaded protocol compile it once. */
    private volatile CompiledProtocol lastCompiled;
    /** The registry, asked for only when a trial needs it: a simulator made without Guice loads none for other runs. */
    private final Supplier<Registry> registry;

    /** A simulator whose trials choose allocation methods and spending functions from the given registry. */
    @Inject
    public Simulator(Registry registry) {
        this.registry = () -> registry;
    }

    /** A simulator with the built-in implementations only. */
    public Simulator() {
        this.registry = Registry::builtIns;
    }

    /**
     * Loads a built-in protocol by id (see {@link BuiltinProtocols#IDS}) or reads a protocol file
     * (YAML or JSON), applies the changes given (each {@code path=value}, as {@code --set} on the
     * command line) and validates the result.
     *
     * @throws ProtocolException        if the protocol is not valid, with every problem and where it is
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if a change is not of the form {@code path=value}
     */
    public LoadedProtocol load(String idOrFile, String... settings) throws IOException, ProtocolException {
        List<Setting> changes = Arrays.stream(settings).map(Setting::parse).toList();
        if (BuiltinProtocols.exists(idOrFile)) {
            return BuiltinProtocols.load(idOrFile, changes);
        }
        return new ProtocolReader().read(Path.of(idOrFile), changes);
    }

    /** Simulates a cohort, as {@link #cohort(LoadedProtocol, CohortOptions, Progress)} without progress reports. */
    public CohortResult cohort(LoadedProtocol protocol, CohortOptions options) {
        return cohort(protocol, options, Progress.NONE);
    }

    /**
     * Simulates a cohort: the same virtual patients on each arm of the protocol.
     *
     * @param protocol a validated protocol
     * @param options  patients, seed, threads and arm
     * @param progress receives progress from worker threads
     * @throws IllegalArgumentException if the options name an arm the protocol does not have
     */
    public CohortResult cohort(LoadedProtocol protocol, CohortOptions options, Progress progress) {
        return new CohortSimulation(compiled(protocol)).run(options, progress);
    }

    /**
     * The cohort simulation of the protocol, for a run in slices of its patients
     * ({@link CohortSimulation#runPart}, e.g. {@code simulate --shard K/N} or a Spark task), the codec of
     * their partial tallies and their exact merge.
     */
    public CohortSimulation cohortSimulation(LoadedProtocol protocol) {
        return new CohortSimulation(compiled(protocol));
    }

    /**
     * Compares the protocol's published targets with a cohort simulated on every arm: each with its
     * simulated value, the interval a trial of the target's own size would see, and the verdict
     * (docs/calibration.md).
     *
     * @param protocol a validated protocol
     * @param options  patients, seed and threads; the arm, if any, is ignored: targets name their arms
     * @param progress receives progress from worker threads
     * @throws IllegalArgumentException if the protocol has no targets
     */
    public CalibrationResult calibrate(LoadedProtocol protocol, CohortOptions options, Progress progress) {
        if (protocol.protocol().targets().isEmpty()) {
            throw new IllegalArgumentException("the protocol " + protocol.protocol().id() + " has no targets");
        }
        CohortOptions everyArm = Calibration.options(protocol.protocol(), options);
        return Calibration.of(protocol.protocol(), cohort(protocol, everyArm, progress));
    }

    /**
     * Fits parameters of the protocol to its targets (docs/fitting.md): every evaluation
     * simulates a cohort of every arm with the same seed (common random numbers), so the distance to the
     * targets is a deterministic function of the parameters.
     *
     * @param loader         loads the protocol with the parameters' values set (the first call has no changes)
     * @param parameters     the parameters with their bounds ({@link FitParameter#within})
     * @param maxEvaluations the most cohorts the search may simulate
     * @param options        patients per arm, seed and threads of every cohort; the arm, if any, is ignored
     * @param progress       told of each cohort simulated, of {@code maxEvaluations + 2}
     * @throws ProtocolException        if the protocol as loaded first is not valid
     * @throws IllegalArgumentException if the protocol has no targets
     */
    public FitResult fit(Fitting.Loader loader, List<FitParameter> parameters, int maxEvaluations, CohortOptions options,
                         Progress progress) throws ProtocolException {
        LoadedProtocol protocol = loader.load(List.of());
        CohortOptions everyArm = Calibration.options(protocol.protocol(), options);
        return Fitting.fit(protocol.protocol(), parameters, maxEvaluations,
                changes -> cohort(changes.isEmpty() ? protocol : loader.load(changes), everyArm, Progress.NONE), progress);
    }

    /**
     * Writes one CSV row per virtual patient of the cohort the options describe: the same patients as
     * {@link #cohort}, in patient order (columns in docs/patient-records.md).
     */
    public void records(LoadedProtocol protocol, CohortOptions options, Writer out, Progress progress) throws IOException {
        new PatientRecords(compiled(protocol)).write(options, out, progress);
    }

    /** Simulates the trial design, as {@link #trial(LoadedProtocol, TrialOptions, Progress)} without progress reports. */
    public TrialResult trial(LoadedProtocol protocol, TrialOptions options) {
        return trial(protocol, options, Progress.NONE);
    }

    /**
     * Simulates the protocol's trial design many times: its operating characteristics.
     *
     * @param protocol a validated protocol whose design has analyses (randomized or single-arm)
     * @param options  replicates, seed, threads and scenario
     * @param progress receives progress from worker threads
     * @throws IllegalArgumentException if the protocol's design has no analyses to simulate
     * @throws org.trialsim.simulator.run.SimulationException if the run cannot be made (too few eligible patients, not enough memory)
     * @throws org.trialsim.simulator.run.InvalidProtocolException if the design names an allocation
     *         method or spending function the registry does not have, or one that refuses its settings
     */
    public TrialResult trial(LoadedProtocol protocol, TrialOptions options, Progress progress) {
        return new TrialSimulation(compiled(protocol), registry.get()).run(options, progress);
    }

    /**
     * Simulates the trial design as {@link #trial(LoadedProtocol, TrialOptions, Progress)} does, and hands
     * every replicate's looks to the listener in replicate order as the run goes (e.g.
     * {@link org.trialsim.simulator.trial.ReplicateRecords}, the CSV of docs/replicate-records.md).
     *
     * @throws IOException what the listener threw; the run stops there
     */
    public TrialResult trial(LoadedProtocol protocol, TrialOptions options, Progress progress, ReplicateListener replicates)
            throws IOException {
        return new TrialSimulation(compiled(protocol), registry.get()).run(options, progress, replicates);
    }

    /**
     * The simulation of the protocol's trial design, for a run in slices of its replicates
     * ({@link TrialSimulation#runPart}, e.g. {@code trial --shard K/N}) and their exact merge.
     *
     * @throws IllegalArgumentException as {@link #trial(LoadedProtocol, TrialOptions, Progress)}
     */
    public TrialSimulation trialSimulation(LoadedProtocol protocol) {
        return new TrialSimulation(compiled(protocol), registry.get());
    }

    /**
     * An exploration of the sweep (docs/explore.md): {@link Exploration#check()} checks every cell at
     * once, {@link Exploration#run} simulates them on common random numbers. The sweep's protocol file,
     * if it names one, is read once, when first needed.
     */
    public Exploration exploration(Sweep sweep) {
        return Exploration.of(sweep, trials(sweep));
    }

    /**
     * What an exploration of the sweep asks of the simulator: each cell's protocol, read and checked, and
     * its trial simulated. The sweep's protocol file, if it names one, is read once, when first needed;
     * each call of {@code load} reads and checks the protocol anew (trialsim-spark keeps them, docs/spark.md).
     */
    public Trials trials(Sweep sweep) {
        return new Trials() {
            private byte[] file;

            @Override
            public LoadedProtocol load(List<Setting> settings) throws IOException, ProtocolException {
                if (BuiltinProtocols.exists(sweep.protocol())) {
                    return BuiltinProtocols.load(sweep.protocol(), settings);
                }
                Path path = sweep.folder() == null ? Path.of(sweep.protocol())
                        : Path.of(sweep.folder()).resolve(sweep.protocol()).normalize();
                if (file == null) {
                    try (InputStream in = Files.newInputStream(path)) {
                        file = in.readNBytes(Limits.DEFAULT.maxBytes() + 1);
                    }
                }
                return new ProtocolReader().read(path.toString(), file, settings);
            }

            @Override
            public List<String> analyses(LoadedProtocol protocol) {
                return new TrialSimulation(compiled(protocol), registry.get()).analysisLabels();
            }

            @Override
            public TrialResult run(LoadedProtocol protocol, TrialOptions options, Progress progress, ReplicateListener replicates)
                    throws IOException {
                return trial(protocol, options, progress, replicates);
            }

            @Override
            public TrialSimulation simulation(LoadedProtocol protocol) {
                return trialSimulation(protocol);
            }

            @Override
            public AnalyticSize analyticSize(LoadedProtocol protocol, int analysis, double power) {
                ProtocolSurvival sizing = ProtocolSurvival.of(protocol, analysis - 1);
                if (sizing.question() == null) {
                    return AnalyticSize.none(sizing.unavailable());
                }
                try {
                    SurvivalResult r = sizing.question().sampleSize(power);
                    return new AnalyticSize(r.events(), r.patients(), r.studyMonths(), null);
                } catch (IllegalArgumentException e) {
                    return AnalyticSize.none(e.getMessage());
                }
            }
        };
    }

    /**
     * Runs both parts of a phase I/II design: the dose escalation (simulated in calendar time, the
     * protocol's method against the one it is usually compared with, on the same patients) and the exact Simon two-stage design.
     *
     * @throws IllegalArgumentException if the protocol's design is not a phase-1-2 design
     */
    public EarlyPhaseResult earlyPhase(LoadedProtocol protocol, EarlyPhaseAnalysis.Settings settings) {
        if (!(protocol.protocol().design() instanceof Design.EarlyPhase design)) {
            throw new IllegalArgumentException("the protocol's design is not a phase-1-2 design");
        }
        return EarlyPhaseAnalysis.run(design, settings);
    }

    /**
     * Simulates dose-finding trials in calendar time: one design, or several on the same patients compared with the
     * first (BOIN and the CRMs with the settings of {@link EscalationSimulation#doseFinding}).
     * {@link EscalationSimulation} holds the scenario and the options, e.g.
     * {@code EscalationSimulation.of(EscalationScenario.of(0.05, 0.1, 0.25, 0.4)).replicates(10_000).seed(3)}.
     */
    public EscalationResult escalation(EscalationSimulation simulation) {
        return simulation.run();
    }

    /**
     * Finds Simon two-stage designs by exact binomial enumeration: optimal, minimax and admissible.
     * {@link SimonSearch} holds the question, e.g. {@code SimonSearch.of(0.2, 0.4, 0.05, 0.1)}.
     *
     * @throws IllegalArgumentException if no design meets the error rates within the search's largest size
     */
    public SimonSearchResult simon(SimonSearch search) {
        return search.run();
    }

    /** A Simon two-stage design's operating characteristics at each true response rate, exactly. */
    public List<OperatingCharacteristics> simon(SimonDesign design, double... trueRates) {
        return design.evaluate(trueRates);
    }

    /** The protocol compiled, once for consecutive runs on the same loaded protocol. */
    private CompiledProtocol compiled(LoadedProtocol protocol) {
        CompiledProtocol last = lastCompiled;
        if (last != null && last.loaded() == protocol) {
            return last;
        }
        CompiledProtocol compiled = CompiledProtocol.of(protocol);
        lastCompiled = compiled;
        return compiled;
    }
}
