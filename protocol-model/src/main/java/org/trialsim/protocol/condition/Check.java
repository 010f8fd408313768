package org.trialsim.protocol.condition;

import java.util.List;

/**
 * A type-checked condition, ready to test a patient's state vector. The tree is also inspected (by the
 * validator's exhaustiveness check), so its nodes are plain records over slots and constants.
 */
public sealed interface Check {

    /** Whether the state satisfies the condition. Never allocates. */
    boolean test(double[] state);

    /**
     * Whether the state satisfies the check: the same as {@code check.test(state)}, for hot loops. A
     * call of {@code test} through this interface sees every record type and so compiles to a
     * megamorphic interface call per node of the tree; dispatching on the (final) record type here
     * turns each into a type comparison and a direct call the JIT can inline.
     */
    static boolean holds(Check check, double[] state) {
        // most frequent first: comparisons with a constant, flags, categories, conjunctions
        if (check instanceof NumberVsConstant c) {
            return c.test(state);
        }
        if (check instanceof FlagIs c) {
            return c.test(state);
        }
        if (check instanceof LevelIn c) {
            return c.test(state);
        }
        if (check instanceof AllOf c) {
            return c.test(state);
        }
        if (check instanceof Not c) {
            return c.test(state);
        }
        if (check instanceof Constant c) {
            return c.test(state);
        }
        if (check instanceof AnyOf c) {
            return c.test(state);
        }
        return ((SlotVsSlot) check).test(state);
    }

    /** {@code number op constant}. */
    record NumberVsConstant(int slot, Operator operator, double value) implements Check {
        @Override
        public boolean test(double[] state) {
            return operator.test(state[slot], value);
        }
    }

    /** {@code number op number}, or the same between two categories with the same levels. */
    record SlotVsSlot(int left, Operator operator, int right) implements Check {
        @Override
        public boolean test(double[] state) {
            return operator.test(state[left], state[right]);
        }
    }

    /** A category is one of the marked levels (missing is never one of them). */
    record LevelIn(int slot, boolean[] levels) implements Check {
        public LevelIn {
            levels = levels.clone();
        }

        @Override
        public boolean test(double[] state) {
            double v = state[slot];
            return v == v && levels[(int) v];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LevelIn other && other.slot == slot && java.util.Arrays.equals(other.levels, levels);
        }

        @Override
        public int hashCode() {
            return 31 * slot + java.util.Arrays.hashCode(levels);
        }

        @Override
        public String toString() {
            return "LevelIn[slot=" + slot + ", levels=" + java.util.Arrays.toString(levels) + "]";
        }
    }

    /** A flag has the given value (missing has neither). */
    record FlagIs(int slot, boolean value) implements Check {
        @Override
        public boolean test(double[] state) {
            double v = state[slot];
            return value ? v == 1.0 : v == 0.0;
        }
    }

    /** Every part holds. */
    record AllOf(List<Check> parts, Check[] array) implements Check {
        public AllOf(List<Check> parts) {
            this(List.copyOf(parts), parts.toArray(Check[]::new));
        }

        @Override
        public boolean test(double[] state) {
            for (Check part : array) {
                if (!holds(part, state)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AllOf other && other.parts.equals(parts);
        }

        @Override
        public int hashCode() {
            return parts.hashCode();
        }

        @Override
        public String toString() {
            return "AllOf" + parts;
        }
    }

    /** At least one part holds. */
    record AnyOf(List<Check> parts, Check[] array) implements Check {
        public AnyOf(List<Check> parts) {
            this(List.copyOf(parts), parts.toArray(Check[]::new));
        }

        @Override
        public boolean test(double[] state) {
            for (Check part : array) {
                if (holds(part, state)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AnyOf other && other.parts.equals(parts);
        }

        @Override
        public int hashCode() {
            return parts.hashCode();
        }

        @Override
        public String toString() {
            return "AnyOf" + parts;
        }
    }

    /** The part does not hold. */
    record Not(Check part) implements Check {
        @Override
        public boolean test(double[] state) {
            return !holds(part, state);
        }
    }

    /** Always true or always false. */
    record Constant(boolean value) implements Check {
        @Override
        public boolean test(double[] state) {
            return value;
        }

        // Written out, as validation compares rules with ALWAYS in every run: a record's own equals is made
        // through invokedynamic, whose first use in a JVM spun a dozen method-handle classes that no start-up
        // archive holds (tens of milliseconds of `validate`).
        @Override
        public boolean equals(Object o) {
            return o instanceof Constant other && other.value == value;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(value);
        }
    }

    /** The condition that always holds. */
    Check ALWAYS = new Constant(true);
}
