package org.trialsim.simulator.design.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BOIN's choice of the MTD against the BOIN package's {@code select.mtd(0.3, n, y)$MTD} (BOIN 2.7.2, R 4.2.2), on data
 * that need the isotonic regression, its ties and the elimination rule.
 */
class BoinSelectionTest {

    @ParameterizedTest(name = "n = {0}, y = {1}: level {2}")
    @CsvSource(delimiter = '|', value = {
            // patients per level | DLTs per level | select.mtd's MTD (99, no MTD, is 0 here)
            "3 6 12 6 3 | 0 1 3 3 2 | 3",
            "3 3 9 3 0  | 0 0 2 2 0 | 3",
            "6 6 6 0 0  | 3 3 4 0 0 | 1",
            "3 6 9 0 0  | 0 1 3 0 0 | 3",
            "3 3 3 3 3  | 0 0 1 1 1 | 3",
            "3 9 6 0 0  | 0 3 2 0 0 | 2",
    })
    void choosesAsTheBoinPackage(String patients, String dlts, int expected) {
        int[] n = withLevelZero(patients);
        int[] y = withLevelZero(dlts);
        assertThat(new BoinSelection(0.3, n.length - 1).select(n, y)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "n = {0}, y = {1}: none")
    @CsvSource(delimiter = '|', value = {
            // the lowest level eliminated: 3 of 3 (posterior probability 1 − 0.3^4 of a rate above 0.3), 4 of 6
            "3 0 0 | 3 0 0",
            "6 3 0 | 4 2 0",
    })
    void choosesNoneWhenTheLowestLevelIsEliminated(String patients, String dlts) {
        int[] n = withLevelZero(patients);
        int[] y = withLevelZero(dlts);
        assertThat(new BoinSelection(0.3, n.length - 1).select(n, y)).isZero();
    }

    private static int[] withLevelZero(String list) {
        int[] values = Arrays.stream(list.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
        int[] indexed = new int[values.length + 1];
        System.arraycopy(values, 0, indexed, 1, values.length);
        return indexed;
    }
}
