package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.TestProtocols;
import org.trialsim.protocol.builtin.BuiltinProtocols;

/**
 * A built-in read from its JSON twin is the built-in read from its YAML (protocol, warnings, problems and
 * their places, hash), each built-in's twin is the one its YAML makes, and a twin made from other bytes is
 * not used.
 */
class JsonTwinTest {
    /** Where the built-ins and their twins are kept, from this module's directory, where the tests run. */
    private static final Path BUILTINS = Path.of("src/main/resources/org/trialsim/protocol/builtin");
    static final List<String> IDS = BuiltinProtocols.IDS;

    private final ProtocolReader reader = new ProtocolReader();

    /** After a built-in changed, {@code -Dtwins.update=true} writes the twins anew (then commit them). */
    @ParameterizedTest(name = "{0}")
    @FieldSource("IDS")
    void eachBuiltInsTwinIsTheOneItsYamlMakes(String id) throws IOException {
        byte[] twin = JsonTwin.of(Files.readAllBytes(BUILTINS.resolve(id + ".yaml")));
        Path file = BUILTINS.resolve(BuiltinProtocols.twinName(id));
        if (Boolean.getBoolean("twins.update")) {
            Files.write(file, twin);
        }
        assertThat(file).as("the twin of " + id + "; after changing a built-in, write the twins with mvn -B -q -o test -pl"
                + " protocol-model -Dtest=JsonTwinTest -Dtwins.update=true").hasBinaryContent(twin);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("IDS")
    void aBuiltInLoadsFromItsTwinAsFromItsYaml(String id) throws Exception {
        byte[] yaml = BuiltinProtocols.text(id).orElseThrow();
        byte[] twin = JsonTwin.of(yaml);
        String name = BuiltinProtocols.sourceName(id) + ".yaml";

        assertThat(JsonTwin.json(twin, yaml)).as("the twin is used").isPositive();
        assertThat(FastBinder.bind(Mappers.factory(Format.JSON, Limits.DEFAULT).createParser(twin, JsonTwin.json(twin, yaml),
                twin.length - JsonTwin.json(twin, yaml)))).as("and bound, not declined").isNotNull();
        LoadedProtocol fromTwin = reader.read(name, yaml, twin);
        LoadedProtocol fromYaml = reader.read(name, yaml, List.of());
        assertThat(fromTwin.protocol()).isEqualTo(fromYaml.protocol());
        assertThat(fromTwin.warnings()).isEqualTo(fromYaml.warnings());
        assertThat(fromTwin.source()).isEqualTo(fromYaml.source());
        assertThat(fromTwin.contentHash()).isEqualTo(fromYaml.contentHash());
        assertThat(BuiltinProtocols.load(id).contentHash()).as("as loaded").isEqualTo(fromYaml.contentHash());
    }

    /** Every YAML protocol file the project has, valid, with warnings or refused, read through a twin made of it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.trialsim.protocol.io.FastBinderTest#protocolFiles")
    void anyProtocolReadFromItsTwinIsTheOneReadFromItsYaml(String name, byte[] content) throws IOException {
        if (name.endsWith(".json")) {
            return;
        }
        byte[] twin = JsonTwin.of(content);
        assertThat(FastBinderTest.outcome(() -> reader.read(name, content, twin)))
                .isEqualTo(FastBinderTest.outcome(() -> reader.readWithJackson(name, content, List.of())));
    }

    /** Changes to the valid two-arm protocol that bind, and that validation warns about or refuses, at their places. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a value out of its range   | 'durationDays: 35'                  | 'durationDays: -35'",
            "a probability above one    | 'probability: 0.02}'                | 'probability: 1.5}'",
            "a source that is no id     | 'assumption: typical induction'     | 'source: made-up-too'",
            "an unknown arm             | 'control: 1,'                       | 'controls: 1,'",
            "a condition on no variable | 'when: not cr'                      | 'when: not crx'",
    })
    void problemsFoundOnTheTwinsProtocolAreAtTheirPlacesInTheYaml(String what, String from, String to) throws IOException {
        String text = TestProtocols.text(TestProtocols.TWO_ARM);
        assertThat(text).as("the case changes the file").contains(from);
        byte[] content = text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8);
        byte[] twin = JsonTwin.of(content);
        String name = "changed.yaml";

        Object jackson = FastBinderTest.outcome(() -> reader.readWithJackson(name, content, List.of()));
        assertThat(jackson).as(what + ": refused, or warned about")
                .isNotEqualTo(FastBinderTest.outcome(() -> reader.readWithJackson(name, text.getBytes(StandardCharsets.UTF_8), List.of())));
        assertThat(FastBinderTest.outcome(() -> reader.read(name, content, twin))).as(what + ", from the twin").isEqualTo(jackson);
        assertThat(FastBinderTest.outcome(() -> reader.read(name, content))).as(what + ", from the YAML").isEqualTo(jackson);
    }

    @Test
    void aTwinMadeFromOtherBytesIsNotUsed() throws Exception {
        byte[] yaml = BuiltinProtocols.text("aall1331").orElseThrow();
        byte[] twin = JsonTwin.of(yaml);
        String changed = new String(yaml, StandardCharsets.UTF_8).replaceFirst("\ntitle: [^\n]*", "\ntitle: changed since");
        byte[] content = changed.getBytes(StandardCharsets.UTF_8);

        assertThat(JsonTwin.json(twin, content)).isNegative();
        assertThat(reader.read("builtin:aall1331.yaml", content, twin).protocol().title()).isEqualTo("changed since");
        assertThat(JsonTwin.json("not a twin".getBytes(StandardCharsets.UTF_8), yaml)).isNegative();
    }

    @Test
    void aTwinTheBinderDeclinesGivesWayToTheYaml() throws Exception {
        byte[] yaml = BuiltinProtocols.text("aall1121").orElseThrow();
        // a second value after the protocol, which the binder declines as it would a second YAML document
        byte[] twin = (new String(JsonTwin.of(yaml), StandardCharsets.UTF_8) + " 1").getBytes(StandardCharsets.UTF_8);

        assertThat(JsonTwin.json(twin, yaml)).isPositive();
        assertThat(FastBinder.bind(Mappers.factory(Format.JSON, Limits.DEFAULT).createParser(twin, JsonTwin.json(twin, yaml),
                twin.length - JsonTwin.json(twin, yaml)))).isNull();
        assertThat(reader.read("builtin:aall1121.yaml", yaml, twin).protocol())
                .isEqualTo(reader.read("builtin:aall1121.yaml", yaml, List.of()).protocol());
    }
}
