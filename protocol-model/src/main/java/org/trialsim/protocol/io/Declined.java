package org.trialsim.protocol.io;

/**
 * Thrown inside the reader's fast paths ({@link FastBinder}, {@link JsonText}) to give up on a value
 * they do not handle exactly, so that Jackson does the work instead. One shared instance without a stack
 * trace: it is not a fault.
 */
final class Declined extends Exception {
    private static final long serialVersionUID = 1L;
    static final Declined INSTANCE = new Declined();

    private Declined() {
        super(null, null, false, false);
    }
}
