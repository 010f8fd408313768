package org.trialsim.simulator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Extensible;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.analysis.SpendingFunction;
import org.trialsim.simulator.run.InvalidProtocolException;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.allocation.AllocationMethod;
import org.trialsim.simulator.trial.allocation.Allocator;

/**
 * The registry: the built-ins are the names the protocol model lists, a module adds an implementation
 * with one binding, and a name it lacks (or settings its factory refuses) is a problem of the protocol
 * at the field that names it.
 */
class RegistryTest {
    private static final LoadedProtocol FILE = new LoadedProtocol(null, "mine.yaml", "", List.of(), List.of());

    /** Alternation, the simplest allocation an extension could add: arm 0, 1, 0, 1, … with no draw. */
    record Alternation() implements AllocationMethod {
        static AllocationMethod of(Design.Randomization settings) {
            if (settings.p() != null) {
                throw new IllegalArgumentException("alternation takes no p");
            }
            return new Alternation();
        }

        @Override
        public Allocator allocator(int[] weights, int[] factorLevels, UniformRandomProvider rng) {
            return new Allocator(this, weights, factorLevels, rng) {
                @Override
                protected int choose(int[] patientLevels) {
                    return patients() % arms();
                }

                @Override
                protected void clear() {
                    // the counts are its only state
                }
            };
        }
    }

    /** Linear spending, α·t; and a broken one that spends twice α. */
    private static final Module EXTENSION = new AbstractModule() {
        @Override
        protected void configure() {
            Registry.allocationMethods(binder()).addBinding("alternation").toInstance(Alternation::of);
            Registry.spendingFunctions(binder()).addBinding("linear").toInstance(alpha -> new SpendingFunction() {
                @Override
                public double alpha() {
                    return alpha;
                }

                @Override
                public double spent(double t) {
                    return alpha * Math.min(t, 1);
                }
            });
            Registry.spendingFunctions(binder()).addBinding("greedy").toInstance(alpha -> SpendingFunction.pocock(2 * alpha));
        }
    };

    private static Registry registry(Module... extensions) {
        return Guice.createInjector(com.google.inject.util.Modules.combine(new BuiltInModule(),
                com.google.inject.util.Modules.combine(extensions))).getInstance(Registry.class);
    }

    private static Extensible extensible(Class<?> record, String component) {
        for (java.lang.reflect.RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(component)) {
                return c.getAnnotation(Extensible.class);
            }
        }
        throw new AssertionError(record + " has no " + component);
    }

    @Test
    void theBuiltInsAreTheNamesTheProtocolModelOffers() {
        assertThat(Registry.builtIns().allocationMethodNames()).containsExactly(extensible(Design.Randomization.class, "method").builtIns());
        assertThat(Registry.builtIns().spendingFunctionNames()).containsExactly(extensible(Design.Analysis.class, "spending").builtIns());
    }

    @Test
    void aNameTheRegistryLacksIsAProblemAtItsFieldListingTheNamesThereAre() {
        assertThatThrownBy(() -> Registry.builtIns().allocationMethod(FILE, Design.Randomization.of("minimisation")))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessage("mine.yaml: error: at design.randomization.method: there is no randomization method 'minimisation' (did you"
                        + " mean 'minimization'?); the randomization methods are simple, permuted-blocks, stratified-blocks,"
                        + " minimization, response-adaptive (an extension on the class path can add one: docs/extending.md)");
        assertThatThrownBy(() -> Registry.builtIns().spendingFunction(FILE, "linear", 0.025))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessageContaining("at design.analysis.spending: there is no spending function 'linear'; the spending functions are"
                        + " obrien-fleming, pocock");
    }

    @Test
    void aModuleAddsAnImplementationWithOneBindingAfterTheBuiltIns() {
        Registry registry = registry(EXTENSION);
        assertThat(registry.allocationMethodNames()).containsExactly("simple", "permuted-blocks", "stratified-blocks", "minimization",
                "response-adaptive", "alternation");
        assertThat(registry.allocationMethod(FILE, Design.Randomization.of("alternation"))).isEqualTo(new Alternation());
        assertThat(registry.spendingFunction(FILE, "linear", 0.025).spent(0.5)).isEqualTo(0.0125);
        assertThat(registry.spendingFunction(FILE, Design.Analysis.POCOCK, 0.025)).isEqualTo(SpendingFunction.pocock(0.025));
    }

    @Test
    void whatAnImplementationRefusesIsAProblemOfTheProtocol() {
        Registry registry = registry(EXTENSION);
        assertThatThrownBy(() -> registry.allocationMethod(FILE, new Design.Randomization("alternation", null, null, 0.9, null)))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessage("mine.yaml: error: at design.randomization: alternation: alternation takes no p");
        assertThatThrownBy(() -> registry.spendingFunction(FILE, "greedy", 0.025))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessageContaining("at design.analysis.spending: greedy is not an alpha-spending function of alpha = 0.025: it spends"
                        + " 0.05 in all");
    }

    @Test
    void aNameBoundTwiceOrOfAFormNoProtocolCanGiveStopsTheInjector() {
        Module twice = new AbstractModule() {
            @Override
            protected void configure() {
                Registry.allocationMethods(binder()).addBinding(Design.Randomization.SIMPLE).toInstance(Alternation::of);
            }
        };
        assertThatThrownBy(() -> registry(twice)).isInstanceOf(CreationException.class).hasMessageContaining("\"simple\"");
        Module badName = new AbstractModule() {
            @Override
            protected void configure() {
                Registry.allocationMethods(binder()).addBinding("Alternation").toInstance(Alternation::of);
            }
        };
        assertThatThrownBy(() -> registry(badName)).isInstanceOf(ProvisionException.class)
                .hasMessageContaining("the allocation method name 'Alternation' cannot be given in a protocol file");
    }

    /** The simulator Guice makes runs trials with the registry it was given: alternation leaves no imbalance beyond 1. */
    @Test
    void theSimulatorsTrialsUseItsRegistry() throws Exception {
        LoadedProtocol alternating = new ProtocolReader().read(Path.of("../examples/two-arm-exponential.yaml"),
                List.of(Setting.parse("design.randomization={method: alternation}")));
        Simulator simulator = Guice.createInjector(new BuiltInModule(), EXTENSION).getInstance(Simulator.class);
        TrialResult result = simulator.trial(alternating, new TrialOptions(20, 1, 1, true), Progress.NONE);
        assertThat(result.allocation()).singleElement().satisfies(a -> assertThat(a.imbalance().max()).isZero());
        assertThatThrownBy(() -> new Simulator().trial(alternating, new TrialOptions(20, 1, 1, true), Progress.NONE))
                .isInstanceOf(InvalidProtocolException.class).hasMessageContaining("there is no randomization method 'alternation'");
    }

    @Test
    void theBuiltInsMadeWithoutGuiceAreTheOnesGuiceBindsInTheSameOrder() {
        Registry bound = Guice.createInjector(new BuiltInModule()).getInstance(Registry.class);
        assertThat(Registry.builtIns().allocationMethodNames()).containsExactlyElementsOf(bound.allocationMethodNames());
        assertThat(Registry.builtIns().spendingFunctionNames()).containsExactlyElementsOf(bound.spendingFunctionNames());
    }
}
