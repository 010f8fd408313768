package org.trialsim.protocol;

import java.util.List;
import java.util.Locale;

/**
 * A protocol file that cannot be used: it could not be read, parsed or bound, or validation found
 * errors. Carries every problem found (errors and warnings), in file order.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** An exception carrying the given problems, at least one of them an error. */
    public ProtocolException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, errors and warnings, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** Only the errors. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    private static String summary(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        String file = problems.isEmpty() ? "the protocol" : ControlCharacters.visible(problems.get(0).file());
        StringBuilder sb = new StringBuilder(file).append(" is not a valid protocol: ")
                .append(String.format(Locale.ROOT, "%,d", errors)).append(errors == 1 ? " error" : " errors");
        for (String line : Problem.listing(problems)) {
            sb.append(System.lineSeparator()).append("  ").append(line);
        }
        return sb.toString();
    }
}
