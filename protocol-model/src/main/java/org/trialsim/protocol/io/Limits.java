package org.trialsim.protocol.io;

/**
 * Bounds on what a protocol file may be, so that hostile input is rejected quickly and in bounded
 * memory. A real protocol is a few hundred lines, nested a dozen levels deep, and its longest text (a
 * description) is a few hundred characters. docs/limits.md lists every bound and why.
 *
 * <p>YAML aliases and tags are refused outright (see {@link GuardedYamlFactory}), so alias bombs cannot
 * expand and no tag can ask for a Java object.
 *
 * @param maxBytes         largest input accepted, whatever it is (file, pipe, standard input)
 * @param maxNestingDepth  deepest nesting of mappings and lists
 * @param maxTextLength    longest single value, in characters; also the longest line of a YAML file, since
 *                         the YAML scanner's work grows with the square of a line's length
 * @param maxNameLength    longest field name or id (the keys of mappings), in characters: ids head columns
 *                         and rows of every result and are quoted in messages
 * @param maxNumberLength  longest number, in characters
 */
public record Limits(int maxBytes, int maxNestingDepth, int maxTextLength, int maxNameLength, int maxNumberLength) {
    /** 4 MiB, 64 levels, 64 KiB texts and lines, 100-character names and numbers. */
    public static final Limits DEFAULT = new Limits(4 << 20, 64, 64 << 10, 100, 100);

    public Limits {
        if (maxBytes <= 0 || maxNestingDepth <= 0 || maxTextLength <= 0 || maxNameLength <= 0 || maxNumberLength <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + ", " + maxNestingDepth + ", "
                    + maxTextLength + ", " + maxNameLength + ", " + maxNumberLength);
        }
    }

    // Written out, as every read looks up its parser factory by the limits: a record's own equals and hashCode
    // are made through invokedynamic, whose first use in a JVM spun some 17 method-handle classes that no
    // start-up archive holds (tens of milliseconds of `validate`).
    @Override
    public boolean equals(Object o) {
        return o instanceof Limits other && other.maxBytes == maxBytes && other.maxNestingDepth == maxNestingDepth
                && other.maxTextLength == maxTextLength && other.maxNameLength == maxNameLength && other.maxNumberLength == maxNumberLength;
    }

    @Override
    public int hashCode() {
        return ((((maxBytes * 31) + maxNestingDepth) * 31 + maxTextLength) * 31 + maxNameLength) * 31 + maxNumberLength;
    }
}
