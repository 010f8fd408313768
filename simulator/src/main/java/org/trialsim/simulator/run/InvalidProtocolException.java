package org.trialsim.simulator.run;

import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Problem;

/**
 * A validated protocol that the simulator cannot compile with its registry: it names an implementation
 * the registry does not have (an extension that is not on the class path, or a misspelling), or one
 * that refuses the protocol's settings. Validation cannot see the registry, so this is where such a
 * protocol is refused; it is a problem of the protocol, reported like validation's, at the field.
 */
public final class InvalidProtocolException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /**
     * A problem of the protocol at the given field.
     *
     * @param protocol the protocol, for its file
     * @param path     the field, e.g. {@code design.randomization.method}
     * @param message  what is wrong, in a plain sentence
     */
    public InvalidProtocolException(LoadedProtocol protocol, String path, String message) {
        this(new Problem(Problem.Severity.ERROR, protocol.source(), path, 0, 0, message));
    }

    private InvalidProtocolException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    /** The problem, as validation reports one (without line and column: the compiled protocol no longer has them). */
    public Problem problem() {
        return problem;
    }
}
