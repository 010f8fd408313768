package org.trialsim.protocol.condition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses, type-checks and compiles conditions against a protocol's {@link Symbols}.
 *
 * <p>Type rules: numbers are compared with numbers by any of {@code < <= > >= == !=}; a category is
 * compared with one of its levels (a quoted text) by {@code ==}, {@code !=} or {@code in [...]}; a
 * yes/no value stands alone ({@code cr}, {@code not cr}) or is compared with {@code true}/{@code false}.
 * Anything else is an error that names the operand and its type.
 */
public final class ConditionCompiler {
    private final Symbols symbols;
    private final Map<String, Check> derivedChecks = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();

    /** A compiler for conditions over the given variables. */
    public ConditionCompiler(Symbols symbols) {
        this.symbols = symbols;
    }

    /** The symbol table this compiler checks names against. */
    public Symbols symbols() {
        return symbols;
    }

    /**
     * Compiles a condition.
     *
     * @throws ConditionSyntaxException if it does not parse or does not type-check
     */
    public Check compile(String text) throws ConditionSyntaxException {
        return compile(Parser.parse(text), text);
    }

    private Check compile(Expr expr, String text) throws ConditionSyntaxException {
        if (expr instanceof Expr.Or or) {
            return new Check.AnyOf(compileAll(or.terms(), text));
        }
        if (expr instanceof Expr.And and) {
            return new Check.AllOf(compileAll(and.terms(), text));
        }
        if (expr instanceof Expr.Not not) {
            return new Check.Not(compile(not.operand(), text));
        }
        if (expr instanceof Expr.Truth truth) {
            return truth(truth.operand(), text);
        }
        if (expr instanceof Expr.In in) {
            return in(in, text);
        }
        return compare((Expr.Compare) expr, text);
    }

