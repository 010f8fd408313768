package org.trialsim.simulator;

import com.google.inject.Module;

/**
 * A Guice module that adds named implementations to the simulator's registry, found on the class
 * path with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.trialsim.simulator.TrialsimExtension}, give it a public no-argument
 * constructor, and bind in {@code configure} what protocol files may then name, e.g.
 *
 * <pre>{@code
 * public final class BiasedCoinExtension extends AbstractModule implements TrialsimExtension {
 *     protected void configure() {
 *         Registry.allocationMethods(binder()).addBinding("biased-coin").toInstance(BiasedCoin::of);
 *     }
 * }
 * }</pre>
 *
 * {@link SimulatorModule} installs every extension it finds after the built-ins; a name bound twice
 * stops the injector with Guice's message naming both bindings. A project interface rather than any
 * {@code com.google.inject.Module}, so that a library's own modules on the class path are not
 * installed by mistake. docs/extending.md walks through a complete example.
 */
public interface TrialsimExtension extends Module {
}
