package org.trialsim.simulator.trial;

import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.trial.allocation.AllocationMethod;

/**
 * The early binary result a response-adaptive allocation learns from: MRD measured below a threshold at
 * a named assessment, known from the assessment's day. A patient with an event (relapse, death or
 * treatment failure) before being assessed is a non-responder, known from the event's day; a patient
 * never assessed and without an event gives no result.
 *
 * @param assessment the assessment's index
 * @param slot       the state slot of the MRD measured there
 * @param below      a response is MRD strictly below this
 */
record EarlyResponse(int assessment, int slot, double below) {

    /** The early response of a response-adaptive method, or null for a method that does not learn. */
    static EarlyResponse of(CompiledProtocol protocol, AllocationMethod method) {
        if (!(method instanceof AllocationMethod.ResponseAdaptive adaptive)) {
            return null;
        }
        int a = protocol.assessment(adaptive.settings().assessment());
        if (a < 0) {
            throw new IllegalArgumentException("there is no MRD assessment '" + adaptive.settings().assessment() + "'");
        }
        return new EarlyResponse(a, protocol.assessmentSlot(a), adaptive.settings().mrdBelow());
    }

    /** Days from enrolment from which the patient's result is known, or NaN if the patient has none. */
    double knownFrom(PatientOutcome o) {
        double assessed = o.assessmentDay(assessment);
        double event = Math.min(o.relapseTime(), Math.min(o.deathTime(), o.failureTime()));
        if (assessed == assessed && !(event < assessed)) {
            return assessed;
        }
        return event < Double.POSITIVE_INFINITY ? event : Double.NaN;
    }

    /** Whether the patient responded (meaningful when {@link #knownFrom} is a day). */
    boolean responded(PatientOutcome o) {
        double assessed = o.assessmentDay(assessment);
        double event = Math.min(o.relapseTime(), Math.min(o.deathTime(), o.failureTime()));
        return assessed == assessed && !(event < assessed) && o.state()[slot] < below;
    }
}