    private List<Check> compileAll(List<Expr> exprs, String text) throws ConditionSyntaxException {
        List<Check> checks = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            checks.add(compile(e, text));
        }
        return checks;
    }

    private Check truth(Expr.Operand operand, String text) throws ConditionSyntaxException {
        if (operand instanceof Expr.Operand.Literal literal) {
            if (literal.value() instanceof Boolean b) {
                return new Check.Constant(b);
            }
            throw new ConditionSyntaxException(text, literal.column(),
                    literal.describe() + " is not a condition; compare something with it, e.g. mrd < 1e-4");
        }
        Expr.Operand.Name name = (Expr.Operand.Name) operand;
        Check derived = derived(name, text);
        if (derived != null) {
            return derived;
        }
        Symbols.Variable v = resolve(name, text);
        if (v.type() instanceof VariableType.Flag) {
            return new Check.FlagIs(v.slot(), true);
        }
        String example = v.type() instanceof VariableType.Number
                ? name.name() + " < 1e-4"
                : name.name() + " == \"" + ((VariableType.Category) v.type()).levels().get(0) + "\"";
        throw new ConditionSyntaxException(text, name.column(),
                "'" + name.name() + "' is " + v.type().describe() + ", not a yes/no value; compare it, e.g. " + example);
    }

    private Check compare(Expr.Compare cmp, String text) throws ConditionSyntaxException {
        Expr.Operand left = cmp.left();
        Expr.Operand right = cmp.right();
        Operator op = cmp.operator();
        if (left instanceof Expr.Operand.Literal && right instanceof Expr.Operand.Literal) {
            throw new ConditionSyntaxException(text, cmp.column(), "both sides of '" + op.symbol() + "' are constants");
        }
        if (left instanceof Expr.Operand.Literal) {
            Expr.Operand swap = left;
            left = right;
            right = swap;
            op = op.mirrored();
        }
        Expr.Operand.Name name = (Expr.Operand.Name) left;
        Check derived = derived(name, text);
        if (derived != null) {
            return flagComparison(name, derived, op, right, cmp.column(), text);
        }
        Symbols.Variable v = resolve(name, text);
        if (right instanceof Expr.Operand.Name otherName) {
            return slotVsSlot(name, v, op, otherName, cmp.column(), text);
        }
        Expr.Operand.Literal literal = (Expr.Operand.Literal) right;
        VariableType type = v.type();
        if (type instanceof VariableType.Number) {
            if (!(literal.value() instanceof Double d)) {
                throw mismatch(name, v, literal, text);
            }
            return new Check.NumberVsConstant(v.slot(), op, d);
        }
        if (type instanceof VariableType.Flag) {
            return flagComparison(name, new Check.FlagIs(v.slot(), true), op, right, cmp.column(), text);
        }
        VariableType.Category category = (VariableType.Category) type;
        if (op.isOrdering()) {
            throw new ConditionSyntaxException(text, cmp.column(), "'" + name.name() + "' is " + type.describe()
                    + "; it has no order, so only ==, != and 'in' apply");
        }
        boolean[] mask = new boolean[category.levels().size()];
        mask[levelIndex(name, category, literal, text)] = true;
        return new Check.LevelIn(v.slot(), op == Operator.EQ ? mask : complement(mask));
    }

    private Check flagComparison(Expr.Operand.Name name, Check flag, Operator op, Expr.Operand right, int column, String text)
            throws ConditionSyntaxException {
        if (!(right instanceof Expr.Operand.Literal literal) || !(literal.value() instanceof Boolean b)) {
            throw new ConditionSyntaxException(text, right.column(), "'" + name.name()
                    + "' is a yes/no value; compare it only with true or false, or use it alone");
        }
        if (op.isOrdering()) {
            throw new ConditionSyntaxException(text, column, "'" + name.name() + "' is a yes/no value; only == and != apply");
        }
        boolean wanted = (op == Operator.EQ) == b;
        return wanted ? flag : new Check.Not(flag);
    }

    private Check slotVsSlot(Expr.Operand.Name leftName, Symbols.Variable left, Operator op, Expr.Operand.Name rightName,
                             int column, String text) throws ConditionSyntaxException {
        if (derived(rightName, text) != null) {
            throw new ConditionSyntaxException(text, rightName.column(), "'" + rightName.name()
                    + "' is a yes/no value and cannot be compared with '" + leftName.name() + "'");
        }
        Symbols.Variable right = resolve(rightName, text);
        if (!left.type().equals(right.type())) {
            throw new ConditionSyntaxException(text, column, "'" + leftName.name() + "' is " + left.type().describe()
                    + " but '" + rightName.name() + "' is " + right.type().describe() + "; they cannot be compared");
        }
        if (!(left.type() instanceof VariableType.Number) && op.isOrdering()) {
            throw new ConditionSyntaxException(text, column, "'" + leftName.name() + "' is " + left.type().describe()
                    + "; only == and != apply");
        }
        return new Check.SlotVsSlot(left.slot(), op, right.slot());
    }

    private Check in(Expr.In in, String text) throws ConditionSyntaxException {
        Expr.Operand.Name name = in.name();
        if (derived(name, text) != null) {
            throw new ConditionSyntaxException(text, in.column(), "'" + name.name() + "' is a yes/no value; 'in' applies to categories and numbers");
        }
        Symbols.Variable v = resolve(name, text);
        Check check;
        if (v.type() instanceof VariableType.Category category) {
            boolean[] mask = new boolean[category.levels().size()];
            for (Expr.Operand.Literal literal : in.values()) {
                mask[levelIndex(name, category, literal, text)] = true;
            }
            return new Check.LevelIn(v.slot(), in.negated() ? complement(mask) : mask);
        } else if (v.type() instanceof VariableType.Number) {
            List<Check> options = new ArrayList<>();
            for (Expr.Operand.Literal literal : in.values()) {
                if (!(literal.value() instanceof Double d)) {
                    throw mismatch(name, v, literal, text);
                }
                options.add(new Check.NumberVsConstant(v.slot(), Operator.EQ, d));
            }
            check = new Check.AnyOf(options);
        } else {
            throw new ConditionSyntaxException(text, in.column(), "'" + name.name() + "' is a yes/no value; 'in' applies to categories and numbers");
        }
        if (in.negated()) {
            // "not in" is false for a missing value, like every other comparison
            return new Check.AllOf(List.of(present(v.slot()), new Check.Not(check)));
        }
        return check;
    }

    /** Holds when a numeric slot has a value (is not NaN). */
    private static Check present(int slot) {
        return new Check.NumberVsConstant(slot, Operator.GT, Double.NEGATIVE_INFINITY);
    }

    private int levelIndex(Expr.Operand.Name name, VariableType.Category category, Expr.Operand.Literal literal, String text)
            throws ConditionSyntaxException {
        if (!(literal.value() instanceof String s)) {
            throw new ConditionSyntaxException(text, literal.column(), "'" + name.name() + "' is " + category.describe()
                    + "; compare it with a quoted level, not " + literal.describe());
        }
        int index = category.levels().indexOf(s);
        if (index < 0) {
            throw new ConditionSyntaxException(text, literal.column(), "'" + s + "' is not a level of '" + name.name()
                    + "', which is one of " + String.join(", ", category.levels()) + Spelling.hint(s, category.levels()));
        }
        return index;
    }

    private ConditionSyntaxException mismatch(Expr.Operand.Name name, Symbols.Variable v, Expr.Operand.Literal literal, String text) {
        return new ConditionSyntaxException(text, literal.column(), "'" + name.name() + "' is " + v.type().describe()
                + " and cannot be compared with " + literal.describe());
    }

    private Check derived(Expr.Operand.Name name, String text) throws ConditionSyntaxException {
        String definition = symbols.derivedDefinition(name.name());
        if (definition == null) {
            return null;
        }
        Check cached = derivedChecks.get(name.name());
        if (cached != null) {
            return cached;
        }
        if (!expanding.add(name.name())) {
            throw new ConditionSyntaxException(text, name.column(), "'" + name.name() + "' is defined in terms of itself");
        }
        try {
            Check check = compile(definition);
            derivedChecks.put(name.name(), check);
            return check;
        } catch (ConditionSyntaxException e) {
            throw new ConditionSyntaxException(text, name.column(), "'" + name.name() + "' is defined as \"" + definition
                    + "\", which is invalid: " + e.getMessage());
        } finally {
            expanding.remove(name.name());
        }
    }

    private Symbols.Variable resolve(Expr.Operand.Name name, String text) throws ConditionSyntaxException {
        Symbols.Variable v = symbols.variable(name.name());
        if (v == null) {
            throw new ConditionSyntaxException(text, name.column(), "unknown name '" + name.name() + "'"
                    + Spelling.hint(name.name(), symbols.names()));
        }
        return v;
    }

    private static boolean[] complement(boolean[] mask) {
        boolean[] c = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            c[i] = !mask[i];
        }
        return c;
    }
}
