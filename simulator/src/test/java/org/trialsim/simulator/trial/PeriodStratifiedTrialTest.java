package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.Patients;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.trial.accrual.AccrualProcess;

/**
 * The log-rank test stratified by calendar period of enrolment ({@code stratifyBy: [period]}), against
 * the textbook sums computed here independently of the engine's risk-set table: for each period s (the
 * whole periods from the start of accrual to the patient's arrival) and each distinct event time,
 * O₁ − E₁ += d₁ − d·n₁/n and V += d(n − d)n₀n₁/(n²(n − 1)), z = (O₁ − E₁)/√V, as R's
 * {@code survdiff(Surv(t, d) ~ arm + strata(period))} sums them. The two-arm example (220 patients, 10 a
 * month, final analysis at 120 deaths) spans 22 months: periods of 6 months make 4 strata.
 */
class PeriodStratifiedTrialTest {

    /** Every patient's arrival, arm and days to death, as the trial enrols them. */
    private static final class Recorder implements Analysis.Data {
        final List<double[]> patients = new ArrayList<>();

        @Override
        public void resize(int patients) {
            this.patients.clear();
        }

        @Override
        public void record(int i, PatientOutcome o, VirtualTrial trial) {
            patients.add(new double[] {trial.arrival(i), trial.arm(i), Math.min(o.deathTime(), o.relapseTime())});
        }

        @Override
        public Conclusion conclude(VirtualTrial trial, boolean finalOnly, double scale) {
            throw new UnsupportedOperationException();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4})
    void theStatisticIsTheSumOverPeriodsOfEnrolment(long replicate) throws Exception {
        double periodMonths = 6;
        LoadedProtocol p = new ProtocolReader().read(Path.of("../examples/two-arm-exponential.yaml"), List.of(
                Setting.parse("design.analysis.stratifyBy=[period]"), Setting.parse("design.analysis.periodMonths=" + periodMonths)));
        CompiledProtocol compiled = CompiledProtocol.of(p);
        TrialDesign design = TrialDesign.of(compiled, Registry.builtIns());
        assertThat(design.analyses.get(0).test()).isEqualTo("stratified log-rank");
        RandomStreams streams = new RandomStreams(11);
        Analysis.Data comparison = design.analyses.get(0).newData(design, streams, false);
        Recorder recorder = new Recorder();
        VirtualTrial trial = new VirtualTrial(design, compiled, streams, List.of(comparison, recorder), false, compiled.index().nodes(),
                Patients.of(compiled, streams));
        trial.simulate(replicate, design.sampleSize, AccrualProcess.of(design.accrual));
        trial.looks().keep(true);
        trial.looks().clear();
        Conclusion c = comparison.conclude(trial, false, 1);
        double cut = trial.looks().day(0);
        assertThat(c.events()).isEqualTo(120);

        double periodDays = periodMonths * TimeUnits.DAYS_PER_MONTH;
        double horizon = compiled.horizonDays();
        double oMinusE = 0;
        double v = 0;
        int strata = 0;
        for (int s = 0; ; s++) {
            List<double[]> in = new ArrayList<>(); // {time, event, arm}
            boolean later = false;
            for (double[] patient : recorder.patients) {
                int period = (int) Math.floor(patient[0] / periodDays);
                later |= period > s;
                if (period != s || patient[0] > cut) {
                    continue;
                }
                boolean observed = patient[2] <= horizon && patient[0] + patient[2] <= cut;
                in.add(new double[] {observed ? patient[2] : Math.min(cut - patient[0], horizon), observed ? 1 : 0, patient[1]});
            }
            if (!in.isEmpty()) {
                strata++;
            }
            TreeSet<Double> eventTimes = new TreeSet<>();
            in.stream().filter(x -> x[1] == 1).forEach(x -> eventTimes.add(x[0]));
            for (double t : eventTimes) {
                double n0 = 0;
                double n1 = 0;
                double d0 = 0;
                double d1 = 0;
                for (double[] x : in) {
                    if (x[0] >= t) {
                        n0 += x[2] == 0 ? 1 : 0;
                        n1 += x[2] == 1 ? 1 : 0;
                    }
                    if (x[0] == t && x[1] == 1) {
                        d0 += x[2] == 0 ? 1 : 0;
                        d1 += x[2] == 1 ? 1 : 0;
                    }
                }
                double n = n0 + n1;
                double d = d0 + d1;
                oMinusE += d1 - d * n1 / n;
                v += n > 1 ? d * (n - d) * n0 * n1 / (n * n * (n - 1)) : 0;
            }
            if (!later) {
                break;
            }
        }
        assertThat(strata).isEqualTo(4);
        // the trial's statistic is oriented so that a benefit of the experimental arm is positive
        assertThat(trial.looks().statistic(0)).isCloseTo(-oMinusE / Math.sqrt(v), within(1e-9));
    }
}
