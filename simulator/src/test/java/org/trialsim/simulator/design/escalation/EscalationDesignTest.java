package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EscalationDesignTest {
    @Test
    void theRollingSixAndThe3plus3AreComparedWithEachOther() {
        assertThat(EscalationDesign.ROLLING_SIX.other()).isEqualTo(EscalationDesign.THREE_PLUS_THREE);
        assertThat(EscalationDesign.THREE_PLUS_THREE.other()).isEqualTo(EscalationDesign.ROLLING_SIX);
    }

    @ParameterizedTest
    @EnumSource(value = EscalationDesign.class, names = {"BOIN", "TITE_BOIN", "CRM", "TITE_CRM"})
    void theTargetBasedDesignsAreComparedWithTheRollingSix(EscalationDesign design) {
        assertThat(design.other()).isEqualTo(EscalationDesign.ROLLING_SIX);
        assertThat(design.targetBased()).isTrue();
    }

    @Test
    void onlyBoinTiteBoinAndTheCrmTreatCohorts() {
        assertThat(EscalationDesign.values()).filteredOn(EscalationDesign::cohorts)
                .containsExactly(EscalationDesign.BOIN, EscalationDesign.TITE_BOIN, EscalationDesign.CRM);
    }
}
