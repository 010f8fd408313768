package org.trialsim.simulator.engine;

import org.trialsim.simulator.random.RandomStreams;

/**
 * Simulates virtual patients one at a time: the general {@link PatientSimulator}, or the
 * {@link ClosedFormPatients} that give the same outcomes without walking the pathway where the
 * protocol allows them. Not thread-safe: one per thread.
 *
 * <p>The simulators made here are a trial's: they record no toxicity ({@link PatientOutcome#pathToxicities}
 * is 0), which no trial analysis reads; the toxicities' uniforms are skipped, not drawn, so every other
 * draw and every other part of the outcome is the same as a cohort's.
 */
@FunctionalInterface
public interface Patients {

    /**
     * Simulates one patient. The returned outcome is reused by the next call.
     *
     * @param patientIndex the patient's index: the same index is the same virtual patient
     * @param policy       how arms are chosen at allocation nodes
     */
    PatientOutcome simulate(long patientIndex, ArmPolicy policy);

    /**
     * Simulates one patient enrolled on a calendar day, which an assessment's drift reads. Without a
     * pathway block there is no assessment, so a simulator of such protocols may ignore the day.
     *
     * @param patientIndex the patient's index: the same index is the same virtual patient
     * @param policy       how arms are chosen at allocation nodes
     * @param enrolmentDay the day of enrolment, counted from the start of accrual
     */
    default PatientOutcome simulate(long patientIndex, ArmPolicy policy, double enrolmentDay) {
        return simulate(patientIndex, policy);
    }

    /** The fastest simulator of the protocol's patients: the closed form where it applies, else the general engine. */
    static Patients of(CompiledProtocol protocol, RandomStreams streams) {
        return ClosedFormPatients.of(protocol, streams).<Patients>map(c -> c).orElseGet(() -> general(protocol, streams));
    }

    /** The general engine, whatever the protocol. */
    static Patients general(CompiledProtocol protocol, RandomStreams streams) {
        return new PatientSimulator(protocol, streams, false);
    }
}
