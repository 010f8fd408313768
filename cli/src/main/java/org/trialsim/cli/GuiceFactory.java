package org.trialsim.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import org.trialsim.simulator.SimulatorModule;
import picocli.CommandLine;

/** Lets picocli create commands through Guice, so commands receive the simulator by injection. */
final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector = Guice.createInjector(new SimulatorModule());

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
