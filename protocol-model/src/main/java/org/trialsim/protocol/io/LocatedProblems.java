package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.validation.ProblemSink;

/** Collects problems for one file, giving each its line and column and a readable path. */
final class LocatedProblems implements ProblemSink {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private final String file;
    private final Locations locations;
    private final List<Problem> problems = new ArrayList<>();

    LocatedProblems(String file, Locations locations) {
        this.file = file;
        this.locations = locations;
    }

    @Override
    public void report(Problem.Severity severity, JsonPointer at, String message) {
        Locations.Position position = locations.find(at);
        problems.add(new Problem(severity, file, displayPath(at), position.line(), position.column(), message));
    }

    /** Reports an error at a known position (for parse errors, which have no pointer). */
    void reportAt(int line, int column, String message) {
        reportAt(JsonPointer.empty(), line, column, message);
    }

    /** Reports an error at a known position and path (for parse errors in a part of the document). */
    void reportAt(JsonPointer at, int line, int column, String message) {
        problems.add(new Problem(Problem.Severity.ERROR, file, displayPath(at), line, column, message));
    }

    /**
     * A sink that drops problems in, at, or just around values that already failed to parse: they
     * would only repeat the failure in other words (a value that failed is missing, and an empty list
     * has the wrong length).
     */
    ProblemSink ignoringAround(List<JsonPointer> failed) {
        List<String> prefixes = failed.stream().map(JsonPointer::toString).toList();
        return (severity, at, message) -> {
            String p = at.toString();
            for (String f : prefixes) {
                if (p.equals(f) || p.startsWith(f + "/") || f.startsWith(p + "/") && f.lastIndexOf('/') == p.length()) {
                    return;
                }
            }
            report(severity, at, message);
        };
    }

    boolean hasErrors() {
        return !problems.isEmpty() && problems.stream().anyMatch(Problem::isError);
    }

    /**
     * The problems in file order, without repeats. A file without problems (the usual case) spares the
     * stream and the first use of {@link Problem#BY_POSITION}, whose comparators the JVM spins at run time.
     */
    List<Problem> sorted() {
        return problems.isEmpty() ? List.of() : problems.stream().distinct().sorted(Problem.BY_POSITION).toList();
    }

    /** {@code /pathway/nodes/a.b/routes/0} becomes {@code pathway.nodes["a.b"].routes[0]}. */
    static String displayPath(JsonPointer pointer) {
        StringBuilder sb = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            String segment = p.getMatchingProperty();
            if (p.mayMatchElement()) {
                sb.append('[').append(p.getMatchingIndex()).append(']');
            } else if (PLAIN_NAME.matcher(segment).matches()) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(segment);
            } else {
                sb.append("[\"").append(segment.replace("\"", "\\\"")).append("\"]");
            }
        }
        return sb.toString();
    }
}
