package org.trialsim.cli.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkupTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<script>alert(1)</script>         | &lt;script&gt;alert(1)&lt;/script&gt;",
        "\" onmouseover=\"alert(1)         | &quot; onmouseover=&quot;alert(1)",
        "' onload='x                       | &#39; onload=&#39;x",
        "a & b                             | a &amp; b",
        "&amp;                             | &amp;amp;",
        "]]><svg onload=alert(1)>          | ]]&gt;&lt;svg onload=alert(1)&gt;",
        "plain text, 95% CI — ≥ 0.5       | plain text, 95% CI — ≥ 0.5",
        "``                                | ``",
    })
    void escapesEveryCharacterThatCouldStartMarkup(String text, String escaped) {
        assertThat(Markup.escape(text)).isEqualTo(escaped);
        assertThat(Markup.escape(text)).doesNotContain("<", ">", "\"", "'");
    }

    @ParameterizedTest
    @CsvSource({"0, 7", "27, 7", "127, 7", "155, 7", "65534, 7"})
    void controlCharactersBecomeVisibleReplacements(int code, int unused) {
        assertThat(Markup.escape("a" + (char) code + "b")).isEqualTo("a\ufffdb");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.25|1.3", "-0.04|0", "3|3", "NaN|0", "Infinity|0", "-12.34|-12.3"})
    void coordinatesHaveOneDecimalAndNoMinusZero(double v, String text) {
        assertThat(Markup.coordinate(v)).isEqualTo(text);
    }

    @Test
    void nullIsTheEmptyTextAndTabsAndNewlinesStay() {
        assertThat(Markup.escape(null)).isEmpty();
        assertThat(Markup.escape("a\tb\nc")).isEqualTo("a\tb\nc");
    }
}
