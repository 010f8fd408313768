package org.trialsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.HazardCurve;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.protocol.condition.Check;
import org.trialsim.protocol.condition.Operator;
import org.trialsim.simulator.hazard.Hazards;
import org.trialsim.simulator.hazard.PiecewiseConstantHazard;

/** The event day of a hazard clock against the cumulative hazard spent rule by rule. */
class HazardClockTest {
    private static final double YEAR = TimeUnits.DAYS_PER_YEAR;
    // slot 0 holds MRD: below 1e-4 the low rule (0.2 a year) applies, otherwise the high one (1 a year)
    private static final CompiledProtocol.Rule LOW = rule(new Check.NumberVsConstant(0, Operator.LT, 1e-4), 0.2, 1, 0);
    private static final CompiledProtocol.Rule HIGH = rule(Check.ALWAYS, 1.0, 1, 0);

    private static CompiledProtocol.Rule rule(Check when, double ratePerYear, double hazardRatio, double curedFraction) {
        PiecewiseConstantHazard h = Hazards.of(new HazardCurve.Piecewise(List.of(0.0, YEAR), List.of(ratePerYear, ratePerYear / 2), null, "test"));
        return new CompiledProtocol.Rule("test", when, h, hazardRatio, curedFraction);
    }

    private static HazardClock clock(double budget, double cure, CompiledProtocol.Rule... rules) {
        HazardClock clock = new HazardClock(rules);
        clock.start(budget, cure);
        return clock;
    }

    @Test
    void underOneRuleTheBudgetRunsOutWhereItsCumulativeHazardReachesIt() {
        HazardClock c = clock(0.7, 0.5, HIGH);
        c.follow(0, new double[] {1}, true);
        // 1 in the first year, then 0.5 a year: 0.7 is reached at 0.7 years
        assertThat(c.eventDay()).isCloseTo(0.7 * YEAR, within(1e-9));
    }

    @Test
    void aChangeOfRuleSpendsTheOldHazardFirst() {
        HazardClock c = clock(0.5, 0.5, LOW, HIGH);
        double[] state = {1e-3};
        c.follow(0, state, true);
        state[0] = 1e-5;
        // 0.25 spent at rate 1 by day YEAR / 4; the remaining 0.25 at 0.2 a year takes 1.25 years: past
        // year 1 the rate halves, so 0.15 is spent by year 1 and the last 0.1 at 0.1 a year takes a year
        c.follow(YEAR / 4, state, true);
        assertThat(c.eventDay()).isCloseTo(2 * YEAR, within(1e-9));
    }

    @Test
    void followingAnUnchangedStateChangesNothing() {
        double[] state = {1e-3};
        HazardClock once = clock(0.9, 0.5, LOW, HIGH);
        once.follow(0, state, true);
        HazardClock often = clock(0.9, 0.5, LOW, HIGH);
        for (int day = 0; day < 300; day += 7) {
            often.follow(day, state, true);
        }
        assertThat(often.eventDay()).isEqualTo(once.eventDay());
    }

    @Test
    void noHazardAccruesOutOfRemission() {
        HazardClock c = clock(0.5, 0.5, HIGH);
        double[] state = {1};
        c.follow(0, state, false);
        assertThat(c.eventDay()).isInfinite();
        c.follow(100, state, true);
        assertThat(c.eventDay()).isCloseTo(100 + 0.5 * YEAR, within(1e-9));
    }

    @Test
    void aPatientCuredUnderTheRuleInForceHasNoEvent() {
        CompiledProtocol.Rule cures = rule(Check.ALWAYS, 1.0, 1, 0.3);
        HazardClock cured = clock(0.1, 0.29, cures);
        cured.follow(0, new double[] {1}, true);
        assertThat(cured.eventDay()).isInfinite();
        HazardClock notCured = clock(0.1, 0.3, cures);
        notCured.follow(0, new double[] {1}, true);
        assertThat(notCured.eventDay()).isCloseTo(0.1 * YEAR, within(1e-9));
    }

    @Test
    void theHazardRatioScalesTheRate() {
        HazardClock c = clock(0.5, 0.5, rule(Check.ALWAYS, 1.0, 2, 0));
        c.follow(0, new double[] {1}, true);
        assertThat(c.eventDay()).isCloseTo(0.25 * YEAR, within(1e-9));
    }

    @Test
    void aHazardOfZeroOrARatioOfZeroNeverRunsOutEvenOnABudgetOfZero() {
        CompiledProtocol.Rule zero = rule(Check.ALWAYS, 0, 1, 0);
        CompiledProtocol.Rule noRatio = rule(Check.ALWAYS, 1, 0, 0);
        for (CompiledProtocol.Rule r : new CompiledProtocol.Rule[] {zero, noRatio}) {
            for (double budget : new double[] {0, 0.3}) {
                HazardClock c = clock(budget, 0.5, r);
                c.follow(10, new double[] {1}, true);
                assertThat(c.eventDay()).isEqualTo(Double.POSITIVE_INFINITY);
                c.scaleFrom(20, 2);
                assertThat(c.eventDay()).isEqualTo(Double.POSITIVE_INFINITY);
            }
        }
    }
}
