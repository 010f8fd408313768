package org.trialsim.simulator.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.run.Progress;

/** The crude share at a data cut, screen failures and risk groups, each read from the cohort result. */
class CrudeAndFlowTargetsTest {
    private static final CohortOptions OPTIONS = new CohortOptions(4_000, 11, 2, null);

    /**
     * With every patient followed exactly 36 months the crude share is the cumulative incidence at 3 years;
     * with follow-up spread from 12 to 60 months it lies between the incidences at 1 and 5 years.
     */
    @Test
    void aCrudeShareAtAFixedFollowUpIsTheCumulativeIncidenceThen() throws Exception {
        LoadedProtocol p = BuiltinProtocols.load("aall1331", List.of(
                Setting.parse("targets[8]={label: at 36 months, measure: crude, arm: B, endpoint: dfs, event: relapse,"
                        + " followUpMonths: [36, 36], value: 0.3, n: 105, source: test}"),
                Setting.parse("targets[9]={label: 12 to 60 months, measure: crude, arm: B, endpoint: dfs, event: relapse,"
                        + " followUpMonths: [12, 60], value: 0.3, n: 105, source: test}")));
        Simulator simulator = new Simulator();
        CalibrationResult r = simulator.calibrate(p, OPTIONS, Progress.NONE);
        CohortResult.ArmResult b = simulator.cohort(p, OPTIONS, Progress.NONE).arms().stream().filter(a -> a.arm().equals("B"))
                .findFirst().orElseThrow();
        List<CohortResult.SurvivalPoint> relapse = b.endpoints().stream().filter(e -> e.endpoint().equals("dfs")).findFirst()
                .orElseThrow().incidence().stream().filter(i -> i.event().equals("relapse")).findFirst().orElseThrow().landmarks();
        assertThat(r.targets().get(8).simulated()).isCloseTo(at(relapse, 3), within(1e-12));
        assertThat(r.targets().get(9).simulated()).isBetween(at(relapse, 1), at(relapse, 5));
    }

    @Test
    void screenFailuresAndRiskGroupsAreSharesOfTheFlow() throws Exception {
        LoadedProtocol p = BuiltinProtocols.load("interfant-21");
        Simulator simulator = new Simulator();
        CalibrationResult r = simulator.calibrate(p, OPTIONS, Progress.NONE);
        CohortResult.Flow f = simulator.cohort(p, OPTIONS, Progress.NONE).arms().get(0).flow();
        assertThat(r.targets().get(0).simulated()).isEqualTo((double) f.screenFailures().get(0).failed() / f.presented());
        assertThat(r.targets().get(1).simulated()).isEqualTo((double) f.riskAtEnrolment().get("HR") / f.enrolled());
    }

    private static double at(List<CohortResult.SurvivalPoint> landmarks, double years) {
        return landmarks.stream().filter(x -> x.years() == years).findFirst().orElseThrow().estimate();
    }
}
