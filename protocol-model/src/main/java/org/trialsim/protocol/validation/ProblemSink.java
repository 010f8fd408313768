package org.trialsim.protocol.validation;

import com.fasterxml.jackson.core.JsonPointer;
import org.trialsim.protocol.Problem;

/** Where problems found in a protocol are reported, each at a JSON pointer into the document. */
public interface ProblemSink {

    /** Reports a problem at the given place. */
    void report(Problem.Severity severity, JsonPointer at, String message);

    /** Reports an error. */
    default void error(JsonPointer at, String message) {
        report(Problem.Severity.ERROR, at, message);
    }

    /** Reports a warning. */
    default void warning(JsonPointer at, String message) {
        report(Problem.Severity.WARNING, at, message);
    }
}
