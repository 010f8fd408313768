package org.trialsim.simulator.design.simon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimonDesignTest {
    private final SimonDesign minimax = SimonDesign.of(4, 18, 10, 33);

    @Test
    void givesTheExactErrorRatesOfSimonsMinimaxDesign() {
        // values from the brute-force R search quoted in SimonSearchTest
        OperatingCharacteristics at0 = minimax.evaluate(0.2);
        OperatingCharacteristics at1 = minimax.evaluate(0.4);

        assertThat(at0.rejectProbability()).isCloseTo(0.04583013417, within(1e-10));
        assertThat(at0.earlyStopProbability()).isCloseTo(0.71635381573, within(1e-10));
        assertThat(at0.expectedSampleSize()).isCloseTo(22.25469276407, within(1e-10));
        assertThat(at1.rejectProbability()).isCloseTo(0.80114168242, within(1e-10));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.1, 0.25, 0.33, 0.5, 0.77, 0.99})
    void agreesWithSummingOverEveryOutcomeOfBothStages(double p) {
        // the joint distribution of (X1, X2), summed outcome by outcome
        BinomialDistribution s1 = BinomialDistribution.of(18, p);
        BinomialDistribution s2 = BinomialDistribution.of(15, p);
        double reject = 0;
        double stop = 0;
        for (int x1 = 0; x1 <= 18; x1++) {
            if (x1 <= 4) {
                stop += s1.probability(x1);
                continue;
            }
            for (int x2 = 0; x2 <= 15; x2++) {
                if (x1 + x2 > 10) {
                    reject += s1.probability(x1) * s2.probability(x2);
                }
            }
        }
        OperatingCharacteristics oc = minimax.evaluate(p);

        assertThat(oc.p()).isEqualTo(p);
        assertThat(oc.rejectProbability()).isCloseTo(reject, within(1e-13));
        assertThat(oc.earlyStopProbability()).isCloseTo(stop, within(1e-13));
        assertThat(oc.expectedSampleSize()).isCloseTo(18 + (1 - stop) * 15, within(1e-12));
    }

    @Test
    void handlesTheCertainResponseRates() {
        List<OperatingCharacteristics> oc = minimax.evaluate(0.0, 1.0);

        assertThat(oc.get(0).earlyStopProbability()).isEqualTo(1.0);
        assertThat(oc.get(0).rejectProbability()).isEqualTo(0.0);
        assertThat(oc.get(0).expectedSampleSize()).isEqualTo(18.0);
        assertThat(oc.get(1).earlyStopProbability()).isEqualTo(0.0);
        assertThat(oc.get(1).rejectProbability()).isEqualTo(1.0);
        assertThat(oc.get(1).expectedSampleSize()).isEqualTo(33.0);
    }

    @Test
    void aFinalBoundBelowTheFirstStageSizeRejectsOnStageOneAlone() {
        // r = 2 < n1 = 5: four responses in stage 1 already exceed r
        SimonDesign d = SimonDesign.of(1, 5, 2, 8);
        double p = 0.3;
        BinomialDistribution s1 = BinomialDistribution.of(5, p);
        BinomialDistribution s2 = BinomialDistribution.of(3, p);
        double expected = s1.probability(2) * s2.survivalProbability(0) + s1.survivalProbability(2);

        assertThat(d.evaluate(p).rejectProbability()).isCloseTo(expected, within(1e-15));
    }

    @ParameterizedTest(name = "{0}/{1}, {2}/{3}: {4}")
    @CsvSource({
            "0, 0, 1, 5, n1",
            "-1, 5, 2, 10, r1",
            "5, 5, 6, 10, r1",
            "1, 5, 3, 5, n must",
            "2, 5, 1, 10, r must",
            "2, 5, 10, 10, r must",
    })
    void rejectsImpossibleDesigns(int r1, int n1, int r, int n, String named) {
        assertThatThrownBy(() -> SimonDesign.of(r1, n1, r, n))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(named);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.1, Double.NaN})
    void rejectsResponseRatesOutsideZeroToOne(double p) {
        assertThatThrownBy(() -> minimax.evaluate(p)).hasMessageContaining("response rate p");
    }

    @Test
    void printsAsSimonWritesIt() {
        assertThat(minimax).hasToString("4/18, 10/33");
    }
}
