package org.trialsim.protocol.validation;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialsim.protocol.Condition;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.condition.Check;
import org.trialsim.protocol.condition.ConditionCompiler;
import org.trialsim.protocol.condition.ConditionSyntaxException;
import org.trialsim.protocol.condition.ProtocolVariables;
import org.trialsim.protocol.condition.Spelling;
import org.trialsim.protocol.condition.Symbols;

/**
 * What the checks of one protocol share: the protocol, where problems go, its variables and the
 * condition compiler over them, the one budget for checking that rules cover every patient, and the
 * helpers that report a condition that does not compile, a reference that names nothing and an id
 * that is not a name. One per validation; not thread-safe.
 */
final class Context {
    static final String NAME = "[A-Za-z][A-Za-z0-9_-]*";

    final Protocol protocol;
    final ProblemSink sink;
    final Values values;
    final Symbols symbols;
    private final ConditionCompiler compiler;
    private final Set<String> mrdSlots = new HashSet<>();
    private final Coverage.Budget coverageBudget = new Coverage.Budget(Coverage.BUDGET);
    /** The rule lists whose coverage was not checked because the budget ran out, in the order met. */
    private final List<JsonPointer> uncovered = new ArrayList<>();
    private boolean uncoveredIsError;
    /**
     * "Did you mean" suggestions left for references that name nothing. Each compares the name with every
     * id of its kind (up to 1,000 nodes), and a file can hold 100,000 such references; only the first 100
     * problems are shown anyway.
     */
    private int suggestionsLeft = 1_000;

    Context(Protocol protocol, ProblemSink sink) {
        this.protocol = protocol;
        this.sink = sink;
        this.values = new Values(sink);
        this.symbols = ProtocolVariables.of(protocol);
        this.compiler = new ConditionCompiler(symbols);
        mrdSlots.add(ProtocolVariables.MRD);
        protocol.assessments().keySet().forEach(a -> mrdSlots.add(ProtocolVariables.MRD_AT + a));
    }

    /** Compiles a condition, reporting its problems; null if it does not compile or is absent. */
    Check compile(Condition condition, JsonPointer at) {
        if (condition == null || condition.text() == null) {
            return null;
        }
        try {
            Check check = compiler.compile(condition.text());
            checkMrdLevels(check, at);
            return check;
        } catch (ConditionSyntaxException e) {
            sink.error(at, "in the condition \"" + e.text() + "\", at character " + e.column() + ": " + e.getMessage());
            return null;
        }
    }

    private void checkMrdLevels(Check check, JsonPointer at) {
        if (check instanceof Check.NumberVsConstant c) {
            String name = symbols.variables().get(c.slot()).name();
            if (mrdSlots.contains(name) && !(c.value() >= 0 && c.value() <= 1)) {
                sink.error(at, "'" + name + "' is compared with " + Values.fmt(c.value()) + ", but MRD is a fraction from 0 to 1"
                        + " (0.01% is 1e-4; a percent sign may be written, as in 0.01%)");
            }
        } else if (check instanceof Check.AllOf c) {
            c.parts().forEach(p -> checkMrdLevels(p, at));
        } else if (check instanceof Check.AnyOf c) {
            c.parts().forEach(p -> checkMrdLevels(p, at));
        } else if (check instanceof Check.Not c) {
            checkMrdLevels(c.part(), at);
        }
    }

    void coverage(List<Coverage.Rule> rules, Set<Integer> missing, JsonPointer at, String prefix, String suffix,
                          boolean isError) {
        Coverage.Result result = Coverage.check(rules, symbols, missing, coverageBudget);
        Problem.Severity severity = isError ? Problem.Severity.ERROR : Problem.Severity.WARNING;
        if (result instanceof Coverage.Result.Gap gap) {
            sink.report(severity, at, prefix + gap.example() + suffix);
        } else if (result instanceof Coverage.Result.TooMany tooMany) {
            // not knowing is reported as a gap would be: a patient without a rule would stop a run
            sink.report(severity, at, String.format(Locale.ROOT, "coverage could not be checked: the conditions combine too many"
                    + " values (%,d combinations) to check that every patient is covered; end with a rule without 'when',"
                    + " which covers every patient left", tooMany.combinations()));
        } else if (result instanceof Coverage.Result.OutOfBudget) {
            uncovered.add(at);
            uncoveredIsError |= isError;
        }
    }

    /** One problem for every rule list left unchecked when the coverage budget ran out, at the first of them. */
    void reportUncovered() {
        if (uncovered.isEmpty()) {
            return;
        }
        List<String> later = uncovered.subList(1, uncovered.size()).stream().map(Context::shown).toList();
        String others = later.isEmpty() ? ""
                : String.format(Locale.ROOT, "; %,d later rule lists were not checked either (%s%s)", later.size(),
                String.join(", ", later.subList(0, Math.min(5, later.size()))), later.size() > 5 ? ", ..." : "");
        sink.report(uncoveredIsError ? Problem.Severity.ERROR : Problem.Severity.WARNING, uncovered.get(0), String.format(Locale.ROOT,
                "coverage could not be fully checked: the %,d rule tests that one validation may spend checking that every"
                        + " patient has a rule ran out here%s. End such lists with a rule without 'when', which covers every"
                        + " patient left and needs no checking", Coverage.BUDGET, others));
    }

    /** A pointer as a dotted path, for naming places in a message. */
    private static String shown(JsonPointer at) {
        return at.toString().substring(1).replace('/', '.');
    }

    /** Reports a reference to something that does not exist; true if it exists. */
    boolean reference(String id, Set<String> known, JsonPointer at, String what) {
        if (id == null) {
            return false;
        }
        if (known.contains(id)) {
            return true;
        }
        // a suggestion compares the id with every known one: after the first many, not worth the time
        String hint = suggestionsLeft-- > 0 ? Spelling.hint(id, known) : "";
        sink.error(at, "there is no " + what + " '" + id + "'" + hint
                + (known.isEmpty() ? "" : known.size() <= 12 ? "; the " + what + "s are " + String.join(", ", known) : ""));
        return false;
    }

    void names(Set<String> ids, JsonPointer base, String what) {
        for (String id : ids) {
            if (!id.matches(NAME)) {
                sink.error(at(base, id), "the " + what + " id '" + id + "' must be letters, digits, '-' or '_', starting with a letter");
            }
        }
    }

    static JsonPointer at(JsonPointer base, String... properties) {
        JsonPointer p = base;
        for (String property : properties) {
            p = p.appendProperty(property);
        }
        return p;
    }
}
