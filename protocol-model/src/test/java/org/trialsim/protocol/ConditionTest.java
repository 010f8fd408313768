package org.trialsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A condition's written-out equality is a record's: by its text alone. */
class ConditionTest {
    @Test
    void conditionsAreEqualWhenTheirTextsAre() {
        assertThat(Condition.of("mrd < 1e-4")).isEqualTo(new Condition("mrd < 1e-4"))
                .hasSameHashCodeAs(new Condition("mrd < 1e-4"))
                .isNotEqualTo(Condition.of("mrd <= 1e-4"))
                .isNotEqualTo("mrd < 1e-4");
        assertThat(new Condition(null)).isEqualTo(new Condition(null)).isNotEqualTo(Condition.of(""));
        assertThat(new Condition(null).hashCode()).isZero();
    }
}
