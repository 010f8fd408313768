package org.trialsim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The yardstick of issue 12 simulates the design it stands for: {@code examples/two-arm-exponential.yaml},
 * whose power rpact puts at 79.55% (getSimulationSurvival at 100,000 replicates, seed 1, the call in
 * benchmarks/compare-rpact.sh; its own Monte Carlo standard error 0.13 points) and whose Cox estimate
 * targets log 0.6. Tolerances are four standard errors of 4,000 replicates: of the power
 * √(0.7955 · 0.2045 / 4,000) = 0.0064 (plus rpact's 0.0013), of the mean estimate about
 * √(4 / 120) / √4,000 = 0.0029 (the log hazard ratio's variance at 120 events with equal arms).
 */
class DesignLoopProcessTest {
    private static final int REPLICATES = 4_000;

    @Test
    void powerAndEstimateAgreeWithRpactAndTheTrueEffect() throws Exception {
        DesignLoopProcess.Result result = DesignLoopProcess.run(REPLICATES, 1);

        assertThat(result.power()).isCloseTo(0.7955, within(4 * Math.sqrt(0.0064 * 0.0064 + 0.0013 * 0.0013)));
        assertThat(result.meanLogHazardRatio()).isCloseTo(Math.log(0.6), within(4 * 0.0029));
    }

    @Test
    void theThreadsShareTheSameReplicates() throws Exception {
        DesignLoopProcess.Result one = DesignLoopProcess.run(REPLICATES, 1);
        DesignLoopProcess.Result three = DesignLoopProcess.run(REPLICATES, 3);

        assertThat(three.rejections()).isEqualTo(one.rejections());
        assertThat(three.meanLogHazardRatio()).isCloseTo(one.meanLogHazardRatio(), within(1e-12));
    }
}
