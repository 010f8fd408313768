package org.trialsim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text layout of every table: alignment, abbreviation and wrapping. */
class LayoutTest {

    @Test
    void padsAndAlignsInColumns() {
        assertThat(Layout.pad("arm", 6)).isEqualTo("arm   ");
        assertThat(Layout.right("12.3", 6)).isEqualTo("  12.3");
        assertThat(Layout.flushRight("12.3", 6)).isEqualTo("  12.3");
    }

    /** The cohort and trial tables keep a space between columns; the escalation table's cells fill theirs. */
    @Test
    void textLongerThanItsColumnIsKeptWhole() {
        assertThat(Layout.pad("arm B long", 6)).isEqualTo("arm B long");
        assertThat(Layout.right("1234567", 6)).isEqualTo(" 1234567");
        assertThat(Layout.flushRight("1234567", 6)).isEqualTo("1234567");
    }

    @Test
    void abbreviatesWithAnEllipsis() {
        assertThat(Layout.abbreviate("Induction block", 9)).isEqualTo("Inductio…").hasSize(9);
        assertThat(Layout.abbreviate("Short", 9)).isEqualTo("Short");
    }

    @Test
    void wrapsWordsAndGivesALongWordALineOfItsOwn() {
        assertThat(Layout.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
        assertThat(Layout.wrap("a verylongword b", 5)).containsExactly("a", "verylongword", "b");
        assertThat(Layout.wrap("", 10)).isEmpty();
    }

    @Test
    void wrapsPartsWithAContinuationIndent() {
        List<String> lines = Layout.wrapParts("  block: ", List.of("Induction", "chemo, 28 days", "death 2%"), " · ", "      ", 32);
        assertThat(lines).containsExactly("  block: Induction", "      chemo, 28 days · death 2%");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(32));
    }
}
