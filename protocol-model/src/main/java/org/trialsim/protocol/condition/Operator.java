package org.trialsim.protocol.condition;

/** A comparison operator of the condition language. */
public enum Operator {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in a condition. */
    public String symbol() {
        return symbol;
    }

    /** The operator that gives the same result when the operands are swapped ({@code a < b} is {@code b > a}). */
    Operator mirrored() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            case EQ, NE -> this;
        };
    }

    /**
     * Compares two numbers. A missing value (NaN) makes every comparison false, {@code !=} included,
     * so that a route never fires on an assessment the patient did not have.
     */
    boolean test(double a, double b) {
        return switch (this) {
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case EQ -> a == b;
            case NE -> a == a && b == b && a != b;
        };
    }

    boolean isOrdering() {
        return this != EQ && this != NE;
    }
}
