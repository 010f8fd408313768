package org.trialsim.protocol.condition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The variables a protocol's conditions may use, each with its type and its slot in the patient's
 * state vector, and derived variables defined by a condition over other variables (such as
 * {@code cr}, which is {@code mrd < 0.05}). Immutable; built with {@link #builder()}.
 */
public final class Symbols {
    /** A variable with its slot in the state vector. */
    public record Variable(String name, VariableType type, int slot) {
    }

    private final Map<String, Variable> variables;
    private final Map<String, String> derived;

    private Symbols(Map<String, Variable> variables, Map<String, String> derived) {
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.derived = Collections.unmodifiableMap(new LinkedHashMap<>(derived));
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The variable of that name, or null. */
    public Variable variable(String name) {
        return variables.get(name);
    }

    /** The slot of a variable, failing if it is not defined. */
    public int slot(String name) {
        Variable v = variables.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no variable named " + name);
        }
        return v.slot();
    }

    /** The defining condition of a derived variable, or null. */
    public String derivedDefinition(String name) {
        return derived.get(name);
    }

    /** The number of slots a state vector needs. */
    public int slotCount() {
        return variables.size();
    }

    /** All stored variables, in slot order. */
    public List<Variable> variables() {
        return List.copyOf(variables.values());
    }

    /** Every name that may be used in a condition: stored and derived. */
    public List<String> names() {
        List<String> names = new ArrayList<>(variables.keySet());
        names.addAll(derived.keySet());
        return names;
    }

    /** Builds a symbol table; slots are given in the order variables are added. */
    public static final class Builder {
        private final Map<String, Variable> variables = new LinkedHashMap<>();
        private final Map<String, String> derived = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a stored variable. Adding a name twice keeps the first definition (the validator reports
         * the clash; the symbol table stays usable for the remaining checks).
         */
        public Builder add(String name, VariableType type) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (!variables.containsKey(name) && !derived.containsKey(name)) {
                variables.put(name, new Variable(name, type, variables.size()));
            }
            return this;
        }

        /** Adds a yes/no variable defined by a condition over variables already added. */
        public Builder derive(String name, String condition) {
            if (!variables.containsKey(name) && !derived.containsKey(name)) {
                derived.put(name, condition);
            }
            return this;
        }

        /** Whether a name is already taken. */
        public boolean has(String name) {
            return variables.containsKey(name) || derived.containsKey(name);
        }

        /** The symbol table. */
        public Symbols build() {
            return new Symbols(variables, derived);
        }
    }
}
