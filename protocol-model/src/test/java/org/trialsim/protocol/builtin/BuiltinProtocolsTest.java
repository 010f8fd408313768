package org.trialsim.protocol.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.io.Format;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.ProtocolWriter;

class BuiltinProtocolsTest {

    static List<String> ids() {
        return BuiltinProtocols.IDS;
    }

    static Stream<Arguments> idsAndFormats() {
        return ids().stream().flatMap(id -> Stream.of(Arguments.of(id, Format.YAML), Arguments.of(id, Format.JSON)));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void loadsWithoutErrorsOrWarnings(String id) throws Exception {
        LoadedProtocol loaded = BuiltinProtocols.load(id);
        assertThat(loaded.protocol().id()).isEqualTo(id);
        assertThat(loaded.warnings()).as("every parameter is cited or marked as an assumption").isEmpty();
        assertThat(loaded.contentHash()).hasSize(64);
    }

    @ParameterizedTest
    @MethodSource("idsAndFormats")
    void exportedFileReadsBackToAnEqualProtocol(String id, Format format) throws Exception {
        Protocol original = BuiltinProtocols.load(id).protocol();
        String text = ProtocolWriter.write(original, format);
        LoadedProtocol reread = new ProtocolReader().read(id + "." + format.name().toLowerCase(java.util.Locale.ROOT),
                text.getBytes(StandardCharsets.UTF_8));
        assertThat(reread.protocol()).isEqualTo(original);
        assertThat(reread.contentHash()).isEqualTo(BuiltinProtocols.load(id).contentHash());
    }

    @Test
    void interfant21UsesThePilotsCalibratedOutcomeModel() throws Exception {
        Protocol pilot = BuiltinProtocols.load("interfant-06-blina").protocol();
        Protocol interfant21 = BuiltinProtocols.load("interfant-21").protocol();
        assertThat(interfant21.outcomes().curves()).isEqualTo(pilot.outcomes().curves());
        assertThat(interfant21.outcomes().relapse()).isEqualTo(pilot.outcomes().relapse());
        assertThat(interfant21.outcomes().deathInRemission()).isEqualTo(pilot.outcomes().deathInRemission());
        assertThat(interfant21.outcomes().deathAfterEvent()).isEqualTo(pilot.outcomes().deathAfterEvent());
        // and the blocks they share respond and kill alike
        String[][] shared = {{"induction", "induction"}, {"blina-1", "blina-1"}, {"consolidation", "consolidation-mr"},
                {"marma", "marma"}, {"octadad", "octadad"}, {"maintenance", "maintenance"}, {"hsct", "hsct"}};
        for (String[] pair : shared) {
            Node.Block p = (Node.Block) pilot.pathway().nodes().get(pair[0]);
            Node.Block b = (Node.Block) interfant21.pathway().nodes().get(pair[1]);
            assertThat(b.mrdResponse()).as(pair[1]).isEqualTo(p.mrdResponse());
            assertThat(b.deathProbability()).as(pair[1]).isEqualTo(p.deathProbability());
            assertThat(b.durationDays()).as(pair[1]).isEqualTo(p.durationDays());
        }
        assertThat(interfant21.population().initialMrd()).isEqualTo(pilot.population().initialMrd());
    }

    @Test
    void listingsGiveEachBuiltinsIdRegistryAndTitleInOrder() throws Exception {
        List<BuiltinProtocols.Listing> expected = new java.util.ArrayList<>();
        for (String id : ids()) {
            Protocol p = BuiltinProtocols.load(id).protocol();
            expected.add(new BuiltinProtocols.Listing(p.id(), p.registry(), p.title()));
        }
        assertThat(BuiltinProtocols.listings()).as("read from the head of each file, before its first mapping or list")
                .isEqualTo(expected);
        assertThat(expected).extracting(BuiltinProtocols.Listing::registry).as("a built-in without a registry number")
                .containsNull();
    }

    @Test
    void unknownIdIsRefused() {
        assertThat(BuiltinProtocols.exists("interfant-99")).isFalse();
        assertThat(BuiltinProtocols.text("interfant-99")).isEmpty();
        assertThatThrownBy(() -> BuiltinProtocols.load("interfant-99")).isInstanceOf(IllegalArgumentException.class);
    }
}
