package org.trialsim.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers in messages read as a person would write them, whatever their size. */
class ValuesTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                      | 0
            -28                    | -28
            36525                  | 36525
            0.025                  | 0.025
            2.5                    | 2.5
            1e-4                   | 1e-4
            1.25e-7                | 1.25e-7
            4.9e-324               | 4.9e-324
            1e15                   | 1e15
            1.5e16                 | 1.5e16
            1e300                  | 1e300
            -1e300                 | -1e300
            123456789.5            | 1.23457e8
            1e309                  | infinite (beyond about 1.8e308)
            -1e309                 | -infinite (beyond about 1.8e308)
            """)
    void numbersReadPlainly(double value, String text) {
        assertThat(Values.fmt(value)).isEqualTo(text);
    }
}
