package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.TestProtocols;

/** The canonical JSON that content hashes are taken of is the JSON writing mapper's, byte for byte. */
class CanonicalJsonTest {
    private final ProtocolReader reader = new ProtocolReader();

    private static byte[] jackson(Protocol protocol) throws JsonProcessingException {
        return Mappers.writer(Format.JSON).writeValueAsBytes(protocol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.trialsim.protocol.io.FastBinderTest#protocolFiles")
    void writesEveryProtocolFileAsTheMapperDoes(String name, byte[] content) throws Exception {
        Protocol protocol = reader.readWithJackson(name, content, List.of()).protocol();

        byte[] json = CanonicalJson.bytes(protocol);

        assertThat(json).as("written without the mapper").isNotNull();
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(new String(jackson(protocol), StandardCharsets.UTF_8));
    }

    /** Texts that take each of the writer's escapes (bound without validation, which would refuse some of them). */
    @ParameterizedTest
    @ValueSource(strings = {"quote \\\" and backslash \\\\", "tab \\t, line \\n, return \\r, feed \\f, back \\b", "bell \\a, escape \\e, nul-free \\x01 \\x1f",
        "delete \\x7f and next line \\x85", "accents é ñ and CJK 漢字", "separators \\u2028 \\u2029", "", "/slash/"})
    void escapesTextsAsTheMapperDoes(String escaped) throws Exception {
        String text = TestProtocols.text(TestProtocols.TWO_ARM).replaceFirst("title: [^\\n]*", Matcher.quoteReplacement("title: \"" + escaped + "\""));
        Protocol protocol = reader.quickly("texts.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(protocol).isNotNull();

        byte[] json = CanonicalJson.bytes(protocol);

        assertThat(json).isNotNull();
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(new String(jackson(protocol), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"outside the basic plane \\U0001F600", "a clef \\U0001D11E"})
    void leavesACharacterBeyondTheBasicPlaneToTheMapper(String escaped) {
        String text = TestProtocols.text(TestProtocols.TWO_ARM).replaceFirst("title: [^\\n]*", Matcher.quoteReplacement("title: \"" + escaped + "\""));
        Protocol protocol = reader.quickly("texts.yaml", text.getBytes(StandardCharsets.UTF_8));

        assertThat(CanonicalJson.bytes(protocol)).isNull();
    }
}
