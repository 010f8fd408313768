package org.trialsim.simulator.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.HazardCurve;
import org.trialsim.protocol.TimeUnits;

class HazardsTest {
    private static final double YEAR = TimeUnits.DAYS_PER_YEAR;

    @Test
    void piecewiseRatesGiveTheirCumulativeHazard() {
        PiecewiseConstantHazard h = Hazards.of(new HazardCurve.Piecewise(List.of(0.0, 365.25, 730.5), List.of(0.5, 0.2, 0.0), null, "test"));
        assertThat(h.cumulativeHazard(0)).isZero();
        assertThat(h.cumulativeHazard(YEAR)).isCloseTo(0.5, within(1e-12));
        assertThat(h.cumulativeHazard(1.5 * YEAR)).isCloseTo(0.6, within(1e-12));
        assertThat(h.cumulativeHazard(10 * YEAR)).isCloseTo(0.7, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1e-9, 0.1, 0.5, 0.55, 0.6999999})
    void inverseUndoesCumulative(double target) {
        PiecewiseConstantHazard h = Hazards.of(new HazardCurve.Piecewise(List.of(0.0, 365.25, 730.5), List.of(0.5, 0.2, 0.0), null, "test"));
        assertThat(h.cumulativeHazard(h.inverse(target))).isCloseTo(target, within(1e-9));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"0, 0", "0, 100", "100, 400", "365.25, 365.25", "200, 800", "700, 5000", "1000, 2000"})
    void betweenIsTheDifferenceOfCumulatives(double from, double to) {
        PiecewiseConstantHazard h = Hazards.of(new HazardCurve.Piecewise(List.of(0.0, 365.25, 730.5), List.of(0.5, 0.2, 0.05), null, "test"));
        assertThat(h.between(from, to)).isCloseTo(h.cumulativeHazard(to) - h.cumulativeHazard(from), within(1e-12));
    }

    @Test
    void aPlateauIsNeverReached() {
        PiecewiseConstantHazard h = Hazards.of(new HazardCurve.Piecewise(List.of(0.0, 365.25), List.of(0.5, 0.0), null, "test"));
        assertThat(h.inverse(0.5000001)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void zeroRatePieceBeforeAPositiveOneIsSkipped() {
        PiecewiseConstantHazard h = Hazards.of(new HazardCurve.Piecewise(List.of(0.0, 100.0), List.of(0.0, 365.25), null, "test"));
        // rate 0 until day 100, then 1 per day: any positive hazard is first reached after day 100
        assertThat(h.inverse(1e-9)).isCloseTo(100, within(1e-6));
        assertThat(h.inverse(2.5)).isCloseTo(102.5, within(1e-9));
    }

    @Test
    void survivalFormReproducesItsLandmarks() {
        PiecewiseConstantHazard h = Hazards.of(new HazardCurve.Survival(List.of(365.0, 730.0, 1095.0), List.of(0.58, 0.46, 0.39), 0.1, null, "test"));
        assertThat(h.survival(365)).isCloseTo(0.58, within(1e-12));
        assertThat(h.survival(730)).isCloseTo(0.46, within(1e-12));
        assertThat(h.survival(1095)).isCloseTo(0.39, within(1e-12));
        // tail: 0.1 per year after the last landmark
        assertThat(h.survival(1095 + YEAR)).isCloseTo(0.39 * Math.exp(-0.1), within(1e-12));
        // constant hazard between landmarks: halfway through year 2 the log-survival is halfway
        assertThat(Math.log(h.survival(547.5))).isCloseTo((Math.log(0.58) + Math.log(0.46)) / 2, within(1e-12));
    }
}
