/**
 * The pathway engine: a protocol compiled once into arrays and predicates ({@link
 * org.trialsim.simulator.engine.CompiledProtocol}), and the simulation of one virtual patient through
 * it ({@link org.trialsim.simulator.engine.PatientSimulator}) in continuous time: covariates,
 * eligibility, risk group, blocks (MRD response, toxicities, death), decision points, allocation, and
 * the relapse and death hazards that follow. The same code serves cohorts and whole trials.
 */
package org.trialsim.simulator.engine;
