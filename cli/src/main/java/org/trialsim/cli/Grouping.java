package org.trialsim.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialsim.protocol.Assessment;
import org.trialsim.protocol.Covariate;
import org.trialsim.protocol.Distribution;
import org.trialsim.protocol.Protocol;

/**
 * What {@code simulate --by} groups the enrolled patients by, as the subgroup conditions that run it
 * (in the language of a target's {@code among}, docs/protocol-format.md#conditions):
 * <ul>
 *   <li>{@code risk}: each risk group at enrolment;</li>
 *   <li>a categorical or yes/no covariate: each level;</li>
 *   <li>{@code COVARIATE:C1,C2,…}: a numeric covariate cut at increasing points, {@code < C1},
 *       {@code >= C1 and < C2}, …, {@code >= Ck};</li>
 *   <li>{@code mrd:ASSESSMENT[:C1,C2,…]}: the MRD measured at an assessment cut at increasing levels in
 *       (0, 1] (without levels: the assessment's detection limit and reporting thresholds), and the
 *       patients not assessed.</li>
 * </ul>
 */
final class Grouping {
    /** The most cut points of one grouping: each group costs the accumulators of a whole cohort per arm. */
    static final int MAX_CUTS = 20;

    private Grouping() {
    }

    /**
     * The conditions of a --by text, in order.
     *
     * @throws UserException (usage) naming what is wrong: an unknown name or assessment, a numeric
     *     covariate without cut points, cut points that are not increasing numbers in range
     */
    static List<String> conditions(String by, Protocol protocol) {
        String[] parts = by.split(":", -1);
        String name = parts[0];
        if (name.equals("risk") && parts.length == 1) {
            return protocol.riskGroups().groups().keySet().stream().map(g -> "risk == \"" + g + "\"").toList();
        }
        if (name.equals("mrd")) {
            return mrd(by, parts, protocol);
        }
        Map<String, Covariate> covariates = protocol.population().covariates();
        Covariate covariate = covariates.get(name);
        if (covariate == null || parts.length > 2) {
            throw UserException.usage("--by takes 'risk', a covariate (" + String.join(", ", covariates.keySet()) + "), 'COVARIATE:CUT,CUT…'"
                    + " for a numeric one or 'mrd:ASSESSMENT[:LEVEL,LEVEL…]'; not '" + by + "'");
        }
        Distribution d = kind(covariate.distribution(), covariates);
        if (d instanceof Distribution.Categorical c) {
            noCuts(by, parts, "a category");
            return c.probabilities().keySet().stream().map(level -> name + " == \"" + level + "\"").toList();
        }
        if (d instanceof Distribution.Bernoulli) {
            noCuts(by, parts, "a yes/no value");
            return List.of(name + " == true", name + " == false");
        }
        if (parts.length < 2) {
            throw UserException.usage("--by " + by + ": the covariate is a number; give the points to cut it at, e.g. --by " + name
                    + ":6,12");
        }
        List<String> cuts = cuts(by, parts[1], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "");
        return bands(name, cuts);
    }

    /** The MRD at an assessment, cut at levels, and the patients not assessed. */
    private static List<String> mrd(String by, String[] parts, Protocol protocol) {
        if (parts.length < 2 || parts.length > 3 || parts[1].isBlank()) {
            throw UserException.usage("--by " + by + ": give the assessment, 'mrd:ASSESSMENT' or 'mrd:ASSESSMENT:LEVEL,LEVEL…'; the"
                    + " protocol's assessments are " + String.join(", ", protocol.assessments().keySet()));
        }
        String id = parts[1];
        Assessment a = protocol.assessments().get(id);
        if (a == null) {
            throw UserException.usage("--by " + by + ": the protocol " + protocol.id() + " has no assessment '" + id + "'; its assessments"
                    + " are " + String.join(", ", protocol.assessments().keySet()));
        }
        List<String> cuts;
        if (parts.length == 3) {
            cuts = cuts(by, parts[2], 0, 1, " (MRD is a fraction of cells in (0, 1]: 0.01% is 1e-4)");
        } else {
            List<Double> levels = new ArrayList<>();
            levels.add(a.detectionLimit());
            a.thresholds().stream().filter(t -> t > a.detectionLimit()).sorted().distinct().forEach(levels::add);
            cuts = levels.stream().map(v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()).toList();
        }
        String variable = "mrd." + id;
        List<String> groups = new ArrayList<>(bands(variable, cuts));
        // a comparison with a missing MRD is false, so the bands leave out those not assessed: their own group
        groups.add("not (" + variable + " >= 0)");
        return groups;
    }

    private static List<String> bands(String variable, List<String> cuts) {
        List<String> groups = new ArrayList<>();
        groups.add(variable + " < " + cuts.get(0));
        for (int i = 1; i < cuts.size(); i++) {
            groups.add(variable + " >= " + cuts.get(i - 1) + " and " + variable + " < " + cuts.get(i));
        }
        groups.add(variable + " >= " + cuts.get(cuts.size() - 1));
        return groups;
    }

    /** Increasing numbers within (lowest, highest] (infinite: no bound), as the condition will read them. */
    private static List<String> cuts(String by, String text, double lowest, double highest, String why) {
        String[] items = text.split(",", -1);
        if (items.length > MAX_CUTS) {
            throw UserException.usage("--by " + by + ": at most " + MAX_CUTS + " cut points (each group simulates a cohort's statistics"
                    + " again), not " + items.length);
        }
        List<String> cuts = new ArrayList<>();
        BigDecimal previous = null;
        for (String item : items) {
            BigDecimal v = NumberText.parse(item.strip());
            if (v == null) {
                throw UserException.usage("--by " + by + ": '" + item + "' is not a number; the cut points are numbers separated by commas");
            }
            double d = v.doubleValue();
            if (!(d > lowest && d <= highest) || Math.abs(d) > 1e15) {
                throw UserException.usage("--by " + by + ": the cut point " + item.strip() + " is out of range" + why);
            }
            if (previous != null && v.compareTo(previous) <= 0) {
                throw UserException.usage("--by " + by + ": the cut points must increase, and " + item.strip() + " does not follow "
                        + previous.toPlainString());
            }
            previous = v;
            cuts.add(v.stripTrailingZeros().toPlainString());
        }
        return cuts;
    }

    private static void noCuts(String by, String[] parts, String what) {
        if (parts.length > 1) {
            throw UserException.usage("--by " + by + ": the covariate is " + what + ", grouped by its levels; leave out the cut points");
        }
    }

    /** A covariate's kind of value: a conditional one's is that of its cases. */
    private static Distribution kind(Distribution d, Map<String, Covariate> covariates) {
        return d instanceof Distribution.Conditional c && !c.cases().isEmpty() ? kind(c.cases().values().iterator().next(), covariates) : d;
    }
}
