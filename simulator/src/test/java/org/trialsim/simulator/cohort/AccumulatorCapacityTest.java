package org.trialsim.simulator.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Range;

/**
 * The cohort's exact sums hold the largest values validation lets through, for the most patients a
 * run may have: every patient at the most a patient's blocks may cost ({@link Range#MAX_COST}) or last
 * ({@link Range#CENTURY_DAYS}). An ExactSum keeps its sum of squares in a signed 128-bit integer.
 */
class AccumulatorCapacityTest {
    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(127);

    private static BigInteger sumOfSquares(double largest, double scale) {
        BigInteger v = BigInteger.valueOf(Math.round(largest * scale));
        return v.multiply(v).multiply(BigInteger.valueOf(CohortOptions.MAX_PATIENTS));
    }

    @Test
    void theCostOfTheMostPatientsAtTheHighestCostFits() {
        assertThat(sumOfSquares(Range.MAX_COST, CohortAccumulator.COST_SCALE)).isLessThan(LIMIT);
    }

    @Test
    void theTimeOnTherapyOfTheMostPatientsOnTheLongestPathFits() {
        assertThat(sumOfSquares(Range.CENTURY_DAYS, CohortAccumulator.TIME_SCALE)).isLessThan(LIMIT);
    }
}
