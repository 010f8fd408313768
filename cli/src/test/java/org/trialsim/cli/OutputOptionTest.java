package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** --out and --records through the command line: standard output, and the places that cannot be written. */
class OutputOptionTest {

    @Test
    void outDashIsStandardOutput() {
        Cli r = Cli.run("schema", "--out", "-");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(Cli.run("schema").out()).startsWith("{");
        assertThat(Path.of("-")).doesNotExist();
    }

    /** Links as "name -> target" in the temporary directory (which holds data/result.json), the path given, and what the message says. */
    static Stream<Arguments> unwritable() {
        List<String> fortyOne = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> fortyOne.add("l" + i + " -> l" + (i + 1)));
        fortyOne.add("l40 -> data/result.json");
        return Stream.of(
                arguments("a directory that does not exist", List.of(), "missing/out.json", ": the directory DIR/missing does not exist"),
                arguments("a directory", List.of(), "data", ": it is a directory"),
                arguments("a link to a directory", List.of("d -> data"), "d", " (which leads to DIR/data): it is a directory"),
                arguments("a loop of links", List.of("a -> b", "b -> a"), "a", ": its symbolic links form a loop"),
                arguments("a link to itself", List.of("self -> self"), "self", ": its symbolic links form a loop"),
                arguments("more links than Linux follows", fortyOne, "l0", "): it leads through more than 40 symbolic links"),
                arguments("a dangling link into a missing directory", List.of("out.json -> nowhere/x.json"), "out.json",
                        " (which leads to DIR/nowhere/x.json): the directory DIR/nowhere does not exist"),
                arguments("a file taken for a directory", List.of(), "data/result.json/x", ": DIR/data/result.json is not a directory"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritable")
    void aPlaceThatCannotBeWrittenIsOneParagraphExitFourAndLeavesNothing(String name, List<String> links, String given, String says,
            @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/result.json"), "old");
        for (String link : links) {
            String[] parts = link.split(" -> ");
            Files.createSymbolicLink(dir.resolve(parts[0]), Path.of(parts[1]));
        }
        var before = DeviceTwins.listing(dir);

        Cli r = Cli.run("schema", "--out", dir.resolve(given).toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.IO);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("trialsim: cannot write " + dir.resolve(given))
                .contains(says.replace("DIR", dir.toString()))
                .doesNotContain(".partial").doesNotContain("Exception").hasLineCount(1);
        assertThat(DeviceTwins.listing(dir)).isEqualTo(before);
        assertThat(dir.resolve("data/result.json")).hasContent("old");
    }

    @Test
    void recordsCanGoToStandardOutputWhenTheResultGoesToAFile(@TempDir Path dir) throws Exception {
        Path result = dir.resolve("result.txt");
        Cli r = Cli.run("simulate", "interfant-06-blina", "-n", "200", "--records", "-", "--out", result.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(1 + 2 * 200);
        assertThat(r.out()).startsWith(Cli.run("simulate", "interfant-06-blina", "-n", "200", "--records", "-", "--out",
                dir.resolve("again.txt").toString()).out().lines().findFirst().orElseThrow());
        assertThat(Files.readString(result)).contains("virtual patients per arm");
    }

    static Stream<Arguments> clashes() {
        return Stream.of(
                arguments(List.of("--records", "-"), "--records - writes the records to standard output, where the result goes too"),
                arguments(List.of("--records", "-", "--out", "-"), "--records - writes the records to standard output, where the result goes too"),
                arguments(List.of("--records", "DIR/same.csv", "--out", "DIR/same.csv"), "--out and --records both name DIR/same.csv"),
                arguments(List.of("--records", "DIR/link.csv", "--out", "DIR/same.csv"), "--out and --records both name DIR/same.csv"),
                arguments(List.of("--records", "DIR/./same.csv", "--out", "DIR/same.csv"), "--out and --records both name DIR/same.csv"));
    }

    @ParameterizedTest
    @MethodSource("clashes")
    void recordsAndTheResultCannotGoToTheSamePlace(List<String> options, String says, @TempDir Path dir) throws Exception {
        Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("same.csv"));
        List<String> args = new ArrayList<>(List.of("simulate", "interfant-06-blina", "-n", "100"));
        options.forEach(o -> args.add(o.replace("DIR", dir.toString())));
        var before = DeviceTwins.listing(dir);

        Cli r = Cli.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("trialsim: " + says.replace("DIR", dir.toString())).hasLineCount(1);
        assertThat(DeviceTwins.listing(dir)).isEqualTo(before);
    }
}
