package org.trialsim.protocol.validation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.trialsim.protocol.Cited;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.ProtocolPath;
import org.trialsim.protocol.Range;

/**
 * A real number of a protocol named by its {@code --set} path (e.g.
 * {@code pathway.nodes.blina-1.mrdResponse.log10Shift}), with the range the model gives it and the
 * part of the protocol that says where it comes from: what {@code trialsim calibrate --fit} needs of
 * each parameter it fits.
 *
 * @param path      the dotted path, as {@code --set} takes it
 * @param value     the number the protocol holds there
 * @param range     its field's range ({@link Range}; on a list or mapping, each entry's)
 * @param citedPath the path of the innermost part around it that carries a {@code source} and an
 *                  {@code assumption} ({@link Cited})
 * @param assumption that part's assumption note as the protocol gives it; null if it has none
 */
public record NumericParameter(String path, double value, Range range, String citedPath, String assumption) {

    /**
     * The number at the path.
     *
     * @throws IllegalArgumentException with a plain message naming the path if the protocol has nothing
     *         there, if what is there is not a real number (a text, a whole number, a list), if it is
     *         one of the targets, or if no part around it can carry a source
     */
    public static NumericParameter of(Protocol protocol, String path) {
        List<String> segments = ProtocolPath.segments(path);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("the path is empty; name a number of the protocol, e.g. pathway.nodes.ID.deathProbability");
        }
        if (segments.get(0).equals("targets")) {
            throw new IllegalArgumentException(path + " is part of a target, and the targets are what a fit matches");
        }
        Object current = protocol;
        Range range = null;
        String citedPath = null;
        Cited cited = null;
        StringBuilder at = new StringBuilder();
        for (String segment : segments) {
            if (current instanceof Cited c && current instanceof Record) {
                citedPath = at.toString();
                cited = c;
            }
            Object next;
            if (segment.startsWith("[")) {
                int index = index(segment, path);
                if (!(current instanceof List<?> list) || index >= list.size()) {
                    throw new IllegalArgumentException("the protocol has no " + path + ": " + (at.length() == 0 ? "it" : at)
                            + (current instanceof List<?> l ? " has " + l.size() + " entries" : " is not a list"));
                }
                next = list.get(index);
            } else if (current instanceof Map<?, ?> map) {
                next = map.get(segment);
                if (next == null) {
                    throw new IllegalArgumentException("the protocol has no " + path + ": " + at + " has no '" + segment + "'"
                            + " (it has " + String.join(", ", map.keySet().stream().map(String::valueOf).toList()) + ")");
                }
            } else if (current instanceof Record record) {
                RecordComponent component = component(record, segment);
                if (component == null) {
                    throw new IllegalArgumentException("the protocol has no " + path + ": " + (at.length() == 0 ? "a protocol" : at)
                            + " has no field '" + segment + "'");
                }
                range = component.getAnnotation(Range.class);
                next = read(component, record);
                if (next == null) {
                    throw new IllegalArgumentException("the protocol gives no " + path + " (a fit starts from the value the"
                            + " protocol gives; set one first)");
                }
            } else {
                throw new IllegalArgumentException("the protocol has no " + path + ": " + at + " is a single value, not a part");
            }
            at.append(at.length() == 0 || segment.startsWith("[") ? "" : ".").append(segment);
            current = next;
        }
        if (!(current instanceof Double number) || range == null) {
            throw new IllegalArgumentException(path + " is " + (current instanceof Number ? "a whole number" : "not a number")
                    + "; only a real-valued parameter (a rate, a probability, a shift) can be fitted");
        }
        if (citedPath == null) {
            throw new IllegalArgumentException(path + " lies in no part of the protocol that carries a source or an assumption,"
                    + " so a fitted value could not say where it comes from; fit a parameter of the population, a block, a route,"
                    + " a curve or an outcome rule");
        }
        return new NumericParameter(path, number, range, citedPath, cited.assumption());
    }

    /** Whether the value lies in the field's range. */
    public boolean allows(double v) {
        return Values.contains(range, v);
    }

    /** The range in words and why, e.g. "from 0 to 1 (a probability)". */
    public String rangeText() {
        return Values.describe(range) + " (" + range.why() + ")";
    }

    private static int index(String segment, String path) {
        int index;
        try {
            index = Integer.parseInt(segment.substring(1, segment.length() - 1).strip());
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0) {
            throw new IllegalArgumentException("in " + path + ", '" + segment + "' is not a list index such as [0]");
        }
        return index;
    }

    private static RecordComponent component(Record record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
