/**
 * The named implementations a protocol file chooses by name: allocation methods
 * ({@code design.randomization.method}) and alpha-spending functions ({@code design.analysis.spending}).
 *
 * <p>{@link org.trialsim.simulator.registry.Registry} holds them, one map of names to factories per kind,
 * filled by Guice {@code MapBinder} entries: the built-ins of
 * {@link org.trialsim.simulator.registry.BuiltInModule} and those an extension module adds
 * ({@link org.trialsim.simulator.TrialsimExtension}, docs/extending.md). Adding an implementation is
 * one class and one binding. A name the registry does not have, or settings its factory refuses, make
 * an {@link org.trialsim.simulator.run.InvalidProtocolException} that names the protocol's field.
 */
package org.trialsim.simulator.registry;
