package org.trialsim.protocol.validation;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialsim.protocol.Covariate;
import org.trialsim.protocol.Distribution;
import org.trialsim.protocol.condition.ProtocolVariables;
import org.trialsim.protocol.condition.Spelling;
import org.trialsim.protocol.condition.VariableType;

/** Checks a covariate distribution (or the distribution of MRD at enrolment, which must lie in [0, 1]). */
final class DistributionCheck {
    private final ProblemSink sink;
    private final Values values;
    private final Map<String, Covariate> covariates;
    private final List<String> earlier;

    DistributionCheck(ProblemSink sink, Values values, Map<String, Covariate> covariates, List<String> earlier) {
        this.sink = sink;
        this.values = values;
        this.covariates = covariates;
        this.earlier = List.copyOf(earlier);
    }

    void check(Distribution d, JsonPointer at, boolean mrd) {
        if (d instanceof Distribution.Categorical c) {
            if (mrd) {
                notNumeric(at);
            }
            if (c.probabilities().isEmpty()) {
                sink.error(at, "a categorical distribution needs at least one level with its probability");
            }
            values.sumsToOne(new ArrayList<>(c.probabilities().values()), at.appendProperty("probabilities"), "the probabilities");
        } else if (d instanceof Distribution.Bernoulli b) {
            if (mrd) {
                notNumeric(at);
            }
        } else if (d instanceof Distribution.Constant c) {
            if (mrd) {
                mrdRange(c.value(), c.value(), at);
            }
        } else if (d instanceof Distribution.Uniform u) {
            if (finite(u.min()) && finite(u.max()) && !(u.min() <= u.max())) {
                sink.error(at, "min (" + Values.fmt(u.min()) + ") is above max (" + Values.fmt(u.max()) + ")");
            }
            if (mrd) {
                mrdRange(u.min(), u.max(), at);
            }
        } else if (d instanceof Distribution.Normal n) {
            bounds(n.min(), n.max(), at, mrd);
        } else if (d instanceof Distribution.LogNormal n) {
            bounds(n.min(), n.max(), at, mrd);
        } else if (d instanceof Distribution.Histogram h) {
            if (h.breaks().size() != h.probabilities().size() + 1) {
                sink.error(at, "a histogram has one more break than probabilities (the edges of the bins), but it has "
                        + h.breaks().size() + " breaks and " + h.probabilities().size() + " probabilities");
            }
            values.increasing(h.breaks(), at.appendProperty("breaks"), "the breaks");
            values.sumsToOne(h.probabilities(), at.appendProperty("probabilities"), "the probabilities");
            if (mrd && !h.breaks().isEmpty()) {
                mrdRange(h.breaks().get(0), h.breaks().get(h.breaks().size() - 1), at);
            }
        } else if (d instanceof Distribution.Conditional c) {
            conditional(c, at, mrd);
        }
    }

    private void conditional(Distribution.Conditional c, JsonPointer at, boolean mrd) {
        if (c.on() == null) {
            return;
        }
        JsonPointer onAt = at.appendProperty("on");
        if (!earlier.contains(c.on())) {
            sink.error(onAt, covariates.containsKey(c.on())
                    ? "'" + c.on() + "' is defined after this covariate; a distribution can depend only on covariates defined before it"
                    : "there is no covariate '" + c.on() + "'" + Spelling.hint(c.on(), earlier));
            return;
        }
        Covariate on = covariates.get(c.on());
        VariableType type = on == null ? null : ProtocolVariables.typeOf(on.distribution(), covariates);
        List<String> levels;
        if (type instanceof VariableType.Category category) {
            levels = category.levels();
        } else if (type instanceof VariableType.Flag) {
            levels = List.of("true", "false");
        } else {
            if (type != null) {
                sink.error(onAt, "'" + c.on() + "' is a number; a distribution can depend only on a category or a yes/no covariate");
            }
            return;
        }
        for (String level : levels) {
            if (!c.cases().containsKey(level)) {
                sink.error(at.appendProperty("cases"), "no case for " + c.on() + " = " + level + "; give a distribution for every level");
            }
        }
        c.cases().forEach((level, d) -> {
            JsonPointer caseAt = at.appendProperty("cases").appendProperty(level);
            if (!levels.contains(level)) {
                sink.error(caseAt, "'" + level + "' is not a level of " + c.on() + " (" + String.join(", ", levels) + ")"
                        + Spelling.hint(level, levels));
            }
            if (d != null) {
                check(d, caseAt, mrd);
            }
        });
        if (!c.cases().isEmpty() && !c.cases().containsValue(null) && ProtocolVariables.typeOf(c, covariates) == null) {
            sink.error(at.appendProperty("cases"), "the cases give different kinds of values (numbers, categories with other levels,"
                    + " yes/no); every case must give the same kind");
        }
    }

    private void bounds(Double min, Double max, JsonPointer at, boolean mrd) {
        if (finite(min) && finite(max) && !(min < max)) {
            sink.error(at, "min (" + Values.fmt(min) + ") must be below max (" + Values.fmt(max) + ")");
        }
        if (mrd) {
            if (max == null || min == null) {
                sink.error(at, "MRD is a fraction from 0 to 1, so this distribution needs 'min' and 'max' within that range");
            } else {
                mrdRange(min, max, at);
            }
        }
    }

    private static boolean finite(Double x) {
        return x != null && Double.isFinite(x);
    }

    private void mrdRange(Double min, Double max, JsonPointer at) {
        if (finite(min) && finite(max) && !(min >= 0 && max <= 1)) {
            sink.error(at, "MRD at enrolment is a fraction from 0 to 1, but this distribution ranges from "
                    + Values.fmt(min) + " to " + Values.fmt(max));
        }
    }

    private void notNumeric(JsonPointer at) {
        sink.error(at, "MRD at enrolment is a number from 0 to 1; it cannot have a categorical or yes/no distribution");
    }
}
