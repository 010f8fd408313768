package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsim.protocol.Design;
import org.trialsim.simulator.Simulator;

/**
 * The worked example of docs/extending.md, examples/extension: its sources are compiled as a user
 * would compile them, put on a class path of their own, and the trial of its protocol is run through
 * the command line, which must find the extension with ServiceLoader and randomize by Efron's biased
 * coin, whose imbalance is checked against its exact distribution.
 */
class ExtensionExampleTest {
    private static final Path EXAMPLE = Path.of("../examples/extension");
    private static final String PROTOCOL = EXAMPLE.resolve("biased-coin.yaml").toString();
    private static final int PATIENTS = 220;
    private static final int REPLICATES = 2000;

    @TempDir
    static Path build;

    /** javac -cp (trialsim's classes) -d build examples/extension/src/**.java; cp -r src/META-INF build/ */
    @BeforeAll
    static void compileTheExample() throws Exception {
        List<String> sources;
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        assertThat(sources).hasSize(2);
        List<String> args = new ArrayList<>(List.of("-proc:none", "-cp", classPath(), "-d", build.toString()));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac of the example").isZero();
        Path services = Path.of("META-INF", "services", "org.trialsim.simulator.TrialsimExtension");
        Files.createDirectories(build.resolve(services).getParent());
        Files.copy(EXAMPLE.resolve("src").resolve(services), build.resolve(services));
    }

    /** The jars or directories of what the example compiles against (in the shaded trialsim.jar for a user). */
    private static String classPath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {Simulator.class, Design.class, AbstractModule.class, Inject.class, UniformRandomProvider.class,
                com.fasterxml.jackson.annotation.JsonTypeInfo.class}) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Runs the command line with the example's classes on the context class loader, as {@code java -cp trialsim.jar:build} would. */
    private static Cli withExtension(String... args) throws Exception {
        return onClassPath(() -> Cli.run(args));
    }

    private static <T> T onClassPath(Callable<T> task) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {build.toUri().toURL()}, ExtensionExampleTest.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            return task.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static JsonNode trial(Cli run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        JsonNode enrolled = result.at("/analyses/0/patients");
        assertThat(enrolled.get("min").asInt()).as("every trial enrols and randomizes all its patients").isEqualTo(PATIENTS);
        assertThat(enrolled.get("max").asInt()).isEqualTo(PATIENTS);
        return result.at("/allocation/0/imbalance");
    }

    private static String[] trialArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("trial", PROTOCOL, "--null", "-r", String.valueOf(REPLICATES), "-s", "11",
                "-t", "2", "-q", "-f", "json"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * The final imbalance |A − B| of Efron's coin with p = 2/3 after 220 patients has mean 1.333 (its
     * exact distribution below); simple randomization's (the same rule with p = 1/2) 11.82, and blocks
     * of two leave none. Each simulated mean must lie within 4.5 of its Monte Carlo standard errors of
     * the exact one (a false failure once in about 150,000 runs each).
     */
    @Test
    void theProtocolIsRandomizedByTheExtensionsBiasedCoin() throws Exception {
        double mean = mean(efronImbalance(PATIENTS, 2.0 / 3));
        assertThat(mean).as("the limit, 4/3, is reached within 220 patients").isCloseTo(4.0 / 3, within(1e-6));

        JsonNode coin = trial(withExtension(trialArgs()));
        double se = coin.get("standardError").asDouble();
        assertThat(se).isBetween(0.02, 0.05);
        assertThat(coin.get("mean").asDouble()).isCloseTo(mean, within(4.5 * se));
        assertThat(coin.get("min").asDouble()).isZero();
        // bounded in distribution: |A − B| ≥ 24 has probability 2·4^-12 = 1.2e-7 a trial (2.4e-4 in 2,000 trials),
        // where simple randomization reaches it in one trial in ten
        assertThat(coin.get("max").asDouble()).isLessThan(24);

        JsonNode simple = trial(withExtension(trialArgs("--set", "design.randomization.method=simple")));
        double simpleMean = mean(efronImbalance(PATIENTS, 0.5));
        assertThat(simpleMean).isCloseTo(11.821, within(0.001));
        assertThat(simple.get("mean").asDouble()).isCloseTo(simpleMean, within(4.5 * simple.get("standardError").asDouble()));
        JsonNode blocks = trial(withExtension(trialArgs("--set", "design.randomization={method: permuted-blocks, blockSizes: [2]}")));
        assertThat(blocks.get("max").asDouble()).isZero();
    }

    private static double mean(double[] distribution) {
        double mean = 0;
        for (int d = 0; d < distribution.length; d++) {
            mean += d * distribution[d];
        }
        return mean;
    }

    /** The distribution of |D_n|, D the lead of arm A, by Efron's rule: from 0 a fair coin, otherwise towards 0 with probability p. */
    static double[] efronImbalance(int n, double p) {
        double[] lead = new double[2 * n + 1];
        lead[n] = 1;
        for (int i = 0; i < n; i++) {
            double[] next = new double[lead.length];
            for (int d = -i; d <= i; d++) {
                double q = lead[d + n];
                if (q == 0) {
                    continue;
                }
                double up = d == 0 ? 0.5 : d > 0 ? 1 - p : p;
                next[d + n + 1] += q * up;
                next[d + n - 1] += q * (1 - up);
            }
            lead = next;
        }
        double[] abs = new double[n + 1];
        for (int d = -n; d <= n; d++) {
            abs[Math.abs(d)] += lead[d + n];
        }
        return abs;
    }

    @Test
    void withoutTheExtensionTheTrialIsRefusedNamingTheFieldAndTheMethodsThereAre() {
        Cli run = Cli.run("trial", PROTOCOL, "-r", "10", "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains(PROTOCOL + ": error: at design.randomization.method: there is no randomization method"
                + " 'biased-coin'; the randomization methods are simple, permuted-blocks, stratified-blocks, minimization")
                .doesNotContain("Exception");
        // validation, which cannot see extensions, only warns
        Cli validate = Cli.run("validate", PROTOCOL);
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.err()).contains("warning: at design.randomization.method: 'biased-coin' is not a built-in randomization method");
    }

    @Test
    void whatTheExtensionRefusesIsAProblemOfTheProtocol() throws Exception {
        Cli ratio = withExtension("trial", PROTOCOL, "-r", "10", "-q", "--set", "pathway.nodes.randomize.strata.all.ratio.control=2");
        assertThat(ratio.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(ratio.err()).contains("error: at design.randomization: biased-coin:0.6666666666666666 cannot randomize stratum 'all' of"
                + " allocation 'randomize' (arms control, experimental): the biased coin randomizes two arms 1:1");
        Cli p = withExtension("trial", PROTOCOL, "-r", "10", "-q", "--set", "design.randomization.p=0.4");
        assertThat(p.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(p.err()).contains("error: at design.randomization: biased-coin: p, the probability of giving the arm that is behind,"
                + " must be from 0.5 to 1, not 0.4");
    }
}
