package org.trialsim.spark;

import com.google.inject.Guice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.trialsim.cli.SparkSweeps;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.SimulatorModule;
import org.trialsim.simulator.cohort.CohortSimulation;
import org.trialsim.simulator.explore.Exploration;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * What an executor's JVM builds once and its tasks share: the simulator, with the extensions on its class
 * path, and the last few protocols' compiled simulations and sweeps' explorations, so that the many
 * ranges of one run read and compile their protocol once per executor rather than once per task.
 */
final class OnExecutor {
    /** How many runs' simulations an executor keeps: a driver runs one at a time, so a few cover the runs in flight. */
    private static final int KEPT = 8;
    private static final Map<Object, Object> BUILT = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > KEPT;
        }
    };

    private OnExecutor() {
    }

    /** The executor's simulator (the holder idiom: built by the first task that asks, once). */
    static Simulator simulator() {
        return Holder.SIMULATOR;
    }

    /** The trial simulation of the protocol, compiled once per executor (the key is its text, hash and settings). */
    static TrialSimulation trialSimulation(ProtocolText protocol) {
        return built(List.of("trial", protocol), p -> simulator().trialSimulation(protocol.load()));
    }

    /** The cohort simulation of the protocol, compiled once per executor. */
    static CohortSimulation cohortSimulation(ProtocolText protocol) {
        return built(List.of("cohort", protocol), p -> simulator().cohortSimulation(protocol.load()));
    }

    /**
     * The exploration of the sweep an explore command line makes, read and checked once per executor, each
     * cell's protocol read and compiled once for all the slices of the cell the executor runs ({@link CellProtocols}).
     */
    static Exploration exploration(List<String> arguments) {
        return built(List.of("explore", List.copyOf(arguments)), p -> {
            try {
                return CellProtocols.of(simulator(), SparkSweeps.sweep(arguments)).exploration();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ProtocolException e) {
                throw new IllegalStateException("the sweep does not read on the executor: " + e.getMessage(), e);
            }
        });
    }

    /**
     * What was built for the key, or built now. Built under the lock, so that the tasks of one run that
     * start together wait for one build rather than each making its own.
     */
    @SuppressWarnings("unchecked")
    private static synchronized <T> T built(Object key, Function<Object, T> build) {
        Object value = BUILT.get(key);
        if (value == null) {
            value = build.apply(key);
            BUILT.put(key, value);
        }
        return (T) value;
    }

    private static final class Holder {
        static final Simulator SIMULATOR = Guice.createInjector(new SimulatorModule()).getInstance(Simulator.class);
    }
}
