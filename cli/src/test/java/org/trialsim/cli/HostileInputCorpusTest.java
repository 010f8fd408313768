package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsim.protocol.ControlCharacters;

/**
 * The hostile-input corpus: small files in src/test/resources/hostile, and the large ones made here in
 * a temporary directory (never the machine's own /dev files), each given to the command line. Every
 * case must end with a non-zero exit code (never 1, an internal error), problems of one line each that
 * name the file and the place, no stack trace, none of Jackson's or SnakeYAML's own words, no raw control
 * character, at most the first 100 problems, and in bounded time (the time limit only guards against a
 * hang: each case takes well under a second on its own).
 */
class HostileInputCorpusTest {
    private static final Duration GUARD = Duration.ofSeconds(90);

    /** Words of the libraries underneath, which mean nothing to someone writing a protocol. */
    private static final List<String> LIBRARY_WORDS = List.of("CoercionConfig", "MapperFeature", "DeserializationFeature",
            "JsonReadFeature", "StreamReadConstraints", "StreamReadFeature", "Cannot deserialize", "Cannot coerce", "Cannot construct",
            "Unrecognized field", "Unrecognized token", "Unexpected character (", "JsonToken", "START_OBJECT", "VALUE_STRING", "FIELD_NAME",
            "at [Source", "JsonParser", "ObjectNode", "jackson", "Jackson", "snakeyaml", "SnakeYAML", "java.", "javax.", "Exception", "`",
            "<block", "<stream", "<scalar>", "scalar", "(code ", "Illegal", "Internal", "internal error", "\tat ");

    /** How to run a case: the command line, given a temporary directory to make files in. */
    @FunctionalInterface
    interface Case {
        List<String> args(Path dir) throws Exception;
    }

    private static Arguments file(String name, String place, String message) {
        return Arguments.of(Named.of(name, (Case) dir -> List.of("validate", CommandRun.resource("hostile/" + name))), 3, place, message);
    }

    private static Arguments made(String name, int exit, String place, String message, Case how) {
        return Arguments.of(Named.of(name, how), exit, place, message);
    }

