package org.trialsim.protocol.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trialsim.protocol.condition.Check;
import org.trialsim.protocol.condition.Symbols;
import org.trialsim.protocol.condition.VariableType;

/**
 * Decides whether ordered rules (routes, risk rules, strata) leave some patient without a rule, by
 * trying every combination of the values that can make a difference: each level of a category, yes
 * and no, and for a number a value below, at and between each threshold the rules compare it with
 * (plus "missing" where the variable may be missing). The conditions are finite combinations of such
 * comparisons, so the answer is exact, and a gap comes with a concrete patient state as an example.
 *
 * <p>The work is the number of combinations times the rules tried on each, which a hostile file can
 * make enormous (100 decisions of 221 routes on two covariates took 26.7 s), so every check of one
 * validation draws on one {@link Budget}; when it is spent the remaining checks are not made and
 * validation says so. A last rule without a condition covers every patient without any work.
 */
final class Coverage {
    /** Beyond this many combinations a single check gives up and says so. */
    static final int MAX_COMBINATIONS = 200_000;

    /** Rule tests one validation may spend on coverage: well under a second, and hundreds of times what the built-ins need. */
    static final long BUDGET = 20_000_000;

    /** The rule tests left for the coverage checks of one validation. */
    static final class Budget {
        private long left;

        Budget(long tests) {
            this.left = tests;
        }

        boolean spent() {
            return left <= 0;
        }
    }

    /** A rule to test; an uncertain rule (taken with probability below 1) never covers a patient for sure. */
    record Rule(Check check, boolean certain) {
    }

    /** The outcome: covered, a gap with an example, or too many combinations to tell. */
    sealed interface Result {
        record Covered() implements Result {
        }

        record Gap(String example) implements Result {
        }

        record TooMany(long combinations) implements Result {
        }

        /** The budget ran out during this check, or before it. */
        record OutOfBudget() implements Result {
        }
    }

    private Coverage() {
    }

    /**
     * Checks the rules.
     *
     * @param rules      the rules in order
     * @param symbols    the variables
     * @param mayBeMissing slots that may hold a missing value where the rules are applied
     */
    static Result check(List<Rule> rules, Symbols symbols, Set<Integer> mayBeMissing, Budget budget) {
        if (rules.stream().anyMatch(r -> r.certain() && Check.ALWAYS.equals(r.check()))) {
            return new Result.Covered();
        }
        if (budget.spent()) {
            return new Result.OutOfBudget();
        }
        Map<Integer, TreeSet<Double>> thresholds = new TreeMap<>();
        for (Rule rule : rules) {
            collect(rule.check(), thresholds);
        }
        List<Integer> slots = new ArrayList<>(thresholds.keySet());
        List<double[]> probes = new ArrayList<>();
        long combinations = 1;
        for (int slot : slots) {
            double[] values = probeValues(symbols.variables().get(slot).type(), thresholds.get(slot), mayBeMissing.contains(slot));
            probes.add(values);
            combinations *= values.length;
            if (combinations > MAX_COMBINATIONS) {
                return new Result.TooMany(combinations);
            }
        }
        double[] state = new double[symbols.slotCount()];
        Arrays.fill(state, Double.NaN);
        int[] index = new int[slots.size()];
        for (long n = 0; n < combinations; n++) {
            for (int i = 0; i < slots.size(); i++) {
                state[slots.get(i)] = probes.get(i)[index[i]];
            }
            int tried = covered(rules, state);
            if (tried < 0) {
                return new Result.Gap(describe(slots, state, symbols));
            }
            budget.left -= tried;
            if (budget.spent() && n + 1 < combinations) {
                return new Result.OutOfBudget();
            }
            for (int i = 0; i < index.length; i++) {
                if (++index[i] < probes.get(i).length) {
                    break;
                }
                index[i] = 0;
            }
        }
        return new Result.Covered();
    }

    /** How many rules were tried before one certainly covered the state, or -1 if none did. */
    private static int covered(List<Rule> rules, double[] state) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.certain() && rule.check().test(state)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Records, per slot, the constants it is compared with (categories and flags just need the slot). */
    private static void collect(Check check, Map<Integer, TreeSet<Double>> thresholds) {
        if (check instanceof Check.NumberVsConstant c) {
            if (!Double.isNaN(c.value()) && !Double.isInfinite(c.value())) {
                thresholds.computeIfAbsent(c.slot(), k -> new TreeSet<>()).add(c.value());
            } else {
                thresholds.computeIfAbsent(c.slot(), k -> new TreeSet<>());
            }
        } else if (check instanceof Check.SlotVsSlot c) {
            thresholds.computeIfAbsent(c.left(), k -> new TreeSet<>());
            thresholds.computeIfAbsent(c.right(), k -> new TreeSet<>());
        } else if (check instanceof Check.LevelIn c) {
            thresholds.computeIfAbsent(c.slot(), k -> new TreeSet<>());
        } else if (check instanceof Check.FlagIs c) {
            thresholds.computeIfAbsent(c.slot(), k -> new TreeSet<>());
        } else if (check instanceof Check.AllOf c) {
            c.parts().forEach(p -> collect(p, thresholds));
        } else if (check instanceof Check.AnyOf c) {
            c.parts().forEach(p -> collect(p, thresholds));
        } else if (check instanceof Check.Not c) {
            collect(c.part(), thresholds);
        }
    }

    private static double[] probeValues(VariableType type, TreeSet<Double> thresholds, boolean missing) {
        List<Double> values = new ArrayList<>();
        if (type instanceof VariableType.Category category) {
            for (int i = 0; i < category.levels().size(); i++) {
                values.add((double) i);
            }
        } else if (type instanceof VariableType.Flag) {
            values.add(0.0);
            values.add(1.0);
        } else if (thresholds.isEmpty()) {
            values.add(0.0);
        } else {
            Double previous = null;
            for (double t : thresholds) {
                values.add(previous == null ? below(t) : between(previous, t));
                values.add(t);
                previous = t;
            }
            values.add(above(previous));
        }
        if (missing) {
            values.add(Double.NaN);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // probes stay on the same side of zero as the thresholds, so MRD examples stay between 0 and 1
    private static double below(double t) {
        return t > 0 ? t / 10 : t - 1;
    }

    private static double above(double t) {
        return t > 0 && t < 1 ? Math.min(t * 10, (t + 1) / 2) : t + 1;
    }

    private static double between(double a, double b) {
        return a > 0 ? Math.sqrt(a * b) : (a + b) / 2;
    }

    private static String describe(List<Integer> slots, double[] state, Symbols symbols) {
        List<String> parts = new ArrayList<>();
        for (int slot : slots) {
            Symbols.Variable v = symbols.variables().get(slot);
            double value = state[slot];
            String shown;
            if (Double.isNaN(value)) {
                shown = "missing";
            } else if (v.type() instanceof VariableType.Category c) {
                shown = "\"" + c.levels().get((int) value) + "\"";
            } else if (v.type() instanceof VariableType.Flag) {
                shown = value == 1.0 ? "true" : "false";
            } else {
                shown = Values.fmt(value);
            }
            parts.add(v.name() + " = " + shown);
        }
        return parts.isEmpty() ? "every patient" : String.join(", ", parts);
    }
}
