package org.trialsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlCharactersTest {

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"0000, \\u0000", "0007, \\u0007", "0008, \\u0008", "000A, \\n", "000D, \\r", "0009, \\t", "001B, \\u001b",
            "007F, \\u007f", "0085, \\u0085", "009B, \\u009b"})
    void everyControlCharacterIsWrittenAsAnEscape(String code, String shown) {
        char c = (char) Integer.parseInt(code, 16);
        assertThat(ControlCharacters.isControl(c)).isTrue();
        assertThat(ControlCharacters.visible("a" + c + "b")).isEqualTo("a" + shown + "b");
    }

    @Test
    void anEscapeSequenceCannotReachATerminal() {
        String title = "\u001b[31mRed\u0007 title\u001b[0m";
        String shown = ControlCharacters.visible(title);
        assertThat(shown).isEqualTo("\\u001b[31mRed\\u0007 title\\u001b[0m");
        assertThat(shown.chars()).noneMatch(c -> ControlCharacters.isControl((char) c.intValue()));
    }

    @Test
    void otherTextIsLeftAsItIs() {
        String text = "MRD ≥ 0.01% → HSCT · ½ dose, \"quoted\", back\\slash, ü, 日本, 🙂";
        assertThat(ControlCharacters.visible(text)).isSameAs(text);
        assertThat(ControlCharacters.visible(null)).isNull();
        assertThat(ControlCharacters.isControl(' ')).isFalse();
        assertThat(ControlCharacters.isControl('\u00a0')).isFalse();
    }

    @Test
    void aProblemShowsTheControlCharactersOfItsFileNamePathAndMessage() {
        Problem p = new Problem(Problem.Severity.ERROR, "a\u001b.yaml", "nodes[\"\u0007\"]", 3, 4, "there is no node '\u001b[2J'");
        assertThat(p.toString()).isEqualTo("a\\u001b.yaml:3:4: error: at nodes[\"\\u0007\"]: there is no node '\\u001b[2J'");
        assertThat(p.message()).as("the problem itself keeps the text as it is").contains("\u001b[2J");
    }
}
