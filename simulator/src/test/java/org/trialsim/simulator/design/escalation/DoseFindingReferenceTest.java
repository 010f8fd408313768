package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Design.Escalation.DltOnset;
import org.trialsim.simulator.stats.Estimate;

/**
 * BOIN, the CRM and the TITE-CRM in calendar time against the R packages that define them, within Monte Carlo
 * error, on scenarios of our own: the BOIN package's {@code get.oc} (BOIN 2.7.2) and dfcrm's {@code crmsim} and
 * {@code titesim} (dfcrm 0.2-2.1), both built from CRAN's sources (the cran/BOIN and cran/dfcrm mirrors) and run in
 * R 4.2.2. R's calls and values are kept with each test.
 *
 * <p>BOIN and the CRM wait for a cohort's complete data, so calendar time does not change their decisions: the
 * probabilities of each choice are those of the packages, which have no calendar. The TITE-CRM decides with the
 * data pending at each arrival; titesim's Poisson accrual of {@code rate} patients per window and DLT times
 * uniform over the window are this simulator's exponential arrivals and uniform onsets.
 *
 * <p>Tolerances: a selection probability is compared with R's within 4 standard errors of the difference of two
 * independent estimates, sqrt(p(1 − p)(1/R_java + 1/R_r)); a mean number of patients within 4 times sqrt(2) times
 * this simulation's standard error (R prints no standard error; the two runs have the same variance). Each
 * comparison fails by chance with probability about 6e-5, the 40 here together with probability below 0.3%
 * (for a seed chosen at random; the seeds are fixed, so the outcome is too).
 */
class DoseFindingReferenceTest {
    private static final double Z = 4;
    /** The true DLT probabilities of the CRM scenarios. */
    private static final double[] REFERENCE_PROBABILITIES = {0.05, 0.12, 0.25, 0.40, 0.55};

    /**
     * get.oc(target = 0.3, p.true = c(0.05, 0.15, 0.30, 0.45, 0.60), ncohort = 10, cohortsize = 3, ntrial = 20000,
     * seed = 6): $selpercent 1.045 23.250 55.050 19.200 1.430, $npatients 4.14675 9.16890 11.13135 4.76445 0.78180,
     * $percentstop 0.025.
     */
    @Test
    void boinAgreesWithGetOc() {
        EscalationResult r = run(EscalationDesign.BOIN, EscalationScenario.of(0.05, 0.15, 0.30, 0.45, 0.60).withTargetDltRate(0.3),
                30, 20_000, 11);
        EscalationResult.DesignSummary s = r.designs().get(0);
        double[] selected = {0.00025, 0.01045, 0.23250, 0.55050, 0.19200, 0.01430};
        double[] patients = {4.14675, 9.16890, 11.13135, 4.76445, 0.78180};
        checkSelection(s, selected, 20_000, 20_000);
        checkPatients(s, patients);
    }

    /**
     * A scenario where BOIN often stops for toxicity: get.oc(target = 0.25, p.true = c(0.30, 0.45, 0.55), ncohort = 6,
     * cohortsize = 3, ntrial = 20000, seed = 6): $selpercent 67.135 11.060 1.025, $npatients 12.81795 3.04680 0.46260,
     * $percentstop 20.78.
     */
    @Test
    void boinStopsAsOftenAsGetOc() {
        EscalationResult r = run(EscalationDesign.BOIN, EscalationScenario.of(0.30, 0.45, 0.55).withTargetDltRate(0.25), 18, 20_000, 12);
        EscalationResult.DesignSummary s = r.designs().get(0);
        checkSelection(s, new double[] {0.2078, 0.67135, 0.11060, 0.01025}, 20_000, 20_000);
        checkPatients(s, new double[] {12.81795, 3.04680, 0.46260});
    }

