package org.example.trialsim;

import com.google.inject.AbstractModule;
import org.trialsim.simulator.TrialsimExtension;
import org.trialsim.simulator.registry.Registry;

/**
 * Adds Efron's biased coin to trialsim's allocation methods, under the name protocol files give in
 * {@code design.randomization.method}. trialsim finds this module through
 * {@code META-INF/services/org.trialsim.simulator.TrialsimExtension}.
 */
public final class BiasedCoinExtension extends AbstractModule implements TrialsimExtension {
    @Override
    protected void configure() {
        Registry.allocationMethods(binder()).addBinding("biased-coin").toInstance(BiasedCoin::of);
    }
}
