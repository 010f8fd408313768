package org.trialsim.simulator.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.simulator.Simulator;

/**
 * A cohort's subgroups (the results among the enrolled patients who meet a condition) count exactly the
 * patients that condition describes, with {@code risk} the risk group at enrolment.
 */
class SubgroupTest {
    private static final String LR = "risk == \"LR\"";
    private static final String EVERYONE = "risk == \"LR\" or risk == \"IR\"";
    private static final String NEGATIVE = "mrd.d46-flow < 0.01%";
    private static final String POSITIVE = "mrd.d46-flow >= 0.01%";
    private static CohortResult cohort;

    @BeforeAll
    static void simulate() throws Exception {
        LoadedProtocol cccg = BuiltinProtocols.load("cccg-blina-d19");
        cohort = new Simulator().cohort(cccg, new CohortOptions(20_000, 7, 2, null)
                .subgroups(List.of(LR, EVERYONE, NEGATIVE, POSITIVE, LR)));
    }

    private static CohortResult.ArmResult among(String condition) {
        return cohort.subgroups().stream().filter(g -> g.among().equals(condition)).findFirst().orElseThrow().arms().get(0);
    }

    @Test
    void eachConditionIsRunOnceInTheOrderGiven() {
        assertThat(cohort.subgroups()).extracting(CohortResult.Subgroup::among).containsExactly(LR, EVERYONE, NEGATIVE, POSITIVE);
    }

    @Test
    void aRiskGroupSubgroupHoldsThePatientsEnrolledInIt() {
        CohortResult.Flow all = cohort.arms().get(0).flow();
        CohortResult.Flow lr = among(LR).flow();
        assertThat(lr.enrolled()).isEqualTo(all.riskAtEnrolment().get("LR")).isPositive();
        assertThat(lr.riskAtEnrolment()).containsEntry("IR", 0L);
        assertThat(lr.presented()).as("a subgroup is of enrolled patients").isEqualTo(lr.enrolled());
    }

    @Test
    void aSubgroupOfEveryEnrolledPatientHasTheArmsResults() {
        CohortResult.ArmResult all = cohort.arms().get(0);
        CohortResult.ArmResult everyone = among(EVERYONE);
        assertThat(everyone.endpoints()).isEqualTo(all.endpoints());
        assertThat(everyone.responses()).isEqualTo(all.responses());
        assertThat(everyone.flow().nodes()).isEqualTo(all.flow().nodes());
    }

    @Test
    void complementaryMrdSubgroupsShareTheAssessedPatientsAndAMissingMrdIsInNeither() {
        CohortResult.Response d46 = cohort.arms().get(0).responses().stream().filter(r -> r.assessment().equals("d46-flow"))
                .findFirst().orElseThrow();
        assertThat(among(NEGATIVE).flow().enrolled() + among(POSITIVE).flow().enrolled()).isEqualTo(d46.assessed());
        assertThat(among(NEGATIVE).flow().enrolled()).isEqualTo(d46.negative().count());
        assertThat(d46.assessed()).as("some die before day 46").isLessThan(cohort.arms().get(0).flow().enrolled());
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() throws Exception {
        LoadedProtocol cccg = BuiltinProtocols.load("cccg-blina-d19");
        CohortResult one = new Simulator().cohort(cccg, new CohortOptions(20_000, 7, 1, null)
                .subgroups(List.of(LR, EVERYONE, NEGATIVE, POSITIVE)));
        assertThat(one).isEqualTo(cohort);
    }
}
