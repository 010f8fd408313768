package org.trialsim.simulator.registry;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Extensible;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.condition.Spelling;
import org.trialsim.simulator.analysis.SpendingFunction;
import org.trialsim.simulator.run.InvalidProtocolException;
import org.trialsim.simulator.trial.DesignImplementations;
import org.trialsim.simulator.trial.allocation.AllocationMethod;

/**
 * The implementations a protocol file chooses by name, as Caffeine's simulator keeps its policies:
 * for each kind, a map from the name to a factory that makes the implementation from the protocol's
 * settings. Guice fills the maps from {@code MapBinder} entries ({@link #allocationMethods},
 * {@link #spendingFunctions}): the built-ins of {@link BuiltInModule}, and whatever an extension module on
 * the class path binds (docs/extending.md). Immutable.
 *
 * <p>Lookups take the protocol, so that a name the registry lacks, or settings a factory refuses,
 * are reported as a problem of the protocol at its field ({@link InvalidProtocolException}).
 */
@Singleton
public final class Registry implements DesignImplementations {
    private final Map<String, AllocationMethod.Factory> allocationMethods;
    private final Map<String, SpendingFunction.Factory> spendingFunctions;

    /**
     * A registry of the given implementations (as Guice gives them, in the order they were bound).
     *
     * @throws IllegalArgumentException if a name is not of the form a protocol file can give
     *                                  ({@link Extensible#NAME_PATTERN})
     */
    @Inject
    public Registry(Map<String, AllocationMethod.Factory> allocationMethods, Map<String, SpendingFunction.Factory> spendingFunctions) {
        this.allocationMethods = checked(allocationMethods, "allocation method");
        this.spendingFunctions = checked(spendingFunctions, "spending function");
    }

    /**
     * The built-in implementations alone, for a simulator made without Guice: the maps {@link BuiltInModule}
     * binds, so that the built-ins are listed in one place, made into a registry without an injector (which
     * took a trial's start about 60 ms of processor time and some 600 classes).
     */
    public static Registry builtIns() {
        return BuiltIns.REGISTRY;
    }

    /** Where a module binds allocation methods: {@code allocationMethods(binder()).addBinding("name").toInstance(factory)}. */
    public static MapBinder<String, AllocationMethod.Factory> allocationMethods(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, AllocationMethod.Factory.class);
    }

    /** Where a module binds alpha-spending functions: {@code spendingFunctions(binder()).addBinding("name").toInstance(factory)}. */
    public static MapBinder<String, SpendingFunction.Factory> spendingFunctions(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, SpendingFunction.Factory.class);
    }

    /** The names of the allocation methods, built-ins first. */
    public Set<String> allocationMethodNames() {
        return allocationMethods.keySet();
    }

    /** The names of the alpha-spending functions, built-ins first. */
    public Set<String> spendingFunctionNames() {
        return spendingFunctions.keySet();
    }

    /**
     * The allocation method a protocol's randomization names, made from its settings.
     *
     * @param protocol the protocol (for its file, in a problem)
     * @param settings its {@code design.randomization}
     * @throws InvalidProtocolException if no method has that name, or the method refuses the settings
     */
    @Override
    public AllocationMethod allocationMethod(LoadedProtocol protocol, Design.Randomization settings) {
        String at = "design.randomization";
        AllocationMethod.Factory factory = find(allocationMethods, settings.method(), "randomization method", protocol, at + ".method");
        try {
            return factory.of(settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidProtocolException(protocol, at, settings.method() + ": " + e.getMessage());
        }
    }

    /**
     * The alpha-spending function of the given name, for the given α.
     *
     * @param protocol the protocol (for its file, in a problem)
     * @param name     its {@code design.analysis.spending}
     * @param alpha    the design's one-sided α
     * @throws InvalidProtocolException if no function has that name, or it is not a spending function of α
     */
    @Override
    public SpendingFunction spendingFunction(LoadedProtocol protocol, String name, double alpha) {
        String at = "design.analysis.spending";
        SpendingFunction.Factory factory = find(spendingFunctions, name, "spending function", protocol, at);
        SpendingFunction f;
        try {
            f = factory.of(alpha);
        } catch (IllegalArgumentException e) {
            throw new InvalidProtocolException(protocol, at, name + ": " + e.getMessage());
        }
        String wrong = notSpending(f, alpha);
        if (wrong != null) {
            throw new InvalidProtocolException(protocol, at, name + " is not an alpha-spending function of alpha = " + alpha + ": "
                    + wrong);
        }
        return f;
    }

    /**
     * Why a function is not a spending function of α, or null if it is one: it must spend nothing at
     * t = 0, all of α at t = 1, and never less at a later t (checked on a grid of 1,000 steps, which
     * the boundary computation would otherwise run into as a negative α to spend).
     */
    private static String notSpending(SpendingFunction f, double alpha) {
        if (f == null) {
            return "its factory made nothing";
        }
        double tolerance = 1e-12 * alpha;
        if (!(Math.abs(f.alpha() - alpha) <= tolerance) || !(Math.abs(f.spent(1) - alpha) <= tolerance)) {
            return "it spends " + f.spent(1) + " in all (alpha() = " + f.alpha() + ")";
        }
        double previous = f.spent(0);
        if (previous != 0) {
            return "it spends " + previous + " at information fraction 0";
        }
        for (int i = 1; i <= 1000; i++) {
            double spent = f.spent(i / 1000.0);
            if (!(spent >= previous)) {
                return "what it has spent falls (or is not a number) at information fraction " + i / 1000.0;
            }
            previous = spent;
        }
        return null;
    }

    private static <T> T find(Map<String, T> byName, String name, String kind, LoadedProtocol protocol, String at) {
        T found = byName.get(name);
        if (found == null) {
            throw new InvalidProtocolException(protocol, at, "there is no " + kind + " '" + name + "'"
                    + Spelling.hint(name, byName.keySet()) + "; the " + kind + "s are " + String.join(", ", byName.keySet())
                    + " (an extension on the class path can add one: docs/extending.md)");
        }
        return found;
    }

    private static <T> Map<String, T> checked(Map<String, T> byName, String kind) {
        for (String name : byName.keySet()) {
            if (name.length() > Extensible.MAX_NAME_LENGTH || !name.matches(Extensible.NAME_PATTERN)) {
                throw new IllegalArgumentException("the " + kind + " name '" + name + "' cannot be given in a protocol file: a name"
                        + " is lower-case letters and digits in words joined by hyphens, at most " + Extensible.MAX_NAME_LENGTH
                        + " characters");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** Made on first use: a simulator that never runs a trial never builds it. */
    private static final class BuiltIns {
        static final Registry REGISTRY = new Registry(BuiltInModule.allocationMethods(), BuiltInModule.spendingFunctions());
    }
}
