package org.trialsim.protocol.condition;

import java.util.List;

/**
 * The parsed but not yet type-checked form of a condition. Columns are 1-based positions in the
 * condition text, kept so that type errors can point at the operand that caused them.
 */
sealed interface Expr {

    /** {@code a or b or ...} */
    record Or(List<Expr> terms) implements Expr {
    }

    /** {@code a and b and ...} */
    record And(List<Expr> terms) implements Expr {
    }

    /** {@code not a} */
    record Not(Expr operand) implements Expr {
    }

    /** {@code left op right} */
    record Compare(Operand left, Operator operator, Operand right, int column) implements Expr {
    }

    /** {@code name in [v1, v2]} or {@code name not in [...]} */
    record In(Operand.Name name, List<Operand.Literal> values, boolean negated, int column) implements Expr {
    }

    /** An operand standing alone, which must be a yes/no value: {@code cr}, {@code true}. */
    record Truth(Operand operand) implements Expr {
    }

    /** A name or a literal. */
    sealed interface Operand {
        int column();

        /** A variable name such as {@code mrd}, {@code risk} or {@code received.blina-1}. */
        record Name(String name, int column) implements Operand {
        }

        /** A number (a trailing {@code %} divides by 100), a quoted text, or {@code true}/{@code false}. */
        record Literal(Object value, int column) implements Operand {
            String describe() {
                if (value instanceof String s) {
                    return "the text '" + s + "'";
                }
                if (value instanceof Boolean b) {
                    return b.toString();
                }
                return "the number " + value;
            }
        }
    }
}
