package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trialsim.protocol.Design.Escalation.DltOnset;
import org.trialsim.protocol.Design.Escalation.WhenFull;

/**
 * BOIN, TITE-BOIN, the CRM and the TITE-CRM in the trial engine: the time-to-event designs make their complete-data
 * versions' decisions when nothing is pending, all six designs are reproducible whatever the threads, and settings
 * that do not fit a scenario are refused with a message naming them.
 */
class DoseFindingDesignsTest {
    /** Regular arrivals 30 days apart and a 28-day window: every answer is in before the next patient arrives. */
    private static final EscalationScenario NOTHING_PENDING = EscalationScenario.of(0.05, 0.12, 0.25, 0.40, 0.55)
            .withArrivals(Arrivals.REGULAR).withInterarrivalDays(30).withDltWindowDays(28).withDltOnset(DltOnset.UNIFORM);

    /** With nothing pending TITE-BOIN decides as BOIN, trial by trial on the same patients. */
    @Test
    void titeBoinWithoutPendingDataIsBoin() {
        EscalationResult r = EscalationSimulation.of(NOTHING_PENDING).designs(EscalationDesign.BOIN, EscalationDesign.TITE_BOIN)
                .replicates(2000).seed(3).run();
        assertIdentical(r);
    }

    /**
     * With nothing pending and the same restrictions (patients one at a time, no escalation right after a DLT) the
     * TITE-CRM decides as the CRM, trial by trial on the same patients.
     */
    @Test
    void titeCrmWithoutPendingDataIsTheCrmWithTheSameRestrictions() {
        DoseFinding settings = DoseFinding.defaults(NOTHING_PENDING).withCohortSize(1).withMaxPatients(20).withTiteCrmCoherent(true);
        EscalationResult r = EscalationSimulation.of(NOTHING_PENDING).designs(EscalationDesign.CRM, EscalationDesign.TITE_CRM)
                .doseFinding(settings).replicates(1000).seed(4).run();
        assertIdentical(r);
    }

    private static void assertIdentical(EscalationResult r) {
        EscalationResult.Comparison c = r.comparison();
        assertThat(c.sameMtd().value()).isEqualTo(1.0);
        assertThat(c.patients().value()).isZero();
        assertThat(c.dlts().value()).isZero();
        assertThat(c.patientsAboveTrueMtd().value()).isZero();
        assertThat(c.durationDays().value()).isZero();
        assertThat(r.designs().get(0).patientsAtLevel()).isEqualTo(r.designs().get(1).patientsAtLevel());
        // accrual is suspended while a cohort's answers are awaited, but nobody arrives then: nobody is lost
        assertThat(r.designs().get(0).lostPatients().value()).isZero();
        assertThat(r.designs().get(1).lostPatients().value()).isZero();
    }

    /** With data pending the time-to-event versions go on enrolling: they finish much sooner than the designs that wait. */
    @Test
    void timeToEventDesignsFinishSoonerWhenArrivalsAreFrequent() {
        EscalationScenario s = EscalationScenario.of(0.05, 0.12, 0.25, 0.40, 0.55).withInterarrivalDays(5).withDltOnset(DltOnset.UNIFORM)
                .withWhenFull(WhenFull.WAIT);
        EscalationResult r = EscalationSimulation.of(s).designs(EscalationDesign.CRM, EscalationDesign.TITE_CRM, EscalationDesign.BOIN,
                EscalationDesign.TITE_BOIN).replicates(500).seed(5).run();
        EscalationResult.DesignSummary crm = r.designs().get(0);
        EscalationResult.DesignSummary titeCrm = r.designs().get(1);
        EscalationResult.DesignSummary boin = r.designs().get(2);
        EscalationResult.DesignSummary titeBoin = r.designs().get(3);
        assertThat(titeCrm.durationDays().value()).isLessThan(0.7 * crm.durationDays().value());
        assertThat(titeBoin.durationDays().value()).isLessThan(0.7 * boin.durationDays().value());
        assertThat(titeCrm.suspendedDays().value()).isZero();
        assertThat(r.differences()).hasSize(3);
    }

