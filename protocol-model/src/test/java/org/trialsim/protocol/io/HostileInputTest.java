package org.trialsim.protocol.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;

/**
 * Hostile files are rejected with one clear problem. The time limit is a guard against a hang or an
 * exponential blow-up (each case takes milliseconds), not a performance target.
 */
class HostileInputTest {
    private static final Duration GUARD = Duration.ofSeconds(20);

    private static Problem rejected(String name, byte[] content) {
        ProtocolException e = assertTimeoutPreemptively(GUARD,
                () -> catchThrowableOfType(ProtocolException.class, () -> new ProtocolReader().read(name, content)));
        assertThat(e).as("%s must be rejected", name).isNotNull();
        assertThat(e.errors()).as("one clear problem, not a cascade").hasSize(1);
        return e.errors().get(0);
    }

    private static Problem rejected(String name, String text) {
        return rejected(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void yamlAliasBombIsRefusedAtTheFirstAlias() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = c;
        }
        Problem p = rejected("bomb.yaml", bomb.toString());
        assertThat(p.message()).contains("YAML aliases (*a) are not allowed");
        assertThat(p.line()).isEqualTo(2);
    }

    @Test
    void deepYamlNestingIsRefused() {
        Problem p = rejected("deep.yaml", "[\n".repeat(100_000) + "]\n".repeat(100_000));
        assertThat(p.message()).contains("nested more than 64 levels deep");
    }

