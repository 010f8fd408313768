package org.trialsim.protocol.condition;

import java.util.List;

/**
 * The type of a variable in conditions. All values live in one {@code double[]} state vector: a
 * number as itself, a flag as 0 or 1, a category as the index of its level; NaN means missing.
 */
public sealed interface VariableType {

    /** Describes the type for a message, e.g. "a number". */
    String describe();

    /** A quantity such as MRD or age. */
    record Number() implements VariableType {
        @Override
        public String describe() {
            return "a number";
        }
    }

    /** A yes/no value such as {@code cr}. */
    record Flag() implements VariableType {
        @Override
        public String describe() {
            return "a yes/no value";
        }
    }

    /** One of a fixed list of levels, such as a risk group. */
    record Category(List<String> levels) implements VariableType {
        public Category {
            levels = List.copyOf(levels);
        }

        @Override
        public String describe() {
            return "a category (" + String.join(", ", levels) + ")";
        }
    }

    /** The number type. */
    VariableType NUMBER = new Number();
    /** The yes/no type. */
    VariableType FLAG = new Flag();

    /** A category with the given levels, in order. */
    static VariableType category(List<String> levels) {
        return new Category(levels);
    }
}
