package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.TestProtocols;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.PatientSimulator;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.Progress;

/**
 * An assessment's drift (a time trend in the response) against its closed form, on
 * {@code protocols/mrd-drift.yaml}: log10 MRD after the block is -4 ± 1 on day 0 and falls by 0.3 a year
 * of enrolment, so the share below 1e-4 among patients enrolled in month m is Φ(0.3·m/12). Tolerances
 * are 5 binomial standard errors (a false failure has probability 6e-7; the seed is fixed).
 */
class ResponseDriftTest {
    private static final NormalDistribution Z = NormalDistribution.of(0, 1);
    private static final double PER_YEAR = 0.3;

    private static double negativeShare(CompiledProtocol compiled, double enrolmentDay, int n) {
        PatientSimulator simulator = new PatientSimulator(compiled, new RandomStreams(20261205));
        int slot = compiled.assessmentSlot(compiled.assessment("post"));
        int negative = 0;
        for (long i = 0; i < n; i++) {
            negative += simulator.simulate(i, ArmPolicy.BY_RATIO, enrolmentDay).state()[slot] == 0 ? 1 : 0;
        }
        return (double) negative / n;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 12, 30, 60})
    void theResponseShareOfPatientsEnrolledInMonthMFollowsTheShift(int month) {
        CompiledProtocol compiled = CompiledProtocol.of(TestProtocols.load(TestProtocols.text("mrd-drift.yaml")));
        int n = 40_000;
        double expected = Z.cumulativeProbability(PER_YEAR * month / 12.0);
        double share = negativeShare(compiled, month * TimeUnits.DAYS_PER_MONTH, n);
        assertThat(share).isCloseTo(expected, within(5 * Math.sqrt(expected * (1 - expected) / n)));
    }

    @Test
    void withoutADriftTheDayOfEnrolmentChangesNothing() {
        CompiledProtocol drifting = CompiledProtocol.of(TestProtocols.load(TestProtocols.text("mrd-drift.yaml")));
        CompiledProtocol still = CompiledProtocol.of(TestProtocols.edited("mrd-drift.yaml", "drift: {log10PerYear: -0.3}, ", ""));
        RandomStreams streams = new RandomStreams(5);
        PatientSimulator a = new PatientSimulator(still, streams);
        PatientSimulator b = new PatientSimulator(still, streams);
        PatientSimulator c = new PatientSimulator(drifting, streams);
        for (long i = 0; i < 2000; i++) {
            double[] late = a.simulate(i, ArmPolicy.BY_RATIO, 1000).state().clone();
            PatientOutcome cohort = b.simulate(i, ArmPolicy.BY_RATIO);
            assertThat(late).isEqualTo(cohort.state());
            // and a drift does nothing on the first day of accrual
            assertThat(c.simulate(i, ArmPolicy.BY_RATIO, 0).state()).isEqualTo(cohort.state());
        }
    }

    /**
     * In a trial each patient is enrolled on their arrival day: the trial's one patient arrives after an
     * exponential time of mean 24 months (the default accrual of a single-arm response design), so the
     * mean response is ∫ Φ(0.3·t/12) e^(−t/24)/24 dt over months t, here by the trapezoidal rule.
     */
    @Test
    void aTrialEnrolsEachPatientOnTheirArrivalDay() throws Exception {
        LoadedProtocol p = TestProtocols.load(TestProtocols.text("mrd-drift.yaml"));
        int replicates = 20_000;
        List<ReplicateLook> rows = new ArrayList<>();
        new Simulator().trial(p, new TrialOptions(replicates, 3, 2, false), Progress.NONE, rows::addAll);
        double responses = rows.stream().mapToDouble(ReplicateLook::estimate).sum();
        double expected = 0;
        double step = 0.01;
        for (double t = 0; t < 24 * 50; t += step) {
            expected += step / 2 * (density(t) + density(t + step));
        }
        assertThat(rows).hasSize(replicates);
        assertThat(expected).isCloseTo(0.6917, within(1e-4)); // 0.5 without the drift
        assertThat(responses / replicates).isCloseTo(expected, within(5 * Math.sqrt(expected * (1 - expected) / replicates)));
    }

    private static double density(double months) {
        return Z.cumulativeProbability(PER_YEAR * months / 12) * Math.exp(-months / 24) / 24;
    }
}
