package org.trialsim.simulator;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Writer;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.CohortSimulation;
import org.trialsim.simulator.cohort.PatientRecords;
import org.trialsim.simulator.design.EarlyPhaseAnalysis;
import org.trialsim.simulator.design.EarlyPhaseResult;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * The simulator's front door: what a protocol does when virtual patients (or whole virtual trials)
 * go through it. Obtain it from Guice ({@link SimulatorModule}: with the extensions on the class path)
 * or construct it directly (with the built-in implementations only).
 */
@Singleton
public final class Simulator {
    private final Registry registry;

    /** A simulator whose trials choose allocation methods and spending functions from the given registry. */
    @Inject
    public Simulator(Registry registry) {
        this.registry = registry;
    }

    /** A simulator with the built-in implementations only. */
    public Simulator() {
        this(Registry.builtIns());
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
        return new CohortSimulation(CompiledProtocol.of(protocol)).run(options, progress);
    }

    /**
     * Writes one CSV row per virtual patient of the cohort the options describe: the same patients as
     * {@link #cohort}, in patient order.
     */
    public void records(LoadedProtocol protocol, CohortOptions options, Writer out, Progress progress) throws IOException {
        new PatientRecords(CompiledProtocol.of(protocol)).write(options, out, progress);
    }

    /**
     * Simulates the protocol's trial design many times: its operating characteristics.
     *
     * @param protocol a validated protocol whose design has analyses (randomized or single-arm)
     * @param options  replicates, seed, threads and scenario
     * @param progress receives progress from worker threads
     * @throws IllegalArgumentException if the protocol's design has no analyses to simulate
     * @throws org.trialsim.simulator.registry.InvalidProtocolException if the design names an allocation
     *         method or spending function the registry does not have, or one that refuses its settings
     */
    public TrialResult trial(LoadedProtocol protocol, TrialOptions options, Progress progress) {
        return new TrialSimulation(CompiledProtocol.of(protocol), registry).run(options, progress);
    }

    /**
     * Runs both parts of a phase I/II design: the dose escalation (simulated in calendar time, the
     * protocol's method against the other on the same patients) and the exact Simon two-stage design.
     *
     * @throws IllegalArgumentException if the protocol's design is not a phase-1-2 design
     */
    public EarlyPhaseResult earlyPhase(LoadedProtocol protocol, EarlyPhaseAnalysis.Settings settings) {
        if (!(protocol.protocol().design() instanceof Design.EarlyPhase design)) {
            throw new IllegalArgumentException("the protocol's design is not a phase-1-2 design");
        }
        return EarlyPhaseAnalysis.run(design, settings);
    }
}
