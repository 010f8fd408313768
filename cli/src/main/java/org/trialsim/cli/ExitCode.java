package org.trialsim.cli;

/** The exit codes of {@code trialsim}, documented in the README. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** An unexpected internal error: a bug in trialsim. */
    public static final int INTERNAL = 1;
    /** A usage error: unknown option, bad or impossible argument value. */
    public static final int USAGE = 2;
    /** Invalid input: a protocol file with errors. */
    public static final int INVALID_INPUT = 3;
    /** A file cannot be read or written. */
    public static final int IO = 4;
    /** The run needs more memory than the JVM may use. */
    public static final int MEMORY = 5;
    /** {@code calibrate --check}: a published target is missed. */
    public static final int TARGETS_MISSED = 6;

    private ExitCode() {
    }
}
