package org.trialsim.simulator.trial;

import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.analysis.SpendingFunction;
import org.trialsim.simulator.trial.allocation.AllocationMethod;

/**
 * The implementations a trial design chooses by name: its allocation method and its alpha-spending
 * function. The simulator's registry (with any extensions on the class path) provides them; the trial
 * package only asks, so that it does not depend on how they are found.
 */
public interface DesignImplementations {
    /**
     * The allocation method a protocol's randomization names, made from its settings.
     *
     * @throws org.trialsim.simulator.run.InvalidProtocolException if no method has that name, or the method refuses the settings
     */
    AllocationMethod allocationMethod(LoadedProtocol protocol, Design.Randomization settings);

    /**
     * The alpha-spending function of the given name, for the given one-sided alpha.
     *
     * @throws org.trialsim.simulator.run.InvalidProtocolException if no function has that name, or it is not a spending function of alpha
     */
    SpendingFunction spendingFunction(LoadedProtocol protocol, String name, double alpha);
}
