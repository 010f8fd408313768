package org.trialsim.simulator;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import jakarta.inject.Singleton;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.CohortSimulation;
import org.trialsim.simulator.cohort.PatientRecords;
import org.trialsim.simulator.cohort.Progress;
import org.trialsim.simulator.engine.CompiledProtocol;

/**
 * The simulator's front door: what a protocol does when virtual patients (or whole virtual trials)
 * go through it. Obtain it from Guice ({@link SimulatorModule}) or construct it directly.
 */
@Singleton
public final class Simulator {

    /** A simulator. */
    @Inject
    public Simulator() {
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
}
