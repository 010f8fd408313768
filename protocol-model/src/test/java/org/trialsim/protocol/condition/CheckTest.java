package org.trialsim.protocol.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The constant checks' written-out equality is a record's. */
class CheckTest {
    @Test
    void constantsAreEqualWhenTheirValuesAre() {
        assertThat(new Check.Constant(true)).isEqualTo(Check.ALWAYS).hasSameHashCodeAs(Check.ALWAYS);
        assertThat(new Check.Constant(false)).isEqualTo(new Check.Constant(false)).isNotEqualTo(Check.ALWAYS);
        assertThat(Check.ALWAYS).isNotEqualTo(new Check.FlagIs(0, true));
    }
}
