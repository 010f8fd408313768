package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EscalationDesignTest {
    @ParameterizedTest
    @EnumSource(EscalationDesign.class)
    void theOtherDesignIsTheOtherOneAndItsOtherIsThisOne(EscalationDesign design) {
        assertThat(design.other()).isNotEqualTo(design);
        assertThat(design.other().other()).isEqualTo(design);
    }
}