    @Test
    void allSixDesignsGiveTheSameResultOnOneThreadAndOnThree() {
        EscalationScenario s = EscalationScenario.of(0.05, 0.10, 0.25, 0.40).withDltOnset(DltOnset.LATE);
        EscalationSimulation sim = EscalationSimulation.of(s).designs(EscalationDesign.values()).replicates(700).seed(9);
        assertThat(sim.threads(3).run()).isEqualTo(sim.threads(1).run());
    }

    /** Each design alone meets the same patients as in the comparison of all six (common random numbers). */
    @ParameterizedTest
    @EnumSource(value = EscalationDesign.class, names = {"BOIN", "TITE_BOIN", "CRM", "TITE_CRM"})
    void aDesignAloneMeetsTheSamePatientsAsInAllSix(EscalationDesign design) {
        EscalationScenario s = EscalationScenario.of(0.05, 0.10, 0.25, 0.40).withDltOnset(DltOnset.EARLY);
        EscalationResult alone = EscalationSimulation.of(s).designs(design).replicates(300).seed(2).run();
        EscalationResult all = EscalationSimulation.of(s).designs(EscalationDesign.values()).replicates(300).seed(2).run();
        assertThat(all.designs().stream().filter(d -> d.design() == design).findFirst().orElseThrow()).isEqualTo(alone.designs().get(0));
    }

    /** The defaults: cohorts of 3, six patients per level, Lee and Cheung's skeleton with the target at the middle level. */
    @Test
    void defaultsFollowTheLevelsAndTheTarget() {
        DoseFinding d = DoseFinding.defaults(EscalationScenario.of(0.05, 0.10, 0.25, 0.40, 0.5).withTargetDltRate(0.25));
        assertThat(d.cohortSize()).isEqualTo(3);
        assertThat(d.maxPatients()).isEqualTo(30);
        assertThat(d.skeleton()).hasSize(5);
        assertThat(d.skeleton().get(2)).isEqualTo(0.25);
        assertThat(d.priorVariance()).isEqualTo(1.34);
        assertThat(d.safeRate()).isCloseTo(0.15, within(1e-15));
        assertThat(d.toxicRate()).isCloseTo(0.35, within(1e-15));
    }

    /** dfcrm's getprior(0.05, 0.25, 3, 5), printed to 17 digits in R 4.2.2. */
    @Test
    void skeletonIsDfcrmsGetprior() {
        assertThat(DoseFinding.skeletonAround(0.25, 0.05, 3, 5)).usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-15 ? 0
                : Double.compare(a, b), Double.class).containsExactly(0.083973491305624287, 0.156741021142636328, 0.25,
                0.354500427615111913, 0.460343111085306900);
    }

    @Test
    void settingsThatDoNotFitAreRefused() {
        EscalationScenario s = EscalationScenario.of(0.05, 0.10, 0.25, 0.40);
        DoseFinding d = DoseFinding.defaults(s);
        assertThatThrownBy(() -> d.withSkeleton(0.1, 0.3, 0.2, 0.4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skeleton must increase with dose");
        assertThatThrownBy(() -> d.withSkeleton(0.1, 0.3, 0.5, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above 0 and below 1");
        assertThatThrownBy(() -> EscalationSimulation.of(s).designs(EscalationDesign.CRM).doseFinding(d.withSkeleton(0.1, 0.2, 0.3)).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("skeleton gives 3 DLT probabilities for 4 levels");
        assertThatThrownBy(() -> EscalationSimulation.of(s).designs(EscalationDesign.BOIN).doseFinding(d.withMaxPatients(20)).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of cohortSize");
        assertThatThrownBy(() -> EscalationSimulation.of(s.withTargetDltRate(0.04)).designs(EscalationDesign.CRM).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above 0.05 and below 0.6");
        assertThatThrownBy(() -> EscalationSimulation.of(s.withTargetDltRate(0.6)).designs(EscalationDesign.BOIN).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above 0.05 and below 0.6");
        // the TITE-CRM takes patients one at a time: any sample size will do
        assertThat(EscalationSimulation.of(s).designs(EscalationDesign.TITE_CRM).doseFinding(d.withMaxPatients(20)).replicates(5).run()
                .designs().get(0).patients().value()).isEqualTo(20.0);
        assertThat(List.of(EscalationDesign.values())).hasSize(6);
    }
}
