package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Range;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.design.simon.SimonSearch;

/** The protocol ranges that stand for a limit of the simulator are that limit (docs/limits.md). */
class RangesMatchTheSimulatorTest {

    @Test
    void doseLevelsAreTheEscalationSimulatorsLimit() {
        assertThat(Range.MAX_DOSE_LEVELS).isEqualTo(EscalationScenario.MAX_LEVELS);
    }

    @Test
    void twoStageSizesAreWhatExactEnumerationCovers() {
        assertThat(Range.MAX_TWO_STAGE_N).isEqualTo(SimonSearch.LIMIT_N);
    }

    @Test
    void theLargestSampleLeavesRoomAmongAReplicatesPresentingPatients() {
        // a trial of the largest size draws its patients from 2^24 presenting ones: room for screen failures
        assertThat((long) Range.MAX_SAMPLE_SIZE * 100).isLessThanOrEqualTo(VirtualTrial.STRIDE);
    }
}
