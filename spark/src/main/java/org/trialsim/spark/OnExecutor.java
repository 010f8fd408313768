package org.trialsim.spark;

import com.google.inject.Guice;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.SimulatorModule;

/** What an executor's JVM builds once and its tasks share: the simulator, with the extensions on its class path. */
final class OnExecutor {
    private OnExecutor() {
    }

    /** The executor's simulator (the holder idiom: built by the first task that asks, once). */
    static Simulator simulator() {
        return Holder.SIMULATOR;
    }

    private static final class Holder {
        static final Simulator SIMULATOR = Guice.createInjector(new SimulatorModule()).getInstance(Simulator.class);
    }
}
