package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.builtin.BuiltinProtocols;

class SettingTest {

    @Test
    void parsesPathAndValue() {
        Setting s = Setting.parse("design.analysis.events = 120");
        assertThat(s.path()).isEqualTo("design.analysis.events");
        assertThat(s.value()).isEqualTo("120");
        assertThat(Setting.parse("a.b[2].c=x").segments()).containsExactly("a", "b", "[2]", "c");
        assertThatThrownBy(() -> Setting.parse("events")).hasMessageContaining("is not path=value");
    }

    @Test
    void changesValuesBeforeValidation() throws Exception {
        LoadedProtocol base = BuiltinProtocols.load("aall1331");
        LoadedProtocol changed = BuiltinProtocols.load("aall1331", List.of(
                Setting.parse("design.sampleSize=400"),
                Setting.parse("pathway.nodes.b-blina1.mrdResponse.log10Shift=-3"),
                Setting.parse("design.comparisons[0].label=HR and IR"),
                Setting.parse("design.analysis.events=150"),
                Setting.parse("design.analysis.followUpMonths=null")));
        Design.Randomized d = (Design.Randomized) changed.protocol().design();
        assertThat(d.sampleSize()).isEqualTo(400);
        assertThat(d.analysis().events()).isEqualTo(150);
        assertThat(d.analysis().followUpMonths()).as("null removes a field").isNull();
        assertThat(d.comparisons().get(0).label()).isEqualTo("HR and IR");
        assertThat(((Node.Block) changed.protocol().pathway().nodes().get("b-blina1")).mrdResponse().log10Shift()).isEqualTo(-3.0);
        assertThat(changed.contentHash()).as("the hash describes the protocol as changed").isNotEqualTo(base.contentHash());
    }

    @Test
    void aChangedValueIsValidatedLikeAnyOther() {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> BuiltinProtocols.load("aall1331", List.of(Setting.parse("pathway.nodes.block1.deathProbability=1.5"))));
        assertThat(e.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("deathProbability is 1.5; it must be from 0 to 1"));
    }

    @Test
    void aPathThatDoesNotExistIsAnErrorWithASuggestion() {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> BuiltinProtocols.load("aall1331", List.of(Setting.parse("desgn.sampleSize=10"), Setting.parse("design.comparisons[5].label=x"))));
        assertThat(e.errors()).extracting(p -> p.message()).containsExactly(
                "cannot --set desgn.sampleSize=10: the protocol has no 'desgn' at its top level (did you mean 'design'?)",
                "cannot --set design.comparisons[5].label=x: the protocol has no element [5] under design.comparisons");
    }
}
