package org.trialsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.builtin.BuiltinProtocols;

/** A design's type name is the one its protocol file gives, for every kind of design. */
class DesignTypeTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "aall1331,       randomized",
        "interfant-21,   single-arm-survival",
        "cccg-blina-d19, single-arm-response",
        "aall1121,       phase-1-2",
    })
    void theTypeIsTheOneTheFileNames(String id, String type) throws Exception {
        String file = new String(BuiltinProtocols.text(id).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(file).containsPattern("(?m)^design:\\n(?:  .*\\n)*?  type: " + type + "$");
        assertThat(Design.typeOf(BuiltinProtocols.load(id).protocol().design())).isEqualTo(type);
    }
}
