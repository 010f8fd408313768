package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.TestProtocols;
import org.trialsim.protocol.builtin.BuiltinProtocols;

/**
 * The fast binder gives the records Jackson's databind gives, on every protocol file the project has, and
 * declines whatever it does not bind exactly, so that the reader's answer (protocol, warnings, or
 * problems with their places) is the Jackson path's in every case.
 */
class FastBinderTest {
    /** Folders of protocol files, from this module's directory, where the tests run. */
    private static final List<String> FOLDERS = List.of("../examples", "../examples/extension", "src/test/resources/protocols",
            "../cli/src/test/resources/protocols", "../simulator/src/test/resources/protocols");

    private final ProtocolReader reader = new ProtocolReader();

    static Stream<Arguments> protocolFiles() throws IOException {
        List<Arguments> files = new ArrayList<>();
        for (String id : BuiltinProtocols.IDS) {
            files.add(Arguments.of(BuiltinProtocols.sourceName(id), BuiltinProtocols.text(id).orElseThrow()));
        }
        for (String folder : FOLDERS) {
            try (Stream<Path> paths = Files.list(Path.of(folder))) {
                for (Path p : paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList()) {
                    files.add(Arguments.of(p.toString(), Files.readAllBytes(p)));
                }
            }
        }
        assertThat(files).as("the built-ins and at least the examples").hasSizeGreaterThan(BuiltinProtocols.IDS.size() + 8);
        return files.stream();
    }

    static Stream<Arguments> hostileFiles() throws IOException {
        try (Stream<Path> paths = Files.list(Path.of("../cli/src/test/resources/hostile"))) {
            List<Arguments> files = new ArrayList<>();
            for (Path p : paths.sorted().toList()) {
                files.add(Arguments.of(p.toString(), Files.readAllBytes(p)));
            }
            assertThat(files).hasSizeGreaterThan(20);
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocolFiles")
    void bindsEveryProtocolFileToTheRecordsJacksonGives(String name, byte[] content) throws ProtocolException {
        Protocol fast = reader.quickly(name, content);
        LoadedProtocol jackson = reader.readWithJackson(name, content, List.of());

        assertThat(fast).as("bound without Jackson").isNotNull().isEqualTo(jackson.protocol());
        assertThat(ProtocolWriter.write(fast, Format.JSON)).isEqualTo(ProtocolWriter.write(jackson.protocol(), Format.JSON));
        LoadedProtocol read = reader.read(name, content);
        assertThat(read.warnings()).as("the same warnings in the same places").isEqualTo(jackson.warnings());
        assertThat(read.contentHash()).isEqualTo(jackson.contentHash());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocolFiles")
    void bindsEveryProtocolExportedAsJsonToTheRecordsJacksonGives(String name, byte[] content) throws ProtocolException {
        byte[] json = ProtocolWriter.write(reader.readWithJackson(name, content, List.of()).protocol(), Format.JSON)
                .getBytes(StandardCharsets.UTF_8);

        Protocol fast = reader.quickly("exported.json", json);

        assertThat(fast).as("bound without Jackson").isNotNull().isEqualTo(reader.readWithJackson("exported.json", json, List.of()).protocol());
    }

    @Test
    void bindsEveryBuiltInWithoutJackson() {
        // the reader's own path for a file with no --set: a silent fall back to Jackson would slow every start
        for (String id : BuiltinProtocols.IDS) {
            byte[] content = BuiltinProtocols.text(id).orElseThrow();
            assertThat(reader.quickly(BuiltinProtocols.sourceName(id), content)).as(id).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void aHostileFileGetsTheProblemsOfJacksonsPath(String name, byte[] content) {
        assertThat(outcome(() -> reader.read(name, content))).isEqualTo(outcome(() -> reader.readWithJackson(name, content, List.of())));
    }

    /** Changes to the valid two-arm protocol that Jackson would refuse or coerce, each with what it replaces. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown field           | 'title: Two-arm'                    | 'titel: Two-arm'",
            "an unknown nested field    | 'horizonYears: 5'                   | 'horizonYears: 5, extra: 1'",
            "a null                     | 'title: Two-arm example with one MRD decision' | 'title: ~'",
            "a number for a text        | 'id: two-arm-example'               | 'id: 2'",
            "a text for a number        | 'durationDays: 35'                  | 'durationDays: \"35\"'",
            "a fraction for a whole     | '{control: 1,'                      | '{control: 1.0,'",
            "a whole too large          | '{control: 1,'                      | '{control: 3000000000,'",
            "a true for a number        | 'durationDays: 35'                  | 'durationDays: true'",
            "an unknown type            | 'type: decision'                    | 'type: decisoin'",
            "a missing type             | 'type: decision'                    | 'kind: other'",
            "a type that is not a text  | 'type: decision'                    | 'type: [decision]'",
            "an unknown enum value      | 'kind: chemotherapy'                | 'kind: Chemotherapy'",
            "an enum by its Java name   | 'kind: chemotherapy'                | 'kind: CHEMOTHERAPY'",
            "a mapping for a condition  | 'when: not cr'                      | 'when: {not: cr}'",
            "a list for a text          | 'label: No remission'               | 'label: [No, remission]'",
            "a mapping for a list       | 'thresholds: [1e-3]'                | 'thresholds: {a: 1e-3}'",
            "a list for a mapping       | 'followUp: {horizonYears: 5}'       | 'followUp: [5]'",
            "a second document          | 'os: {label: Overall survival, events: [death]}' | 'os: {label: Overall survival, events: [death]}\n---\nid: x'",
            "a duplicate key            | 'title: Two-arm'                    | 'id: again\ntitle: Two-arm'",
            "an alias                   | 'deathProbability: 0.02'            | 'deathProbability: &p 0.02\n      x: *p'",
            "a tag                      | 'deathProbability: 0.02'            | 'deathProbability: !!float 0.02'",
    })
    void declinesWhatItDoesNotBindExactlyAndTheProblemsStayJacksons(String what, String from, String to) {
        String text = TestProtocols.text(TestProtocols.TWO_ARM);
        assertThat(text).as("the case changes the file").contains(from);
        byte[] content = text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.UTF_8);
        String name = "changed.yaml";

        assertThat(reader.quickly(name, content)).as(what).isNull();
        assertThat(outcome(() -> reader.read(name, content))).as(what + ": the reader's answer")
                .isEqualTo(outcome(() -> reader.readWithJackson(name, content, List.of())));
    }

    interface Read {
        LoadedProtocol read() throws ProtocolException;
    }

    /** A protocol read, with its warnings. */
    record Accepted(Protocol protocol, List<Problem> warnings) {
    }

    /** The protocol read and its warnings, or the problems that refused it. */
    static Object outcome(Read read) {
        try {
            LoadedProtocol loaded = read.read();
            return new Accepted(loaded.protocol(), loaded.warnings());
        } catch (ProtocolException e) {
            return e.problems();
        }
    }
}
