package org.trialsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.simulator.random.RandomStreams;

/**
 * Every covariate and the MRD at enrolment get the value their own stream gives when each is drawn in the
 * protocol's order by its sampler, whatever path the engine takes to them (ValueSampler.draw's direct
 * calls, a conditional's cases): checked bit for bit on protocols with yes/no, two-level, categorical,
 * histogram, log-normal and conditional covariates (aall1331's MRD at enrolment and a covariate depend on
 * earlier ones).
 */
class CovariateOrderTest {

    @ParameterizedTest
    @CsvSource({"interfant-21", "aall1331", "cccg-blina-d19"})
    void everyCovariateIsWhatItsOwnStreamDrawsInTheProtocolsOrder(String name) throws Exception {
        CompiledProtocol p = CompiledProtocol.of(BuiltinProtocols.load(name));
        RandomStreams streams = new RandomStreams(7);
        PatientSimulator simulator = new PatientSimulator(p, streams);
        assertThat(p.covariateSamplers).hasAtLeastOneElementOfType(ValueSampler.TwoLevels.class);
        Draws draws = new Draws();
        double[] expected = new double[p.slots];
        for (long patient = 0; patient < 20_000; patient++) {
            Arrays.fill(expected, Double.NaN);
            long mixed = RandomStreams.mix(patient);
            for (int i = 0; i < p.covariateSlots.length; i++) {
                draws.reset(RandomStreams.shortSeed(streams.key(p.covariatePurposes[i]), mixed));
                expected[p.covariateSlots[i]] = p.covariateSamplers[i].sample(draws, expected);
            }
            draws.reset(RandomStreams.shortSeed(streams.key(p.initialMrdPurpose), mixed));
            double initialMrd = Math.min(1, Math.max(0, p.initialMrd.sample(draws, expected)));

            PatientOutcome o = simulator.simulate(patient, ArmPolicy.forced(0));
            for (int slot : p.covariateSlots) {
                assertThat(Double.doubleToRawLongBits(o.state()[slot])).isEqualTo(Double.doubleToRawLongBits(expected[slot]));
            }
            assertThat(Double.doubleToRawLongBits(o.initialMrd())).isEqualTo(Double.doubleToRawLongBits(initialMrd));
        }
    }
}
