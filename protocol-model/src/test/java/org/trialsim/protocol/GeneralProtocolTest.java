package org.trialsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trialsim.protocol.condition.ProtocolVariables;
import org.trialsim.protocol.condition.Symbols;
import org.trialsim.protocol.condition.VariableType;

/** The model is general: a small protocol that is none of the five built-ins reads from a file. */
class GeneralProtocolTest {

    @Test
    void twoArmProtocolWithOneDecisionPointLoads() throws Exception {
        LoadedProtocol loaded = TestProtocols.read(TestProtocols.TWO_ARM, TestProtocols.text(TestProtocols.TWO_ARM));
        Protocol p = loaded.protocol();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(p.arms()).containsOnlyKeys("control", "experimental");
        assertThat(p.pathway().nodes().values()).filteredOn(n -> n instanceof Node.Decision).hasSize(1);
        Node.Allocation allocation = (Node.Allocation) p.pathway().nodes().get("randomize");
        assertThat(allocation.strata().get("all").ratio()).containsEntry("control", 1).containsEntry("experimental", 1);
        Node.Block blina = (Node.Block) p.pathway().nodes().get("blina");
        assertThat(blina.toxicities().get("crs").probability()).isEqualTo(0.02);
        assertThat(p.outcomes().curves().get("high")).isInstanceOf(HazardCurve.Survival.class);
        assertThat(p.pathway().remissionBelow()).isEqualTo(Pathway.DEFAULT_REMISSION_BELOW);
        assertThat(p.endpoints().get("efs").origin()).isEqualTo(Endpoint.Origin.ENROLMENT);
    }

    @Test
    void variablesFollowTheProtocol() throws Exception {
        Protocol p = TestProtocols.read(TestProtocols.TWO_ARM, TestProtocols.text(TestProtocols.TWO_ARM)).protocol();
        Symbols symbols = ProtocolVariables.of(p);
        assertThat(symbols.variable("age").type()).isEqualTo(VariableType.NUMBER);
        assertThat(symbols.variable("sex").type()).isEqualTo(VariableType.category(java.util.List.of("female", "male")));
        assertThat(symbols.variable("risk").type()).isEqualTo(VariableType.category(java.util.List.of("SR", "HR")));
        assertThat(symbols.variable("arm").type()).isEqualTo(VariableType.category(java.util.List.of("control", "experimental")));
        assertThat(symbols.variable("mrd.eoi").type()).isEqualTo(VariableType.NUMBER);
        assertThat(symbols.variable("received.blina").type()).isEqualTo(VariableType.FLAG);
        assertThat(symbols.variable("during.blina").type()).isEqualTo(VariableType.FLAG);
        assertThat(symbols.variable("assessed.eoi").type()).isEqualTo(VariableType.FLAG);
        assertThat(symbols.derivedDefinition("cr")).isEqualTo("mrd < 0.05");
        assertThat(symbols.derivedDefinition("transplanted")).isEqualTo("false");
    }

    @Test
    void jsonAndYamlHoldTheSameModel() throws Exception {
        Protocol fromYaml = TestProtocols.read(TestProtocols.TWO_ARM, TestProtocols.text(TestProtocols.TWO_ARM)).protocol();
        String json = org.trialsim.protocol.io.ProtocolWriter.write(fromYaml, org.trialsim.protocol.io.Format.JSON);
        assertThat(json).startsWith("{");
        assertThat(TestProtocols.read("x.json", json).protocol()).isEqualTo(fromYaml);
        // without an extension, the content decides
        assertThat(TestProtocols.read("no-extension", json).protocol()).isEqualTo(fromYaml);
    }
}