    @Test
    void deepBlockYamlNestingIsRefused() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        Problem p = rejected("deep-block.yaml", sb.toString());
        assertThat(p.message()).contains("nested more than 64 levels deep");
    }

    @Test
    void deepJsonNestingIsRefused() {
        Problem p = rejected("deep.json", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
        assertThat(p.message()).contains("nested more than 64 levels deep");
    }

    @Test
    void hugeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(2L << 30); // a sparse 2 GiB file: reading it would exhaust the heap
        }
        ProtocolException e = assertTimeoutPreemptively(GUARD,
                () -> catchThrowableOfType(ProtocolException.class, () -> new ProtocolReader().read(huge)));
        assertThat(e.errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("the file is more than 4.0 MiB long; a protocol file may be at most 4.0 MiB"));
    }

    @Test
    void oversizedBytesAreRefused() {
        Problem p = rejected("big.yaml", new byte[(4 << 20) + 1]);
        assertThat(p.message()).contains("a protocol file may be at most 4.0 MiB");
    }

    @Test
    void binaryJunkIsRefusedAtItsFirstBadByte() {
        byte[] junk = new byte[4096];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 37 + 11);
        }
        Problem p = rejected("junk.bin", junk);
        assertThat(p.message()).startsWith("the file is not UTF-8 text (byte 0x");
    }

    @Test
    void nulBytesMakeAFileBinary() {
        Problem p = rejected("nul.yaml", "id: x\0\0\0");
        assertThat(p.message()).contains("NUL character at offset 5");
    }

    @Test
    void moreThanOneYamlDocumentIsRefused() {
        Problem p = rejected("two.yaml", "id: a\n---\nid: b\n");
        assertThat(p.message()).isEqualTo("the file holds more than one YAML document; a protocol file holds exactly one");
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void trailingJsonIsRefused() {
        Problem p = rejected("two.json", "{\"id\": \"a\"} {\"id\": \"b\"}");
        assertThat(p.message()).contains("more after the end of the protocol");
    }

    @Test
    void emptyAndNonMappingFilesAreRefused() {
        assertThat(rejected("empty.yaml", "").message()).startsWith("the file is empty");
        assertThat(rejected("list.yaml", "- a\n- b\n").message()).contains("must be a mapping of fields").endsWith("not a list");
        assertThat(rejected("scalar.yaml", "hello").message()).endsWith("not a single value");
    }

    @Test
    void overlongConditionIsRefusedWithoutParsingIt() {
        String text = org.trialsim.protocol.TestProtocols.text(org.trialsim.protocol.TestProtocols.TWO_ARM)
                .replace("when: age >= 10", "when: \"" + "(".repeat(5000) + "age >= 10" + ")".repeat(5000) + "\"");
        Problem p = rejected("long-condition.yaml", text);
        assertThat(p.message()).contains("the condition is 10009 characters long; the limit is 2000");
    }

    @Test
    void manyNestedParenthesesInAConditionAreRefused() {
        String text = org.trialsim.protocol.TestProtocols.text(org.trialsim.protocol.TestProtocols.TWO_ARM)
                .replace("when: age >= 10", "when: \"" + "not ".repeat(400) + "age >= 10\"");
        Problem p = rejected("deep-condition.yaml", text);
        assertThat(p.message()).contains("nested more than 64 levels deep");
    }

    @Test
    void missingFileIsAnIoErrorNotAProtocolProblem(@TempDir Path dir) {
        assertThat(catchThrowableOfType(java.nio.file.NoSuchFileException.class,
                () -> new ProtocolReader().read(dir.resolve("absent.yaml")))).isNotNull();
        assertThat(Files.exists(dir.resolve("absent.yaml"))).isFalse();
    }

    private static final String VALID = org.trialsim.protocol.TestProtocols.text(org.trialsim.protocol.TestProtocols.TWO_ARM);
    private static final String TITLE = "title: Two-arm example with one MRD decision";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Java class on a text      | title: !!java.net.URL "http://example.org" | !!java.net.URL
            Java class on a number    | title: !!java.lang.Runtime 670             | !!java.lang.Runtime
            local tag                 | title: !foo bar                            | !foo
            core tag                  | title: !!str 12                            | !!str
            tag on a mapping          | title: !!map {a: 1}                        | !!map
            tag on a list             | title: !!seq [a]                           | !!seq
            non-specific tag          | title: ! bar                               | (!)
            tag on the first key      | title: {!!str a: 1}                        | !!str
            """)
    void yamlTagsAreRefusedWithTheirPlace(String kind, String line, String tag) {
        Problem p = rejected("tag.yaml", VALID.replace(TITLE, line));
        assertThat(p.message()).startsWith("YAML tags (").contains(tag).contains("are not allowed in protocol files");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isPositive();
    }

    @Test
    void aLineTooLongToScanIsRefusedBeforeTheScannerSeesIt() {
        Problem p = rejected("long-line.yaml", VALID.replace(TITLE, "title: " + "a".repeat(3 << 20)));
        assertThat(p.message()).isEqualTo("line 3 is 3,145,735 characters long; a line of a YAML protocol file may be at most"
                + " 65,536 characters (64.0 KiB): write a long text over several lines");
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void aTextOverTheLimitIsRefusedWithItsPlace() {
        String lines = ("  " + "a".repeat(1000) + "\n").repeat(100);
        Problem p = rejected("long-text.yaml", VALID.replace(TITLE, "title: |\n" + lines));
        assertThat(p.message()).startsWith("this text is 100,100 characters long; a single value in a protocol file may be at most 65,536");
        assertThat(p.path()).isEqualTo("title");
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void aJsonTextOverTheLimitIsRefusedWithItsPlace() {
        Problem p = rejected("long-text.json", "{\"id\": \"x\", \"title\": \"" + "a".repeat(70_000) + "\"}");
        assertThat(p.message()).startsWith("this text is 70,000 characters long");
        assertThat(p.path()).isEqualTo("title");
    }

    @Test
    void aNameOverTheLimitIsRefused() {
        Problem p = rejected("long-name.json", "{\"id\": \"x\", \"" + "k".repeat(101) + "\": 1}");
        assertThat(p.message()).isEqualTo("this name is 101 characters long; a field name or id in a protocol file may be at most 100 characters");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            200 digits in YAML               | long.yaml | 200  | false
            1,500 digits in YAML (read as a text) | long.yaml | 1500 | false
            200 digits in quotes             | long.yaml | 200  | true
            200 digits in JSON               | long.json | 200  | false
            2,000 digits in JSON             | long.json | 2000 | false
            """)
    void aNumberOverTheLimitIsRefusedAsANumber(String kind, String file, int digits, boolean quoted) {
        String number = "5" + "0".repeat(digits - 1);
        String value = quoted ? "\"" + number + "\"" : number;
        String text = file.endsWith(".json") ? "{\"id\": \"x\", \"followUp\": {\"horizonYears\": " + value + "}}"
                : VALID.replace("horizonYears: 5", "horizonYears: " + value);
        Problem p = rejected(file, text);
        assertThat(p.message()).isEqualTo("this number is " + String.format(java.util.Locale.ROOT, "%,d", digits)
                + " characters long; a number in a protocol file may be at most 100 characters"
                + " (a number needs no more than 17 significant digits and an exponent)");
        assertThat(p.path()).isEqualTo("followUp.horizonYears");
    }
}
