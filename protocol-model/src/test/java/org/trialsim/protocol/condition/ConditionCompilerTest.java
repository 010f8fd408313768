package org.trialsim.protocol.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionCompilerTest {
    private static final Symbols SYMBOLS = Symbols.builder()
            .add("mrd", VariableType.NUMBER)
            .add("age", VariableType.NUMBER)
            .add("risk", VariableType.category(List.of("LR", "MR", "HR")))
            .add("received.blina-1", VariableType.FLAG)
            .add("mrd.eoi", VariableType.NUMBER)
            .derive("cr", "mrd < 0.05")
            .build();

    /** A state with mrd, age, risk (index), received.blina-1, mrd.eoi. */
    private static double[] state(double mrd, double age, String risk, boolean blina, double mrdEoi) {
        return new double[] {mrd, age, risk == null ? Double.NaN : List.of("LR", "MR", "HR").indexOf(risk), blina ? 1 : 0, mrdEoi};
    }

    private static boolean eval(String condition, double[] state) throws ConditionSyntaxException {
        return new ConditionCompiler(SYMBOLS).compile(condition).test(state);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mrd < 1e-4                                  | true
            mrd < 0.01%                                 | true
            mrd >= 5e-5                                 | true
            mrd == 5e-5                                 | true
            mrd != 5e-5                                 | false
            cr                                          | true
            not cr                                      | false
            cr == false                                 | false
            cr != false                                 | true
            risk == "MR"                                | true
            risk == 'MR' and age < 6                    | false
            risk == "MR" or age < 6                     | true
            risk in ["LR", "MR"]                        | true
            risk not in ["LR", "MR"]                    | false
            risk != "HR"                                | true
            received.blina-1                            | true
            not (received.blina-1 and age > 6)          | false
            age in [1, 2, 7]                            | true
            age not in [1, 2]                           | true
            1e-4 > mrd                                  | true
            mrd < age                                   | true
            true                                        | true
            false or not false                          | true
            not not cr                                  | true
            age > 6 and risk == "MR" or age < 0         | true
            age > 6 and (risk == "HR" or age < 0)       | false
            """)
    void evaluatesAgainstAState(String condition, boolean expected) throws Exception {
        assertThat(eval(condition, state(5e-5, 7, "MR", true, 2e-3))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is false when mrd.eoi is missing")
    @CsvSource(delimiter = '|', textBlock = """
            mrd.eoi < 1e-4
            mrd.eoi >= 1e-4
            mrd.eoi == 0
            mrd.eoi != 0
            mrd.eoi in [0, 1]
            mrd.eoi not in [0, 1]
            """)
    void everyComparisonWithAMissingValueIsFalse(String condition) throws Exception {
        assertThat(eval(condition, state(5e-5, 7, "MR", true, Double.NaN))).isFalse();
    }

    @Test
    void missingCategoryMatchesNoLevel() throws Exception {
        double[] s = state(5e-5, 7, null, false, 0);
        assertThat(eval("risk == \"MR\"", s)).isFalse();
        assertThat(eval("risk != \"MR\"", s)).isFalse();
        assertThat(eval("risk not in [\"MR\"]", s)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            mdr < 1e-4                 | 1  | unknown name 'mdr' (did you mean 'mrd'?)
            mrd < "high"               | 7  | 'mrd' is a number and cannot be compared with the text 'high'
            risk < "HR"                | 6  | 'risk' is a category (LR, MR, HR); it has no order, so only ==, != and 'in' apply
            risk == "XR"               | 9  | 'XR' is not a level of 'risk', which is one of LR, MR, HR
            risk == "hr"               | 9  | (did you mean 'HR'?)
            mrd                        | 1  | 'mrd' is a number, not a yes/no value; compare it, e.g. mrd < 1e-4
            risk                       | 1  | 'risk' is a category (LR, MR, HR), not a yes/no value; compare it, e.g. risk == "LR"
            cr < true                  | 4  | 'cr' is a yes/no value; only == and != apply
            cr == 1                    | 7  | 'cr' is a yes/no value; compare it only with true or false
            mrd = 1e-4                 | 5  | '=' is not a comparison; write '==' to test equality
            mrd < 1e-4 && cr           | 12 | '&' is not part of the language; write 'and'
            `mrd < 1e-4 || cr`         | 12 | '|' is not part of the language; write 'or'
            !cr                        | 1  | unexpected '!'; a value was expected
            mrd ≥ 1e-4                 | 5  | '≥' is not part of the language; write '>='
            (mrd < 1e-4                | 12 | a '(' is not closed
            mrd < 1e-4)                | 11 | unexpected ')'; expected 'and', 'or' or the end of the condition
            mrd <                      | 6  | the condition ends where a value was expected
            risk == "MR                | 9  | a quoted text is not closed
            risk in "MR"               | 9  | expected '[' after 'in'
            risk in ["MR" "HR"]        | 15 | expected ',' or ']' but found '"'
            1 < 2                      | 3  | both sides of '<' are constants
            age < 1e5000               | 7  | '1e5000' is too large
            mrd < 5abc                 | 8  | a number cannot be followed directly by 'abc'
            mrd < 1e-4 and             | 15 | the condition ends where a value was expected
            and cr                     | 1  | 'and' is a keyword; a value was expected
            `   `                      | 1  | the condition is empty
            cr in [true]               | 1  | 'cr' is a yes/no value; 'in' applies to categories and numbers
            mrd not cr                 | 5  | 'not' cannot follow a value here
            """)
    void reportsTheProblemAndItsColumn(String condition, int column, String message) {
        ConditionSyntaxException e = catchThrowableOfType(ConditionSyntaxException.class,
                () -> new ConditionCompiler(SYMBOLS).compile(condition));
        assertThat(e).as(condition).isNotNull();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.column()).isEqualTo(column);
    }

    @Test
    void derivedVariableIsInlinedSoItsThresholdIsVisible() throws Exception {
        Check check = new ConditionCompiler(SYMBOLS).compile("not cr");
        assertThat(check).isEqualTo(new Check.Not(new Check.NumberVsConstant(0, Operator.LT, 0.05)));
    }

    @Test
    void selfReferentialDerivedVariableIsReported() {
        Symbols loop = Symbols.builder().derive("a", "b").derive("b", "a").build();
        ConditionSyntaxException e = catchThrowableOfType(ConditionSyntaxException.class,
                () -> new ConditionCompiler(loop).compile("a"));
        assertThat(e.getMessage()).contains("defined in terms of itself");
    }

    @Test
    void equivalentConditionsCompileToEqualChecks() throws Exception {
        Check in = new ConditionCompiler(SYMBOLS).compile("risk in ['LR','MR']");
        Check notHigh = new ConditionCompiler(SYMBOLS).compile("risk != 'HR'");
        assertThat(in).isEqualTo(notHigh);
        assertThat(in.test(state(0, 0, "LR", false, 0))).isTrue();
        assertThat(in.test(state(0, 0, "HR", false, 0))).isFalse();
    }
}