    /**
     * crmsim(c(0.05, 0.12, 0.25, 0.40, 0.55), getprior(0.05, 0.25, 3, 5), 0.25, 24, 1, nsim = 4000, mcohort = 3,
     * count = FALSE) (restrict = TRUE, scale = sqrt(1.34), seed 1009): $MTD 0.00975 0.18875 0.51450 0.25850 0.02850,
     * $level 3.99975 6.53850 8.51775 4.12725 0.81675.
     */
    @Test
    void crmAgreesWithCrmsim() {
        EscalationScenario scenario = EscalationScenario.of(REFERENCE_PROBABILITIES).withTargetDltRate(0.25);
        DoseFinding settings = DoseFinding.defaults(scenario).withMaxPatients(24).withSkeleton(DoseFinding.skeletonAround(0.25, 0.05, 3, 5));
        EscalationResult.DesignSummary s = EscalationSimulation.of(scenario).designs(EscalationDesign.CRM).doseFinding(settings)
                .replicates(8000).seed(13).threads(2).run().designs().get(0);
        checkSelection(s, new double[] {0, 0.00975, 0.18875, 0.51450, 0.25850, 0.02850}, 8000, 4000);
        checkPatients(s, new double[] {3.99975, 6.53850, 8.51775, 4.12725, 0.81675});
    }

    /**
     * titesim(c(0.05, 0.12, 0.25, 0.40, 0.55), getprior(0.05, 0.25, 3, 5), 0.25, 24, 1, nsim = 3000, obswin = 28,
     * rate = 2.8, accrual = "poisson", count = FALSE) (restrict = TRUE, surv = "uniform", scheme = "linear", seed 1009):
     * $MTD 0.011 0.23466666667 0.54066666667 0.2 0.01366666667, $level 2.748333333 5.826333333 8.606 4.554333333 2.265.
     * Poisson accrual of 2.8 patients per 28-day window is a mean gap of 10 days.
     */
    @Test
    void titeCrmAgreesWithTitesim() {
        EscalationScenario scenario = EscalationScenario.of(REFERENCE_PROBABILITIES).withTargetDltRate(0.25).withInterarrivalDays(10)
                .withDltWindowDays(28).withDltOnset(DltOnset.UNIFORM);
        DoseFinding settings = DoseFinding.defaults(scenario).withMaxPatients(24).withSkeleton(DoseFinding.skeletonAround(0.25, 0.05, 3, 5));
        EscalationResult.DesignSummary s = EscalationSimulation.of(scenario).designs(EscalationDesign.TITE_CRM).doseFinding(settings)
                .replicates(6000).seed(14).threads(2).run().designs().get(0);
        checkSelection(s, new double[] {0, 0.011, 0.23466666667, 0.54066666667, 0.2, 0.01366666667}, 6000, 3000);
        checkPatients(s, new double[] {2.748333333, 5.826333333, 8.606, 4.554333333, 2.265});
    }

    private static EscalationResult run(EscalationDesign design, EscalationScenario scenario, int maxPatients, int replicates, long seed) {
        DoseFinding settings = DoseFinding.defaults(scenario).withMaxPatients(maxPatients);
        return EscalationSimulation.of(scenario).designs(design).doseFinding(settings).replicates(replicates).seed(seed).threads(2).run();
    }

    private static void checkSelection(EscalationResult.DesignSummary s, double[] reference, int javaTrials, int rTrials) {
        for (int d = 0; d < reference.length; d++) {
            double p = reference[d];
            double se = Math.sqrt(Math.max(p * (1 - p), 1e-4) * (1.0 / javaTrials + 1.0 / rTrials));
            assertThat(s.mtdAtLevel().get(d).value()).as("%s: probability of choosing level %d (0: none)", s.design(), d)
                    .isCloseTo(p, within(Z * se));
        }
    }

    private static void checkPatients(EscalationResult.DesignSummary s, double[] reference) {
        for (int d = 1; d <= reference.length; d++) {
            Estimate e = s.patientsAtLevel().get(d);
            assertThat(e.value()).as("%s: mean patients at level %d", s.design(), d)
                    .isCloseTo(reference[d - 1], within(Z * Math.sqrt(2) * e.standardError()));
        }
    }
}
