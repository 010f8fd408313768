package org.trialsim.simulator;

import com.google.inject.AbstractModule;
import java.util.ServiceLoader;
import org.trialsim.simulator.registry.BuiltInModule;

/**
 * Guice bindings of the simulator: the registry of named implementations, with the built-ins and every
 * {@link TrialsimExtension} on the class path (found with the context class loader, as
 * {@link ServiceLoader#load(Class)} does), and the {@link Simulator} that uses it.
 */
public final class SimulatorModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new BuiltInModule());
        for (TrialsimExtension extension : ServiceLoader.load(TrialsimExtension.class)) {
            install(extension);
        }
        bind(Simulator.class);
    }
}
