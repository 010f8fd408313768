package org.trialsim.cli;

/**
 * A problem caused by what the user asked for (a missing file, an impossible parameter), reported as
 * one paragraph without a stack trace, with its exit code.
 */
final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A usage error (exit code 2). */
    static UserException usage(String message) {
        return new UserException(ExitCode.USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
