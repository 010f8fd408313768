package org.trialsim.simulator;

import com.google.inject.AbstractModule;

/** Guice bindings of the simulator. */
public final class SimulatorModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Simulator.class);
    }
}
