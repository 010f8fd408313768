package org.trialsim.protocol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field that names an implementation the simulator looks up in its registry: one of the
 * built-in names, or a name that an extension on the simulator's class path adds (docs/extending.md).
 *
 * <p>The model cannot see the simulator's registry, so validation checks what it can: the name has the
 * form of a name ({@link #NAME_PATTERN}, at most {@link #MAX_NAME_LENGTH} characters; an error
 * otherwise), and a name that is not built in gets a warning (with a suggestion when it looks like a
 * misspelt built-in). The simulator refuses a name its registry does not have when the trial is
 * compiled, naming the field. The JSON Schema offers the built-in names to editors and accepts any
 * name of the right form.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Extensible {
    /**
     * The form of every name, built in or added: lower-case letters and digits in words joined by
     * single hyphens, starting with a letter ({@code permuted-blocks}, {@code biased-coin}); it cannot
     * hold spaces, control characters or anything that would need quoting in a message.
     */
    String NAME_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    /** The longest name: enough for any descriptive name, short enough to read in a message. */
    int MAX_NAME_LENGTH = 64;

    /** What the name names, for messages, e.g. "randomization method". */
    String kind();

    /** The names the simulator has built in. */
    String[] builtIns();
}
