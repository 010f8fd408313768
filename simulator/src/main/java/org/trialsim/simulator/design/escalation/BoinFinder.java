package org.trialsim.simulator.design.escalation;

/**
 * BOIN (Liu and Yuan 2015) and TITE-BOIN (Yuan, Lin, Li, Nie and Warren, Clin Cancer Res 2018;24:4921-4930)
 * in calendar time.
 *
 * <p>BOIN treats cohorts at the current level and, once a cohort's answers are all in (accrual suspended
 * meanwhile), decides as the BOIN package's {@code get.oc}: a level whose data eliminate it goes with every
 * level above it (no MTD if the lowest goes); otherwise escalate when the level's DLTs are at most the
 * escalation count for its patients (unless the next level is eliminated), de-escalate when they reach the
 * de-escalation count, stay otherwise ({@link BoinBoundaries}). With a cap per level (the package's
 * {@code n.earlystop}), accrual stops when the level has that many patients and the decision is to stay
 * (or cannot move). Once the sample size is reached the MTD is chosen, with every answer in, by
 * {@link BoinSelection}.
 *
 * <p>TITE-BOIN decides when the first patient of the next cohort arrives, with the answers pending then.
 * When none is pending at the current level it decides exactly as BOIN. Otherwise, with n patients at the
 * level, c known DLTs, m pending and STFT the sum of the pending patients' observed fractions of the window
 * (the standardized total follow-up time), it imputes the pending DLTs and estimates the rate as
 * p̂ = (c + (m − STFT) π̂ / (1 − π̂)) / n, where π̂ = (c + φ/2) / (n − m + 1) is the posterior mean of the rate
 * from the complete answers under a Beta(φ/2, 1 − φ/2) prior (mean φ, one patient's worth); it escalates when
 * p̂ &lt;= λe, de-escalates when p̂ &gt;= λd, stays otherwise. Accrual is suspended while more than half (the
 * maximum pending fraction) of the patients at the current level are pending, unless their known DLTs
 * already call for de-escalation; levels are eliminated on the known DLTs of all patients treated, and the
 * trial stops as soon as the lowest level is.
 */
final class BoinFinder extends DoseFinder {
    private final boolean tite;
    private final int levels;
    private final int cohortSize;
    private final int maxPatients;
    private final int levelCap;
    private final double target;
    private final double lambdaE;
    private final double lambdaD;
    private final double maxPending;
    private final int[] escalateAtMost;
    private final int[] deescalateAtLeast;
    private final int[] eliminateAtLeast;
    private final BoinSelection selection;
    private final String name;

    private int level;
    private int inCohort;
    private int eliminatedFrom;
    private int selected;
    private boolean accrualOver;
    private boolean stopNone;

    BoinFinder(boolean tite, EscalationScenario scenario, DoseFinding settings) {
        this.tite = tite;
        this.name = tite ? "TITE-BOIN" : "BOIN";
        this.levels = scenario.levels();
        this.cohortSize = settings.cohortSize();
        this.maxPatients = settings.maxPatients();
        this.levelCap = settings.levelCap() == null ? Integer.MAX_VALUE : settings.levelCap();
        this.target = scenario.targetDltRate();
        this.maxPending = settings.maxPendingFraction();
        BoinBoundaries b = BoinBoundaries.of(target, settings.safeRate(), settings.toxicRate(), maxPatients);
        this.lambdaE = b.escalation();
        this.lambdaD = b.deescalation();
        this.escalateAtMost = new int[maxPatients + 1];
        this.deescalateAtLeast = new int[maxPatients + 1];
        this.eliminateAtLeast = new int[maxPatients + 1];
        eliminateAtLeast[0] = Integer.MAX_VALUE;
        for (int n = 1; n <= maxPatients; n++) {
            escalateAtMost[n] = b.escalateAtMost().get(n - 1);
            deescalateAtLeast[n] = b.deescalateAtLeast().get(n - 1);
            Integer elim = b.eliminateAtLeast().get(n - 1);
            eliminateAtLeast[n] = elim == null ? Integer.MAX_VALUE : elim;
        }
        this.selection = new BoinSelection(target, levels);
    }

    @Override
    void reset(int startLevel) {
        level = startLevel;
        inCohort = 0;
        eliminatedFrom = levels + 1;
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
                    selected = selection.select(s.enrolled, s.dlts);
                    return Status.STOP;
                }
                return Status.CLOSED;
            }
            if (inCohort < cohortSize) {
                return Status.OPEN;
            }
            if (tite) {
                eliminate(s);
                if (eliminatedFrom == 1) {
                    stopNone = true;
                    continue;
                }
                return suspended(s) ? Status.HOLD : Status.OPEN;
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
            // TITE-BOIN: the next cohort's level, decided as its first patient arrives
            decide(s, time);
            inCohort = 0;
            if (stopNone || accrualOver) {
                return NONE;
            }
        }
        inCohort++;
        return level;
    }

    /** TITE-BOIN's suspension: too many pending at the current level, unless the known DLTs already de-escalate. */
    private boolean suspended(TrialState s) {
        int n = s.enrolled[level];
        return level < eliminatedFrom && s.pending(level) > maxPending * n && s.dlts[level] < deescalateAtLeast[n];
    }

    /** Eliminates from the lowest level whose known DLTs among all its patients reach the elimination count. */
    private void eliminate(TrialState s) {
        for (int d = 1; d < eliminatedFrom; d++) {
            if (s.dlts[d] >= eliminateAtLeast[s.enrolled[d]]) {
                eliminatedFrom = d;
                return;
            }
        }
    }

    /** The level of the next cohort, or a stop, from the data now. */
    private void decide(TrialState s, double time) {
        eliminate(s);
        if (eliminatedFrom == 1) {
            stopNone = true;
            return;
        }
        if (level >= eliminatedFrom) {
            level = eliminatedFrom - 1;
            return;
        }
        int n = s.enrolled[level];
        int c = s.dlts[level];
        int m = s.pending(level);
        boolean escalate;
        boolean deescalate;
        if (m == 0) {
            escalate = c <= escalateAtMost[n];
            deescalate = c >= deescalateAtLeast[n];
        } else {
            double stft = 0;
            for (int k = 0; k < s.patients; k++) {
                if (!s.known[k] && s.levelOf[k] == level) {
                    stft += Math.min(time - s.enrolTime[k], s.window) / s.window;
                }
            }
            double prior = (c + target / 2) / (n - m + 1);
            double estimate = (c + (m - stft) * prior / (1 - prior)) / n;
            escalate = estimate <= lambdaE;
            deescalate = !escalate && estimate >= lambdaD;
        }
        boolean topOpen = level < levels && level + 1 < eliminatedFrom;
        if (n >= levelCap && ((!escalate && !deescalate) || (level == 1 && deescalate) || (!topOpen && escalate))) {
            accrualOver = true;
            return;
        }
        if (escalate && level != levels) {
            if (level + 1 < eliminatedFrom) {
                level++;
            }
        } else if (deescalate && level != 1) {
            level--;
        }
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
        return name;
    }
}
