package org.trialsim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsim.protocol.Design.Escalation.WhenFull;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.design.EarlyPhaseAnalysis;
import org.trialsim.simulator.design.escalation.Arrivals;
import org.trialsim.simulator.design.escalation.EscalationDesign;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.design.escalation.EscalationSimulation;
import org.trialsim.simulator.design.simon.SimonDesign;
import org.trialsim.simulator.design.simon.SimonSearch;
import org.trialsim.simulator.trial.TrialOptions;

/**
 * Each report writes every format it declares, with a writer of its own, and refuses the others: the
 * declared formats (what --format accepts) and the registered writers are the same set.
 */
class ReportFormatsTest {
    private static final Simulator SIMULATOR = new Simulator();
    private static List<Report> reports;

    @BeforeAll
    static void smallResults() throws Exception {
        LoadedProtocol aall1331 = SIMULATOR.load("aall1331");
        LoadedProtocol aall1121 = SIMULATOR.load("aall1121");
        var scenario = new EscalationScenario(List.of(0.05, 0.1, 0.25), 1, 10, Arrivals.EXPONENTIAL, 28, WhenFull.LOST, 0.25);
        var escalation = SIMULATOR.escalation(EscalationSimulation.of(scenario)
                .designs(EscalationDesign.ROLLING_SIX, EscalationDesign.THREE_PLUS_THREE).replicates(50).seed(3).threads(1));
        SimonDesign design = SimonDesign.of(3, 13, 12, 43);
        reports = List.of(
                new CohortReport(SIMULATOR.cohort(aall1331, new CohortOptions(200, 3, 1, null)), aall1331.protocol()),
                new TrialReport(SIMULATOR.trial(aall1331, new TrialOptions(20, 3, 1, false)), aall1331.protocol()),
                new EarlyPhaseReport(SIMULATOR.earlyPhase(aall1121, new EarlyPhaseAnalysis.Settings(50, 3, 1)), aall1121),
                new EscalationReport(escalation, List.of(), null, null),
                new SimonReport(new SimonReport.Parameters(0.2, 0.4, 0.05, 0.1), SIMULATOR.simon(SimonSearch.of(0.2, 0.4, 0.05, 0.1)),
                        new SimonReport.Evaluation(design, SIMULATOR.simon(design, 0.2, 0.4), false), null),
                new ProtocolReport(aall1331.protocol()));
    }

    static Stream<Arguments> reportsAndTheirFormats() {
        return Stream.of(
                Arguments.of(CohortReport.class, CohortReport.FORMATS),
                Arguments.of(TrialReport.class, TrialReport.FORMATS),
                Arguments.of(EarlyPhaseReport.class, EarlyPhaseReport.FORMATS),
                Arguments.of(EscalationReport.class, EscalationReport.FORMATS),
                Arguments.of(SimonReport.class, SimonReport.FORMATS),
                Arguments.of(ProtocolReport.class, ProtocolReport.FORMATS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportsAndTheirFormats")
    void writesEachOfItsFormatsAndRefusesTheOthers(Class<? extends Report> type, Set<Format> formats) throws Exception {
        Report report = reports.stream().filter(type::isInstance).findFirst().orElseThrow();
        for (Format format : formats) {
            StringWriter out = new StringWriter();
            report.write(format, out);
            assertThat(out.toString()).as("%s as %s", type.getSimpleName(), format).isNotBlank();
            if (format == Format.JSON) {
                assertThat(out.toString()).startsWith("{");
            }
        }
        for (Format format : EnumSet.complementOf(EnumSet.copyOf(formats))) {
            assertThatThrownBy(() -> report.write(format, new StringWriter())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not " + format.id());
        }
    }

    @Test
    void aReportWhoseWritersDifferFromItsFormatsCannotBeMade() {
        assertThatThrownBy(() -> new FormatWriters<ProtocolReport>(Format.setOf(Format.TABLE, Format.JSON),
                Map.of(Format.TABLE, (report, out) -> out.write("x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[TABLE, JSON]").hasMessageContaining("[TABLE]");
    }

    @Test
    void formatsAreListedAsASentence() {
        assertThat(Format.list(CohortReport.FORMATS)).isEqualTo("table, json, csv or html");
        assertThat(Format.list(EscalationReport.FORMATS)).isEqualTo("table, json or html");
        assertThat(Format.list(EarlyPhaseReport.FORMATS)).isEqualTo("table or json");
        assertThat(Format.list(ProtocolReport.FORMATS)).isEqualTo("table");
        assertThat(Format.named("Json")).isEqualTo(Format.JSON);
        assertThat(Format.named("xml")).isNull();
    }
}
