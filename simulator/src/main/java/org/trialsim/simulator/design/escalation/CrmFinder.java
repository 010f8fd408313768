package org.trialsim.simulator.design.escalation;

/**
 * The CRM (O'Quigley, Pepe and Fisher 1990) and the TITE-CRM (Cheung and Chappell 2000) in calendar time,
 * with the power model of {@link PowerModel}, as dfcrm's {@code crmsim} and {@code titesim} run them.
 *
 * <p>The CRM treats cohorts, the first at the start level; once a cohort's answers are all in (accrual
 * suspended meanwhile) it fits the model and gives the next cohort the level whose estimated DLT probability
 * is closest to the target, restricted as crmsim's {@code restrict = TRUE}: no escalation right after a
 * cohort whose DLT rate reached the target, and never more than one level above the last cohort's.
 *
 * <p>The TITE-CRM gives every arriving patient a level, without suspending accrual: the model is fitted at
 * the arrival, each pending patient weighted by the fraction of the window observed, and the level closest
 * to the target is given, never more than one above the last patient's (titesim's restriction); optionally
 * also not above it right after a patient with a known DLT.
 *
 * <p>Both stop at the sample size and choose the MTD once every answer is in, as the level closest to the
 * target, without restriction. Options: a cap per level (accrual stops once the level chosen for the next
 * cohort already has that many patients) and a safety stop (no MTD once the posterior probability that the
 * lowest level's DLT probability is above the target exceeds a threshold), checked at every decision and at
 * the end.
 */
final class CrmFinder extends DoseFinder {
    private final boolean tite;
    private final int cohortSize;
    private final int maxPatients;
    private final int levelCap;
    private final double safetyStop;
    private final boolean coherent;
    private final double target;
    private final PowerModel model;

    private int level;
    private int inCohort;
    private int cohortStart;
    private int selected;
    private boolean accrualOver;
    private boolean stopNone;

    CrmFinder(boolean tite, EscalationScenario scenario, DoseFinding settings) {
        this.tite = tite;
        this.cohortSize = tite ? 1 : settings.cohortSize();
        this.maxPatients = settings.maxPatients();
        this.levelCap = settings.levelCap() == null ? Integer.MAX_VALUE : settings.levelCap();
        this.safetyStop = settings.safetyStop() == null ? Double.NaN : settings.safetyStop();
        this.coherent = !tite || settings.titeCrmCoherent();
        this.target = scenario.targetDltRate();
        this.model = new PowerModel(settings.skeletonArray(), settings.priorVariance());
    }

    @Override
    void reset(int startLevel) {
        level = startLevel;
        inCohort = 0;
        cohortStart = 0;
        selected = 0;
        accrualOver = false;
        stopNone = false;
    }

    @Override
    Status status(TrialState s, double time) {
        while (true) {
            if (stopNone) {
                selected = 0;
                return Status.STOP;
            }
            if (s.patients == maxPatients) {
                accrualOver = true;
            }
            if (accrualOver) {
                if (s.complete()) {
                    fit(s, time);
                    selected = unsafe() ? 0 : model.recommended(target);
                    return Status.STOP;
                }
                return Status.CLOSED;
            }
            if (inCohort < cohortSize || tite) {
                return Status.OPEN;
            }
            if (!s.complete()) {
                return Status.HOLD;
            }
            decide(s, time);
            inCohort = 0;
        }
    }

    @Override
    int levelForNext(TrialState s, double time) {
        if (inCohort == cohortSize) {
            // the TITE-CRM: every patient's level is decided at the arrival
            decide(s, time);
            inCohort = 0;
            if (stopNone || accrualOver) {
                return NONE;
            }
        }
        if (inCohort == 0) {
            cohortStart = s.patients;
        }
        inCohort++;
        return level;
    }

    /** The next cohort's level, or a stop, from the data now. */
    private void decide(TrialState s, double time) {
        fit(s, time);
        if (unsafe()) {
            stopNone = true;
            return;
        }
        int recommended = model.recommended(target);
        int last = s.lastLevel();
        int cohortDlts = 0;
        for (int k = cohortStart; k < s.patients; k++) {
            if (s.knownDlt[k]) {
                cohortDlts++;
            }
        }
        if (coherent && (double) cohortDlts / cohortSize >= target) {
            recommended = Math.min(recommended, last);
        } else {
            recommended = Math.min(recommended, last + 1);
        }
        if (s.enrolled[recommended] >= levelCap) {
            accrualOver = true;
            return;
        }
        level = recommended;
    }

    private boolean unsafe() {
        return !Double.isNaN(safetyStop) && model.probabilityAbove(1, target) > safetyStop;
    }

    /** Fits the model to the answers known now; pending patients weighted by the fraction of the window observed. */
    private void fit(TrialState s, double time) {
        model.clear();
        for (int k = 0; k < s.patients; k++) {
            int d = s.levelOf[k];
            if (s.known[k]) {
                if (s.knownDlt[k]) {
                    model.addDlt(d);
                } else {
                    model.addComplete(d);
                }
            } else {
                model.addPending(d, Math.min(time - s.enrolTime[k], s.window) / s.window);
            }
        }
        model.fit();
    }

    @Override
    int selected() {
        return selected;
    }

    @Override
    int capacity() {
        return maxPatients;
    }

    @Override
    public String toString() {
        return tite ? "TITE-CRM" : "CRM";
    }
}
