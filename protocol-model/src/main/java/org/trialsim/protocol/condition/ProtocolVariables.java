package org.trialsim.protocol.condition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Covariate;
import org.trialsim.protocol.Criterion;
import org.trialsim.protocol.Distribution;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;

/**
 * The variables a protocol's conditions can use, and the one definition of their names:
 *
 * <ul>
 *   <li>each covariate, by its name (a number, a category or a yes/no value);</li>
 *   <li>{@code mrd}: the latest measured MRD (0 when undetectable), starting with MRD at enrolment;</li>
 *   <li>{@code mrd.<assessment>}: MRD measured at a named assessment; missing until it is made;</li>
 *   <li>{@code assessed.<assessment>}: whether that assessment has been made (so that a condition says so,
 *       rather than relying on a comparison with a missing MRD being false);</li>
 *   <li>{@code cr}: complete remission, i.e. {@code mrd} below the pathway's {@code remissionBelow};</li>
 *   <li>{@code risk}: the current risk group; {@code arm}: the arm (missing before allocation);</li>
 *   <li>{@code received.<block>}: whether the block was given (true from its start, so that the
 *       hazards during a transplant already follow the transplant rules); {@code transplanted}:
 *       whether any transplant block was;</li>
 *   <li>{@code eligible.<treatment>}: whether the patient meets the criteria of that treatment;</li>
 *   <li>{@code during.<block>}: whether the patient is in the block now, from its start to its end (an
 *       event during the block leaves it true, so the rules of death after the event can tell where it
 *       happened).</li>
 * </ul>
 */
public final class ProtocolVariables {
    /** The latest measured MRD. */
    public static final String MRD = "mrd";
    /** Prefix of MRD at a named assessment. */
    public static final String MRD_AT = "mrd.";
    /** Complete remission. */
    public static final String CR = "cr";
    /** The current risk group. */
    public static final String RISK = "risk";
    /** The allocated arm. */
    public static final String ARM = "arm";
    /** Prefix of "the block was given". */
    public static final String RECEIVED = "received.";
    /** Whether any transplant block was given. */
    public static final String TRANSPLANTED = "transplanted";
    /** Prefix of "eligible for the treatment". */
    public static final String ELIGIBLE = "eligible.";
    /** Prefix of "the assessment has been made". */
    public static final String ASSESSED = "assessed.";
    /** Prefix of "the patient is in the block now". */
    public static final String DURING = "during.";

    /** Names a covariate may not take, because the language or the engine uses them. */
    public static final Set<String> RESERVED = Set.of(MRD, CR, RISK, ARM, TRANSPLANTED, "and", "or", "not", "in", "true", "false");

    private ProtocolVariables() {
    }

    /**
     * The symbol table of a protocol. Tolerates a protocol with problems (nulls are skipped), so that
     * validation can go on checking conditions.
     */
    public static Symbols of(Protocol protocol) {
        Symbols.Builder b = Symbols.builder();
        Map<String, Covariate> covariates = protocol.population() == null ? Map.of() : protocol.population().covariates();
        covariates.forEach((name, covariate) -> {
            if (covariate != null && !RESERVED.contains(name)) {
                VariableType type = typeOf(covariate.distribution(), covariates);
                if (type != null) {
                    b.add(name, type);
                }
            }
        });
        b.add(MRD, VariableType.NUMBER);
        protocol.assessments().keySet().forEach(a -> b.add(MRD_AT + a, VariableType.NUMBER));
        if (protocol.riskGroups() != null) {
            b.add(RISK, VariableType.category(List.copyOf(protocol.riskGroups().groups().keySet())));
        }
        b.add(ARM, VariableType.category(List.copyOf(protocol.arms().keySet())));
        List<String> transplants = new ArrayList<>();
        if (protocol.pathway() != null) {
            protocol.pathway().nodes().forEach((id, node) -> {
                if (node instanceof Node.Block block) {
                    b.add(RECEIVED + id, VariableType.FLAG);
                    if (block.kind() == Node.BlockKind.TRANSPLANT) {
                        transplants.add(RECEIVED + id);
                    }
                }
            });
        }
        treatments(protocol).forEach(t -> b.add(ELIGIBLE + t, VariableType.FLAG));
        // added after the older variables, so that their slots stay where they were
        protocol.assessments().keySet().forEach(a -> b.add(ASSESSED + a, VariableType.FLAG));
        if (protocol.pathway() != null) {
            protocol.pathway().nodes().forEach((id, node) -> {
                if (node instanceof Node.Block) {
                    b.add(DURING + id, VariableType.FLAG);
                }
            });
        }
        double remissionBelow = protocol.pathway() == null ? 0.05 : protocol.pathway().remissionBelow();
        b.derive(CR, MRD + " < " + remissionBelow);
        b.derive(TRANSPLANTED, transplants.isEmpty() ? "false" : String.join(" or ", transplants));
        return b.build();
    }

    /** The treatments named by eligibility criteria, in order of first mention. */
    public static Set<String> treatments(Protocol protocol) {
        Set<String> treatments = new LinkedHashSet<>();
        for (Criterion c : protocol.eligibility().values()) {
            if (c != null && c.treatment() != null) {
                treatments.add(c.treatment());
            }
        }
        return treatments;
    }

    /**
     * The type a distribution gives its covariate: categorical makes a category, Bernoulli a yes/no
     * value, a conditional one the type of its cases; everything else a number. Null if it cannot be
     * told (the distribution is missing or inconsistent; validation reports why).
     */
    public static VariableType typeOf(Distribution distribution, Map<String, Covariate> covariates) {
        if (distribution == null) {
            return null;
        }
        if (distribution instanceof Distribution.Categorical c) {
            return VariableType.category(List.copyOf(c.probabilities().keySet()));
        }
        if (distribution instanceof Distribution.Bernoulli) {
            return VariableType.FLAG;
        }
        if (distribution instanceof Distribution.Conditional conditional) {
            VariableType type = null;
            for (Distribution d : conditional.cases().values()) {
                VariableType t = typeOf(d, covariates);
                if (t == null || type != null && !type.equals(t)) {
                    return null;
                }
                type = t;
            }
            return type;
        }
        return VariableType.NUMBER;
    }
}
