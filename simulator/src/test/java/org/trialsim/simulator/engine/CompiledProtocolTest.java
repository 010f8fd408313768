package org.trialsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.builtin.BuiltinProtocols;

/** What the compiler works out once so that the engine need not do it per patient. */
class CompiledProtocolTest {

    @Test
    void anMrdChangeCountsOnlyWhereAnAssessmentCanFollow() throws Exception {
        CompiledProtocol p = CompiledProtocol.of(BuiltinProtocols.load("interfant-21"));
        List<String> assessedLater = new ArrayList<>();
        for (int i = 0; i < p.nodes.length; i++) {
            if (p.mrdAssessedLater[i]) {
                assessedLater.add(p.nodeIds[i]);
            }
        }
        // induction, blina-1 and hr-consolidation are assessed themselves; the decisions before them lead
        // there; consolidation, the second cycle or MARMA, OCTADAD, maintenance and HSCT see no more MRD
        assertThat(assessedLater).containsExactlyInAnyOrder("induction", "after-induction", "blina-1", "after-blina-1",
                "hr-consolidation");
    }

    @Test
    void theRulesOfEventsInRemissionReadMrdAndTheSlotsOfTheirConditions() throws Exception {
        CompiledProtocol p = CompiledProtocol.of(BuiltinProtocols.load("interfant-21"));
        List<String> read = new ArrayList<>();
        for (String name : List.of("mrd", "received.blina-1", "received.hsct", "received.blina-2", "risk", "ageDays")) {
            if (p.readByRemissionRules[p.symbols.slot(name)]) {
                read.add(name);
            }
        }
        // relapse: received.blina-1 and mrd, transplanted (received.hsct), mrd thresholds; death: always
        assertThat(read).containsExactly("mrd", "received.blina-1", "received.hsct");
    }
}
