package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
                "cannot --set design.comparisons[5].label=x: the protocol has no element [5] under design.comparisons"
                        + " (it has 2 elements, [0] to [1])");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            an alias               | registry=*a                         | YAML aliases (*a) are not allowed
            a Java tag             | title=!!java.net.URL "http://x"     | YAML tags (!!java.net.URL) are not allowed
            a local tag            | title=!foo bar                      | YAML tags (!foo) are not allowed
            two documents          | title=a\\n---\\nb                    | the value holds more than one YAML document
            a negative index       | design.comparisons[-1]=1            | '[-1]' is not a list index: elements are counted from [0]
            an index past the end  | design.comparisons[2]=1             | the list design.comparisons has no element [2] (it has 2 elements, [0] to [1])
            an index in the middle | design.comparisons[-1].label=x      | '[-1]' is not a list index
            an unreadable index    | design.comparisons[x]=1             | '[x]' is not a list index such as [0]
            an index too large     | design.comparisons[99999999999]=1   | is not a list index such as [0]
            a number too long      | design.sampleSize=LONG_NUMBER       | this number is 101 characters long
            """)
    void aValueOrPathThatAFileCouldNotHoldIsRefused(String kind, String setting, String message) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> BuiltinProtocols.load("aall1331", List.of(Setting.parse(setting.replace("\\n", "\n").replace("LONG_NUMBER", "1" + "0".repeat(100))))));
        assertThat(e).as(kind).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("cannot --set ").contains(message));
    }

    @Test
    void aTextOrLineOverTheLimitIsRefused() {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> BuiltinProtocols.load("aall1331", List.of(Setting.parse("title=" + "a".repeat(70_000)))));
        assertThat(e.errors()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("line 1 is 70,000 characters long; a line of a value may be at most 65,536 characters"));
        e = catchThrowableOfType(ProtocolException.class,
                () -> BuiltinProtocols.load("aall1331", List.of(Setting.parse("title=|\n" + ("  " + "a".repeat(1000) + "\n").repeat(70)))));
        assertThat(e.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("this text is 70,069 characters long"));
    }

    @Test
    void aValueThatIsNotYamlIsTakenAsText() throws Exception {
        LoadedProtocol changed = BuiltinProtocols.load("aall1331", List.of(Setting.parse("title=a: b: c")));
        assertThat(changed.protocol().title()).isEqualTo("a: b: c");
    }
}
