package org.trialsim.simulator.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.trialsim.protocol.Design;
import org.trialsim.simulator.analysis.SpendingFunction;
import org.trialsim.simulator.trial.allocation.AllocationMethod;

/**
 * The built-in named implementations, one binding each. The names are the protocol model's (which
 * lists them for validation and the JSON Schema); a test keeps the two lists equal.
 */
public final class BuiltInModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder<String, AllocationMethod.Factory> allocation = Registry.allocationMethods(binder());
        allocation.addBinding(Design.Randomization.SIMPLE).toInstance(AllocationMethod.Simple::of);
        allocation.addBinding(Design.Randomization.PERMUTED_BLOCKS).toInstance(AllocationMethod.PermutedBlocks::of);
        allocation.addBinding(Design.Randomization.STRATIFIED_BLOCKS).toInstance(AllocationMethod.PermutedBlocks::stratifiedOf);
        allocation.addBinding(Design.Randomization.MINIMIZATION).toInstance(AllocationMethod.Minimization::of);
        allocation.addBinding(Design.Randomization.RESPONSE_ADAPTIVE).toInstance(AllocationMethod.ResponseAdaptive::of);

        MapBinder<String, SpendingFunction.Factory> spending = Registry.spendingFunctions(binder());
        spending.addBinding(Design.Analysis.OBRIEN_FLEMING).toInstance(SpendingFunction::obrienFleming);
        spending.addBinding(Design.Analysis.POCOCK).toInstance(SpendingFunction::pocock);
    }
}
