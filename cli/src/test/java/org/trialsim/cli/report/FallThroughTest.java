package org.trialsim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Condition;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Route;

class FallThroughTest {
    private static Route route(String label, String when, Double probability) {
        return new Route(label, when == null ? null : new Condition(when), probability, null, label, null, null);
    }

    @Test
    void aRouteLabelledForOtherPatientsMayHoldThoseNotDrawnForTheRouteBeforeIt() {
        // aall1331's transplant decision: the MRD-negative not drawn for HSCT go on to the MRD-positive route
        Route negative = route("MRD-negative → HSCT", "mrd < 1e-4", 0.95);
        Route positive = route("MRD-positive → HSCT", "cr", 0.3);
        Route rest = route("No HSCT", null, null);
        List<List<Route>> into = FallThrough.of(new Node.Decision("HSCT?", null, List.of(route("Not in remission", "not cr", null),
                negative, positive, rest)));
        assertThat(into.get(0)).isEmpty();
        assertThat(into.get(1)).isEmpty();
        assertThat(into.get(2)).containsExactly(negative);
        assertThat(into.get(3)).containsExactly(negative, positive);
        assertThat(FallThrough.note(into.get(2))).isEqualTo("may also hold patients who met 'mrd < 1e-4' but were not drawn (5%) for"
                + " 'MRD-negative → HSCT'");
    }

    @Test
    void aRouteWithTheSameConditionOrNoneCatchesThemFirst() {
        // interfant-21: those not drawn for HSCT take the next route of the same condition, which says so
        Route hsct = route("MRD < 0.01% → HSCT", "mrd < 1e-4", 0.9);
        List<List<Route>> into = FallThrough.of(new Node.Decision("Before HSCT", null, List.of(hsct,
                route("MRD < 0.01%, no transplant → chemotherapy", "mrd < 1e-4", null), route("MRD ≥ 0.01% → off protocol", null, null))));
        assertThat(into).allSatisfy(from -> assertThat(from).isEmpty());
        // a route with a probability but no condition: the rest are everyone else, whom the next route's label describes
        assertThat(FallThrough.of(new Node.Decision("Randomized?", null, List.of(route("Not randomized", null, 0.2),
                route("Randomized", null, null))))).allSatisfy(from -> assertThat(from).isEmpty());
    }
}