    static Stream<Arguments> corpus() {
        String valid = text("/protocols/two-arm-one-decision.yaml");
        return Stream.of(
                // reading: what the bytes are
                file("binary.bin", "", "the file is not UTF-8 text"),
                file("nul.yaml", "", "NUL character at offset 5"),
                file("utf16.yaml", "", "the file is not UTF-8 text"),
                made("a file over 4 MiB (sparse)", 3, "", "the file is more than 4.0 MiB long", dir -> {
                    Path huge = dir.resolve("huge.yaml");
                    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
                        f.setLength(1L << 30);
                    }
                    return List.of("validate", huge.toString());
                }),
                made("a named pipe that never ends", 3, "", "the file is more than 4.0 MiB long", dir -> {
                    Path fifo = dir.resolve("endless.yaml");
                    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
                        throw new IllegalStateException("mkfifo failed");
                    }
                    CompletableFuture.runAsync(() -> {
                        byte[] chunk = "a: 1\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
                        try (OutputStream out = Files.newOutputStream(fifo)) {
                            while (true) {
                                out.write(chunk);
                            }
                        } catch (IOException e) {
                            // the reader closed the pipe at the limit
                        }
                    });
                    return List.of("validate", fifo.toString());
                }),
                made("a line of 1 MiB", 3, ":3:65537: error", "line 3 is 1,048,583 characters long",
                        dir -> write(dir, "long-line.yaml", valid.replace("title: Two-arm example with one MRD decision",
                                "title: " + "a".repeat(1 << 20)))),
                made("a text of 200,000 characters over many lines", 3, "at title", "this text is 200,200 characters long",
                        dir -> write(dir, "long-text.yaml", valid.replace("title: Two-arm example with one MRD decision",
                                "title: |\n" + ("  " + "a".repeat(1000) + "\n").repeat(200)))),
                made("a reference 60,000 characters long", 3, "at pathway.nodes.decide.routes[0].to", "there is no node '",
                        dir -> write(dir, "long-reference.yaml", valid.replace("to: failed}", "to: " + "f".repeat(60_000) + "}"))),
                // YAML and JSON syntax, in trialsim's words
                file("yaml-tab-indent.yaml", ":2:6: error", "the YAML cannot be parsed"),
                file("yaml-unclosed-list.yaml", ":2:12: error", "expected ',' or ']', but got the end of the file"),
                file("yaml-unclosed-quote.yaml", ":2:6: error", "found unexpected end of the file"),
                file("yaml-bad-indent.yaml", ":3:7: error", "mapping values are not allowed here"),
                file("yaml-list-in-mapping.yaml", ":1:6: error", "while reading an indented mapping"),
                file("yaml-complex-key.yaml", ":2:4: error", "plain names as keys"),
                file("yaml-two-documents.yaml", ":3:1: error", "more than one YAML document"),
                file("yaml-version.yaml", ":1:1: error", "the YAML cannot be parsed"),
                file("yaml-bad-escape.yaml", ":1:3: error", "unknown escape character"),
                file("yaml-at-sign.yaml", ":1:3: error", "found character '@' that cannot start any token"),
                file("json-trailing-comma.json", ":1:12: error", "a field name in double quotes was expected"),
                file("json-comment.json", ":1:12: error", "JSON has no comments"),
                file("json-nan.json", ":1:45: error", "'NaN' is not a number JSON allows"),
                file("json-unquoted-name.json", ":1:2: error", "a field name in double quotes was expected"),
                file("json-unquoted-text.json", ":1:8: error", "a text is written in double quotes"),
                file("json-truncated.json", ":1:22: error", "the file ends before the JSON is complete"),
                file("json-raw-newline.json", ":1:10: error", "a control character inside a text must be written as an escape"),
                file("json-bad-escape.json", ":1:10: error", "a text holds an unknown escape"),
                file("json-leading-zero.json", ":1:43: error", "a number is not written as JSON writes numbers"),
                file("json-duplicate.json", ":1:17: error", "the field 'id' is given twice in the same mapping"),
                file("json-two-objects.json", ":1:13: error", "more after the end of the protocol"),
                file("json-mismatched.json", ":1:12: error", "a closing bracket does not match the one that opened"),
                // values the model cannot take
                file("float-for-whole-number.yaml", "at design.sampleSize", "expected a whole number but found the number 1.5"),
                file("whole-number-overflow.yaml", "at design.sampleSize", "expected a whole number from -2,147,483,648 to 2,147,483,647"),
                file("number-200-digits.yaml", "at followUp.horizonYears", "this number is 200 characters long"),
                file("number-1500-digits.yaml", "at followUp.horizonYears", "this number is 1,500 characters long"),
                file("number-200-digits.json", "at followUp.horizonYears", "this number is 200 characters long"),
                file("text-for-number.yaml", "at followUp.horizonYears", "expected a number but found the text 'five'"),
                file("list-for-text.yaml", "at title", "expected a text but found a list"),
                file("mapping-for-condition.yaml", "at eligibility.a.include", "expected a condition"),
                file("unknown-type.yaml", "at pathway.nodes.a.type", "unknown type 'blok' (did you mean 'block'?)"),
                file("bad-enum.yaml", "at endpoints.efs.events[0]", "'flop' is not one of failure, relapse, death"),
                file("long-name.json", ":1:13: error", "this name is 101 characters long"),
                // tags, aliases, nesting
                file("tag-java-url.yaml", ":2:8: error", "YAML tags (!!java.net.URL) are not allowed"),
                file("tag-java-runtime.yaml", ":2:26: error", "YAML tags (!!java.lang.Runtime) are not allowed"),
                file("tag-local.yaml", ":2:8: error", "YAML tags (!foo) are not allowed"),
                file("tag-first-key.yaml", ":2:9: error", "YAML tags (!!str) are not allowed"),
                file("tag-binary.yaml", ":1:5: error", "YAML tags (!!binary) are not allowed"),
                file("tag-on-mapping.yaml", ":2:13: error", "YAML tags (!!map) are not allowed"),
                file("alias.yaml", ":2:8: error", "YAML aliases (*a) are not allowed"),
                file("alias-bomb.yaml", ":2:8: error", "YAML aliases (*a) are not allowed"),
                file("deep-nesting.yaml", ":65:", "nested more than 64 levels deep"),
                file("deep-nesting.json", "deep-nesting.json:1:", "nested more than 64 levels deep"),
                // control characters quoted by the messages
                file("escapes-in-errors.yaml", "at eligibility.a.include", "\\u001b[31m"),
                // sizes that multiply work or output
                made("300,000 landmarks", 3, "at followUp.landmarkYears", "this list has 300,000 entries, more than the 100 allowed",
                        dir -> write(dir, "landmarks.yaml", valid.replace("followUp: {horizonYears: 5}",
                                "followUp:\n  horizonYears: 5\n  landmarkYears:\n" + "    - 1\n".repeat(300_000)))),
                made("a chain of 5,000 blocks", 3, "at pathway.nodes", "this mapping has 5,006 entries, more than the 1,000 allowed",
                        dir -> write(dir, "chain.yaml", valid.replace("    failed: {type: end, status: failure}\n", chain(5_000)))),
                made("100 decisions of 100 routes", 3, "pathway.nodes.d", "coverage could not be fully checked",
                        dir -> write(dir, "routes.yaml", decisions(valid, 100, 100))),
                made("thousands of problems", 3, "at pathway.nodes.x0", "errors), not shown; fix the first ones and run again",
                        dir -> write(dir, "problems.yaml", valid.replace("    failed: {type: end, status: failure}\n",
                                "    failed: {type: end, status: failure}\n" + problems(990)))),
                // --set values held to the same bounds
                made("--set an alias", 3, "builtin:aall1331.yaml: error: cannot --set registry=*a", "YAML aliases (*a) are not allowed",
                        dir -> List.of("show", "aall1331", "--set", "registry=*a")),
                made("--set a tag", 3, "cannot --set title=!!java.net.URL", "YAML tags (!!java.net.URL) are not allowed",
                        dir -> List.of("show", "aall1331", "--set", "title=!!java.net.URL \"http://x\"")),
                made("--set two documents", 3, "cannot --set title=a", "more than one YAML document",
                        dir -> List.of("show", "aall1331", "--set", "title=a\n---\nb")),
                made("--set a negative index", 3, "cannot --set design.comparisons[-1]=1", "'[-1]' is not a list index",
                        dir -> List.of("export", "aall1331", "--set", "design.comparisons[-1]=1")),
                made("--set an index past the end", 3, "cannot --set design.comparisons[7].label=x", "has no element [7]",
                        dir -> List.of("simulate", "aall1331", "--set", "design.comparisons[7].label=x")),
                made("--set a text of 70,000 characters", 3, "cannot --set title=aaa", "line 1 is 70,000 characters long",
                        dir -> List.of("show", "aall1331", "--set", "title=" + "a".repeat(70_000))),
                made("--set a file name with escapes", 4, "trialsim: '\\u001b[31mmissing\\u0007.yaml'", "is neither a built-in",
                        dir -> List.of("show", "\u001b[31mmissing\u0007.yaml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithPlainMessagesNamingThePlace(Case how, int exit, String place, String message, @TempDir Path dir) throws Exception {
        List<String> args = how.args(dir);
        Cli r = assertTimeoutPreemptively(GUARD, () -> Cli.run(args.toArray(String[]::new)));
        assertThat(r.exitCode()).as("exit code; stderr:%n%s", r.err()).isEqualTo(exit);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(message);
        assertThat(r.err()).contains(place);
        // what the case expects may quote the input, e.g. a tag naming a Java class
        String ours = r.err().replace(message, "").replace(place, "");
        for (String word : LIBRARY_WORDS) {
            assertThat(ours).as("the words of the libraries underneath").doesNotContain(word);
        }
        assertThat(r.err().chars().filter(c -> c != '\n' && ControlCharacters.isControl((char) c)).count())
                .as("raw control characters").isZero();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).as("at most the first 100 problems, a count of the rest and a summary").hasSizeLessThanOrEqualTo(102);
        if (exit == ExitCode.INVALID_INPUT) {
            String source = args.get(args.size() - 1).startsWith("-") || args.contains("--set") ? "builtin:aall1331.yaml"
                    : args.get(args.size() - 1);
            String shown = ControlCharacters.visible(source);
            for (String line : lines.subList(0, lines.size() - 1)) {
                if (!line.startsWith("... and ")) {
                    assertThat(line).as("each problem names the file").startsWith(shown + ":");
                }
            }
            assertThat(lines.get(lines.size() - 1)).startsWith("trialsim: " + shown + " is not a valid protocol");
        }
    }

