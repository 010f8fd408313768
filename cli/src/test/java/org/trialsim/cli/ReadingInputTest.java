package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.ControlCharacters;

/**
 * Where a protocol comes from (standard input, a named pipe) and what its texts can do to a terminal:
 * escape sequences and bells in titles, labels and conditions reach no output raw.
 */
class ReadingInputTest {
    private static final String ESCAPES = CommandRun.resource("hostile/escapes.yaml");

    private static String text(String resource) {
        try (InputStream in = ReadingInputTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the command with the given text as standard input. */
    private static synchronized Cli withInput(String input, Supplier<Cli> run) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aDashReadsTheProtocolFromStandardInput() {
        String protocol = text("/protocols/two-arm-one-decision.yaml");
        Cli validate = withInput(protocol, () -> Cli.run("validate", "-"));
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).isEqualTo("-: valid" + System.lineSeparator());

        Cli simulate = withInput(protocol, () -> Cli.run("simulate", "-", "-n", "500", "--format", "json"));
        assertThat(simulate.exitCode()).isZero();
        assertThat(simulate.out()).contains("\"protocol\" : \"standard input\"");
    }

    @Test
    void problemsOnStandardInputNameIt() {
        Cli r = withInput("id: x\ntitle: !foo bar\n", () -> Cli.run("show", "-", "--set", "registry=NCT1"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).startsWith("standard input:2:8: error: YAML tags (!foo) are not allowed")
                .endsWith("trialsim: standard input is not a valid protocol (1 error)" + System.lineSeparator());
    }

    @Test
    void aNamedPipeIsReadLikeAFile(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("protocol.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        byte[] protocol = text("/protocols/two-arm-one-decision.yaml").getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(protocol);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Cli r = Cli.run("show", fifo.toString());
        writer.get(30, TimeUnit.SECONDS);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Two-arm example with one MRD decision");
    }

    private static void assertNoRawControlCharacters(String output) {
        assertThat(output.chars().filter(c -> c != '\n' && ControlCharacters.isControl((char) c)).count())
                .as("raw control characters in:%n%s", output).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"show", "simulate table", "simulate csv", "trial table", "trial csv", "export json"})
    void escapeSequencesInAProtocolsTextsAreShownNotObeyed(String command) {
        String[] words = command.split(" ");
        Cli r = switch (words[0]) {
            case "show" -> Cli.run("show", ESCAPES);
            case "simulate" -> Cli.run("simulate", ESCAPES, "-n", "2000", "--format", words[1]);
            case "trial" -> Cli.run("trial", ESCAPES, "-r", "20", "--format", words[1]);
            default -> Cli.run("export", ESCAPES, "--format", words[1]);
        };
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertNoRawControlCharacters(r.out());
        assertNoRawControlCharacters(r.err());
        // Jackson writes the escape of JSON output in capitals
        assertThat(r.out()).containsIgnoringCase(command.equals("trial csv") ? "\\u001b[31mexperimental vs control\\u0007" : "\\u001b[31m");
    }

    @Test
    void patientRecordsShowThemToo(@TempDir Path dir) throws IOException {
        Path records = dir.resolve("records.csv");
        Cli r = Cli.run("simulate", ESCAPES, "-n", "200", "--records", records.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String csv = Files.readString(records);
        assertNoRawControlCharacters(csv);
        assertThat(csv).contains("\\u001b[31miem\\u0007", "[\\u001b[31mmarrow\\u0007]");
    }

    @Test
    void messagesShowTheEscapesTheyQuote() {
        Cli r = Cli.run("validate", CommandRun.resource("hostile/escapes-in-errors.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertNoRawControlCharacters(r.err());
        assertThat(r.err()).contains("unknown field '\\u001b[31mfield\\u0007'", "\\u001b[2Jstart");

        Cli usage = Cli.run("simulate", "aall1331", "--\u001b[2Jclear");
        assertThat(usage.exitCode()).isEqualTo(ExitCode.USAGE);
        assertNoRawControlCharacters(usage.err());
        assertThat(usage.err()).contains("\\u001b[2Jclear");
    }
}
