package org.trialsim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.design.sizing.Accrual;
import org.trialsim.simulator.design.sizing.Hazards;
import org.trialsim.simulator.design.sizing.Looks;
import org.trialsim.simulator.design.sizing.SurvivalResult;
import org.trialsim.simulator.design.sizing.SurvivalSizing;

class ProtocolSurvivalTest {
    private static LoadedProtocol example(String name, String... settings) throws Exception {
        return new ProtocolReader().read(Path.of("../examples/" + name), List.of(settings).stream().map(Setting::parse).toList());
    }

    /**
     * The three-look example: a control hazard of 0.06 deaths a month for 6 months, then 0.03, a hazard ratio of
     * 0.7, O'Brien–Fleming spending at 1/3, 2/3 and 1 with non-binding futility bounds 0 and 0.5, 20 patients a
     * month and (the default) 6 months of follow-up after accrual. rpact:
     * {@code d <- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, beta = 0.2, typeOfDesign = "asOF",
     * informationRates = c(1/3, 2/3, 1), futilityBounds = c(0, 0.5), bindingFutility = FALSE);
     * s <- getSampleSizeSurvival(d, hazardRatio = 0.7, lambda2 = c(0.06, 0.03), piecewiseSurvivalTime = c(0, 6),
     * accrualTime = c(0), accrualIntensity = 20, followUpTime = 6)}: {@code s$maxNumberOfEvents} = 262.1795919,
     * {@code s$maxNumberOfSubjects} = 558.2317145.
     */
    @Test
    void aPiecewiseExponentialProtocolAsksRpactsQuestion() throws Exception {
        ProtocolSurvival sizing = ProtocolSurvival.of(example("three-look-piecewise.yaml"), 0);
        assertThat(sizing.unavailable()).isNull();
        SurvivalResult result = sizing.question().sampleSize(0.8);
        assertThat(result.events()).isCloseTo(262.1795919, offset(1e-4));
        assertThat(result.patients()).isCloseTo(558.2317145, offset(1e-3));
        assertThat(result.hazardRatio()).isCloseTo(0.7, offset(1e-12));
    }

    /** A 2:1 allocation and a loss to follow-up are the protocol's. */
    @Test
    void theAllocationRatioAndDropoutAreTheProtocols() throws Exception {
        SurvivalResult result = ProtocolSurvival.of(example("two-arm-exponential.yaml",
                "pathway.nodes.randomize.strata.all.ratio={control: 1, experimental: 2}", "design.randomization.blockSizes=[3]",
                "design.accrual.dropoutPerYear=0.1"), 0)
                .question().sampleSize(0.8);
        SurvivalResult expected = SurvivalSizing.of(Hazards.exponential(Math.log(2) / 12, 0.6).withDropoutHazards(0.1 / 12, 0.1 / 12),
                Looks.single(0.025)).withAllocationRatio(2).withAccrual(Accrual.of(10, 0, new double[0], new double[0]), null)
                .sampleSize(0.8);
        assertThat(result.allocationRatio()).isEqualTo(2);
        assertThat(result.events()).isCloseTo(expected.events(), offset(1e-9));
        assertThat(result.patients()).isCloseTo(expected.patients(), offset(1e-6));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "design.analysis.stratifyBy=[risk]|the log-rank test is stratified",
        "population.initialMrd={type: constant, value: 0.5}|are not known in closed form",
    })
    void whatTheAnalyticAnswerCannotModelIsSaid(String setting, String why) throws Exception {
        ProtocolSurvival sizing = ProtocolSurvival.of(example("two-arm-exponential.yaml", setting), 0);
        assertThat(sizing.question()).isNull();
        assertThat(sizing.unavailable()).contains(why);
    }

    @Test
    void aProtocolWithATreatmentPathwayHasNoAnalyticAnswer() throws Exception {
        ProtocolSurvival sizing = ProtocolSurvival.of(BuiltinProtocols.load("aall1331", List.of()), 0);
        assertThat(sizing.question()).isNull();
        assertThat(sizing.unavailable()).isNotBlank();
    }
}
