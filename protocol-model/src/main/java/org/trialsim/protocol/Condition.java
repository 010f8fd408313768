package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A condition as written in a protocol file, e.g. {@code mrd >= 5e-4 and risk == "MR"}. It is kept
 * as text here; validation parses and type-checks it against the protocol's variables, and the
 * simulator compiles it (see {@link org.trialsim.protocol.condition.ConditionCompiler}).
 *
 * @param text the condition's source text
 */
public record Condition(String text) {

    /** The condition with the given text. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Condition of(String text) {
        return new Condition(text);
    }

    /** The text, which is also how the condition is written to a file. */
    @Override
    @JsonValue
    public String text() {
        return text;
    }

    // Written out: a record's own equals and hashCode are made through invokedynamic, whose first use in a
    // JVM spins method-handle classes that no start-up archive holds, and simulate's report compares
    // conditions in every run.
    @Override
    public boolean equals(Object o) {
        return o instanceof Condition other && Objects.equals(text, other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
