package org.trialsim.simulator.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trialsim.protocol.Design;
import org.trialsim.simulator.analysis.SpendingFunction;
import org.trialsim.simulator.trial.allocation.AllocationMethod;

/**
 * The built-in named implementations, one binding each. The names are the protocol model's (which
 * lists them for validation and the JSON Schema); a test keeps the two lists equal.
 */
public final class BuiltInModule extends AbstractModule {
    /** The built-in allocation methods by name, in the order they are bound (and listed in messages). */
    static Map<String, AllocationMethod.Factory> allocationMethods() {
        Map<String, AllocationMethod.Factory> allocation = new LinkedHashMap<>();
        allocation.put(Design.Randomization.SIMPLE, AllocationMethod.Simple::of);
        allocation.put(Design.Randomization.PERMUTED_BLOCKS, AllocationMethod.PermutedBlocks::of);
        allocation.put(Design.Randomization.STRATIFIED_BLOCKS, AllocationMethod.PermutedBlocks::stratifiedOf);
        allocation.put(Design.Randomization.MINIMIZATION, AllocationMethod.Minimization::of);
        allocation.put(Design.Randomization.RESPONSE_ADAPTIVE, AllocationMethod.ResponseAdaptive::of);
        return allocation;
    }

    /** The built-in alpha-spending functions by name, in the order they are bound. */
    static Map<String, SpendingFunction.Factory> spendingFunctions() {
        Map<String, SpendingFunction.Factory> spending = new LinkedHashMap<>();
        spending.put(Design.Analysis.OBRIEN_FLEMING, SpendingFunction::obrienFleming);
        spending.put(Design.Analysis.POCOCK, SpendingFunction::pocock);
        return spending;
    }

    @Override
    protected void configure() {
        MapBinder<String, AllocationMethod.Factory> allocation = Registry.allocationMethods(binder());
        allocationMethods().forEach((name, factory) -> allocation.addBinding(name).toInstance(factory));
        MapBinder<String, SpendingFunction.Factory> spending = Registry.spendingFunctions(binder());
        spendingFunctions().forEach((name, factory) -> spending.addBinding(name).toInstance(factory));
    }
}