    private static String text(String resource) {
        try (var in = HostileInputCorpusTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + resource, e);
        }
    }

    private static List<String> write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return List.of("validate", file.toString());
    }

    /** A chain of blocks from 'failed' on, ending in a node 'failed'. */
    private static String chain(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("    ").append(i == 0 ? "failed" : "b" + i).append(": {type: block, kind: chemotherapy, durationDays: 1, next: ")
                    .append(i + 1 < n ? "b" + (i + 1) : "last").append(", assumption: a test}\n");
        }
        return sb.append("    last: {type: end, status: failure}\n").toString();
    }

    /** Decisions on two numbers whose thresholds all differ, so that checking their coverage tries every combination. */
    private static String decisions(String valid, int count, int routes) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < count; d++) {
            sb.append("    ").append(d == 0 ? "decide" : "d" + d).append(":\n      type: decision\n      routes:\n");
            String next = d + 1 < count ? "d" + (d + 1) : "done";
            for (int r = 0; r < routes - 1; r++) {
                sb.append("        - {when: \"age < ").append(r * 3 + d).append(".5 and mrd < ").append(r + 1).append("e-").append(d % 5 + 3)
                        .append("\", to: ").append(next).append("}\n");
            }
            sb.append("        - {when: \"age > -1 or age <= -1\", to: ").append(next).append("}\n");
        }
        int start = valid.indexOf("    decide:\n");
        int end = valid.indexOf("    failed:");
        return valid.substring(0, start) + sb + valid.substring(end);
    }

    /** Blocks that no patient reaches, each with a negative duration and a successor that does not exist. */
    private static String problems(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("    x").append(i).append(": {type: block, kind: chemotherapy, durationDays: -1, next: nowhere, assumption: a test}\n");
        }
        return sb.toString();
    }

    @Test
    void theCorpusFilesAreSmall() throws IOException {
        // the large cases are made by the test, so that the repository stays small
        try (Stream<Path> files = Files.list(Path.of(CommandRun.resource("hostile/alias.yaml")).getParent())) {
            assertThat(files.filter(f -> f.toFile().length() > 16 * 1024)).isEmpty();
        }
    }
}
