package org.trialsim.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.TestProtocols;

/**
 * A randomization method or spending function is a name the simulator looks up in its registry, which
 * an extension can add to: validation accepts any name of the right form, warns about one that is not
 * built in (suggesting the built-in it may be a misspelling of), and refuses what cannot be a name.
 */
class ExtensibleNamesTest {
    private static final String DESIGN = TestProtocols.text(TestProtocols.TWO_ARM) + """
            design:
              type: randomized
              sampleSize: 200
              comparisons: [{control: control, experimental: experimental, endpoint: efs}]
              accrual: {patientsPerMonth: 10}
              randomization: {method: minimization, factors: [sex, risk]}
              analysis: {alpha: 0.025, events: 80, informationFractions: [0.5, 1], spending: pocock}
              assumption: an example design
            """;

    private static LoadedProtocol read(String from, String to) throws ProtocolException {
        assertThat(DESIGN).as("the edit must apply to the base file").containsOnlyOnce(from);
        return TestProtocols.read("edited.yaml", DESIGN.replace(from, to));
    }

    @Test
    void builtInNamesDrawNoWarning() throws Exception {
        assertThat(read("spending: pocock", "spending: obrien-fleming").warnings()).isEmpty();
        for (String method : new String[] {"simple", "{method: permuted-blocks, blockSizes: [4]}"}) {
            assertThat(read("{method: minimization, factors: [sex, risk]}", method.startsWith("{") ? method
                    : "{method: " + method + "}").warnings()).as(method).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an extension's method       | method: minimization, factors: [sex, risk] | method: biased-coin, p: 0.6667 | design.randomization.method | 'biased-coin' is not a built-in randomization method (simple, permuted-blocks, stratified-blocks, minimization, response-adaptive); the trial can be simulated only with an extension on the class path that adds it (docs/extending.md)
            a misspelt built-in method  | method: minimization, factors: [sex, risk] | method: minimisation, factors: [sex, risk] | design.randomization.method | (did you mean 'minimization'?)
            an extension's spending     | spending: pocock                           | spending: hwang-shih-decani    | design.analysis.spending     | 'hwang-shih-decani' is not a built-in spending function (obrien-fleming, pocock)
            """)
    void aNameThatIsNotBuiltInIsAWarningNamingTheField(String kind, String from, String to, String path, String message)
            throws Exception {
        LoadedProtocol loaded = read(from, to);
        assertThat(loaded.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo(path);
            assertThat(w.message()).contains(message);
            assertThat(w.line()).isPositive();
        });
    }

    @Test
    void anExtensionsMethodTakesTheSettingsThatBuiltInsRefuseAndItsFactorsAreStillChecked() throws Exception {
        // blocks, factors and p are the extension's to accept or refuse when the trial is compiled
        LoadedProtocol loaded = read("method: minimization, factors: [sex, risk]", "method: my-blocks, blockSizes: [3], factors: [sex], p: 0.9");
        assertThat(loaded.warnings()).extracting(Problem::path).containsExactly("design.randomization.method");
        // but a factor must still be a categorical or yes/no variable
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> read("method: minimization, factors: [sex, risk]", "method: my-blocks, factors: [age]"));
        assertThat(e.errors()).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("design.randomization.factors[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a space           | method: Biased Coin                | 'Biased Coin' is not a randomization method: a name is lower-case letters and digits in words joined by hyphens, at most 64 characters; the built-in ones are simple, permuted-blocks, stratified-blocks, minimization
            upper case        | method: MINIMIZATION               | (did you mean 'minimization'?)
            a leading hyphen  | method: -coin                      | '-coin' is not a randomization method
            a double hyphen   | method: biased--coin               | 'biased--coin' is not a randomization method
            a control char    | method: "coin\\e[31m"              | 'coin\\u001b[31m' is not a randomization method
            too long          | method: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' is not a randomization method
            """)
    void whatCannotBeANameIsAnError(String kind, String method, String message) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> read("method: minimization, factors: [sex, risk]", method));
        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("design.randomization.method");
            assertThat(p.message()).contains(message).doesNotContain("\u001b");
        });
    }
}
