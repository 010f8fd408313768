package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.builtin.BuiltinProtocols;

/** The commands run without picocli write what picocli's route writes, byte for byte, with the same exit code. */
class ShortcutTest {

    static Stream<List<String>> plainCommands() throws IOException {
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("protocols"));
        for (String id : BuiltinProtocols.IDS) {
            commands.add(List.of("validate", id));
        }
        commands.add(prepend("validate", BuiltinProtocols.IDS));
        // every example, and every file of the hostile-input corpus (each invalid in its own way)
        for (Path dir : List.of(Path.of("../examples"), Path.of(CommandRun.resource("hostile/alias.yaml")).getParent())) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> commands.add(List.of("validate", f.toString())));
            }
        }
        commands.add(List.of("validate", "no-such-protocol.yaml"));
        commands.add(List.of("validate", "no\u001b[31msuch.yaml"));
        commands.add(List.of("validate", "../examples"));
        commands.add(List.of("validate", CommandRun.resource("hostile/alias.yaml"), "aall1331", "no-such-protocol.yaml"));
        return commands.stream();
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainCommands")
    void aPlainCommandRunsWithoutPicocliAndWritesWhatPicocliWould(List<String> command) {
        String[] args = command.toArray(String[]::new);

        Run quick = Run.of(args, true);
        Run picocli = Run.of(args, false);

        assertThat(quick.ran()).as("run without picocli").isTrue();
        assertThat(quick).isEqualTo(picocli);
    }

    @Test
    void invalidAndMissingFilesGiveTheirExitCodes() {
        // the cases above are not all alike: they cover each exit code validate has
        assertThat(Run.of(new String[] {"validate", "aall1331"}, true).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Run.of(new String[] {"validate", CommandRun.resource("hostile/alias.yaml")}, true).exitCode())
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(Run.of(new String[] {"validate", "no-such-protocol.yaml"}, true).exitCode()).isEqualTo(ExitCode.IO);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "validate", "validate -", "validate --help", "validate -h aall1331", "validate aall1331 --verbose",
            "--verbose validate aall1331", "validate @files.txt", "validate aall1331 @files.txt", "protocols --help", "protocols extra",
            "protocols -V", "show aall1331", "simulate interfant-21", "Protocols"})
    void anythingElseIsLeftToPicocli(String arguments) {
        String[] args = arguments.isEmpty() ? new String[0] : arguments.split(" ");

        assertThat(Shortcut.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isNull();
    }

    @Test
    void anEmptyWordIsLeftToPicocli() {
        assertThat(Shortcut.run(new String[] {"validate", ""}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
                .isNull();
    }

    @Test
    void mainRunsAPlainCommandTheSameWay() {
        Cli run = Cli.run("validate", "interfant-21");

        assertThat(new Run(true, run.exitCode(), run.out(), run.err())).isEqualTo(Run.of(new String[] {"validate", "interfant-21"}, true));
    }

    /** What a route wrote and returned; {@code ran} is whether the route took the command. */
    private record Run(boolean ran, int exitCode, String out, String err) {
        static Run of(String[] args, boolean shortcut) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            PrintWriter o = new PrintWriter(out, true);
            PrintWriter e = new PrintWriter(err, true);
            Integer code = shortcut ? Shortcut.run(args, o, e) : Main.commandLine(o, e, args).execute(args);
            return new Run(code != null, code == null ? -1 : code, out.toString(), err.toString());
        }
    }
}
