package org.trialsim.protocol.io;

/**
 * Bounds on what a protocol file may be, so that hostile input is rejected quickly and in bounded
 * memory. A real protocol is a few hundred lines, nested a dozen levels deep.
 *
 * YAML aliases are refused outright (see {@link ProtocolReader}), so alias bombs cannot expand.
 *
 * @param maxBytes        largest file accepted
 * @param maxNestingDepth deepest nesting of mappings and lists
 */
public record Limits(int maxBytes, int maxNestingDepth) {
    /** 4 MiB and 64 levels. */
    public static final Limits DEFAULT = new Limits(4 << 20, 64);

    public Limits {
        if (maxBytes <= 0 || maxNestingDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + ", " + maxNestingDepth);
        }
    }
}
