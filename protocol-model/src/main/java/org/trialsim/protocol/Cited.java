package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A part of a protocol that holds model parameters and can say where they come from: a
 * {@code source} (a citation, or the id of one of the protocol's references) or an
 * {@code assumption} note saying what was assumed and why. A citation covers the part it is written
 * on and everything inside it; validation warns about parameters that no citation covers.
 */
public interface Cited {
    /** The citation, or the id of an entry in the protocol's references; may be null. */
    String source();

    /** A note saying what was assumed, where no source gives the figure; may be null. */
    String assumption();

    /** Whether this part holds a value that needs a citation; parts that only group others do not. */
    @JsonIgnore
    default boolean needsCitation() {
        return true;
    }

    /** Whether a source or an assumption is given here. */
    @JsonIgnore
    default boolean isCited() {
        return notBlank(source()) || notBlank(assumption());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
