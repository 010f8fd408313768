package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Limits' written-out equality is a record's: equal bounds, equal limits and hash; any bound apart, unequal. */
class LimitsTest {
    @ParameterizedTest
    @CsvSource({"4194304, 64, 65536, 100, 100, true", "4194303, 64, 65536, 100, 100, false", "4194304, 63, 65536, 100, 100, false",
        "4194304, 64, 65535, 100, 100, false", "4194304, 64, 65536, 99, 100, false", "4194304, 64, 65536, 100, 99, false"})
    void limitsAreEqualWhenEveryBoundIs(int bytes, int depth, int text, int name, int number, boolean equal) {
        Limits limits = new Limits(bytes, depth, text, name, number);

        assertThat(limits.equals(Limits.DEFAULT)).isEqualTo(equal);
        assertThat(Limits.DEFAULT.equals(limits)).isEqualTo(equal);
        assertThat(limits.hashCode() == Limits.DEFAULT.hashCode()).isEqualTo(equal);
    }
}
