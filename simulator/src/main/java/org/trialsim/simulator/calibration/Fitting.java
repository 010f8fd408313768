package org.trialsim.simulator.calibration;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.Target;
import org.trialsim.protocol.io.Setting;
import org.trialsim.protocol.validation.NumericParameter;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.run.Progress;

/**
 * Fits parameters of a protocol to its targets: the values, within their bounds, whose simulated cohort
 * comes closest to the published figures (docs/fitting.md).
 *
 * <p>The distance is the sum over targets of ((simulated − published) / se)², with se the published
 * interval's half-width divided by 1.96 where one was published, and else the binomial standard error
 * of the published proportion at the target's n (the proportion kept at least 0.5/n from 0 and 1). A
 * hazard ratio is weighed on the log scale by its published interval (which validation requires). A
 * target that cannot be measured counts as a distance of 1 on its scale.
 *
 * <p>Every evaluation simulates the same virtual patients (the same seed: common random numbers), so the
 * distance is a deterministic function of the parameters, changing only where a patient's path changes;
 * the search ({@link NelderMead}, in the box the bounds make, scaled to [0, 1] in every parameter) needs
 * no derivatives.
 */
public final class Fitting {
    /** The initial simplex's edge, as a share of each parameter's bounds. */
    static final double STEP = 0.15;
    /** The search stops when every vertex lies within this share of the bounds of the best one. */
    static final double TOLERANCE = 1e-3;
    /** Significant digits of a fitted value: beyond them the Monte Carlo error of a cohort decides. */
    static final int DIGITS = 4;
    /**
     * The most cohorts one fit may simulate: at the default 20,000 patients per arm a cohort of a built-in
     * takes a few hundredths of a second of processor time, so 10,000 is several minutes; a search of a
     * few parameters narrows to its tolerance in tens to a few hundred (docs/limits.md).
     */
    public static final int MAX_EVALUATIONS = 10_000;
    /** The search's limit when none is given. */
    public static final int DEFAULT_EVALUATIONS = 200;
    private static final double Z = 1.96;

    private Fitting() {
    }

    /** Loads the protocol with changes ({@code path=value}) applied after any it was first loaded with. */
    @FunctionalInterface
    public interface Loader {
        /**
         * The protocol with these changes.
         *
         * @throws ProtocolException if the changed protocol is not valid
         */
        LoadedProtocol load(List<Setting> changes) throws ProtocolException;
    }

    /** A cohort simulated on every arm of the protocol with changes applied, always with the same seed. */
    @FunctionalInterface
    public interface Cohorts {
        /**
         * The cohort of the protocol with these changes ({@code path=value}).
         *
         * @throws ProtocolException if the changed protocol is not valid
         */
        CohortResult simulate(List<Setting> changes) throws ProtocolException;
    }

    /**
     * Fits the parameters.
     *
     * @param protocol       the protocol as given (its targets are matched)
     * @param parameters     the parameters, each with its value in the protocol and its bounds
     * @param maxEvaluations the most cohorts the search may simulate, at least one more than the parameters
     * @param cohorts        simulates a changed protocol on common random numbers
     * @param progress       told of each cohort simulated, of {@code maxEvaluations + 2} (the protocol as given
     *                       and with the rounded fitted values are simulated too)
     * @throws ProtocolException if the protocol as given cannot be simulated (it was validated, so only a
     *                           cohort that refuses it)
     */
    public static FitResult fit(Protocol protocol, List<FitParameter> parameters, int maxEvaluations, Cohorts cohorts, Progress progress)
            throws ProtocolException {
        if (protocol.targets().isEmpty()) {
            throw new IllegalArgumentException("the protocol " + protocol.id() + " has no targets to fit to");
        }
        if (parameters.isEmpty() || maxEvaluations < parameters.size() + 1) {
            throw new IllegalArgumentException("a fit needs a parameter and at least one evaluation more than it has parameters");
        }
        long total = maxEvaluations + 2L;
        CalibrationResult before = Calibration.of(protocol, cohorts.simulate(List.of()));
        progress.update(1, total);
        int[] infeasible = {0};
        double[] start = parameters.stream().mapToDouble(p -> p.unit(p.start())).toArray();
        NelderMead.Result found = NelderMead.minimize(unit -> {
            try {
                return distance(Calibration.of(protocol, cohorts.simulate(changes(parameters, values(parameters, unit)))));
            } catch (ProtocolException e) {
                infeasible[0]++;
                return Double.POSITIVE_INFINITY;
            }
        }, start, STEP, TOLERANCE, maxEvaluations, used -> progress.update(1L + used, total));
        double[] best = values(parameters, found.point());
        double[] rounded = new double[best.length];
        for (int i = 0; i < best.length; i++) {
            FitParameter p = parameters.get(i);
            rounded[i] = Math.min(p.upper(), Math.max(p.lower(), new BigDecimal(best[i]).round(new MathContext(DIGITS)).doubleValue()));
        }
        CalibrationResult after;
        try {
            after = Calibration.of(protocol, cohorts.simulate(changes(parameters, rounded)));
        } catch (ProtocolException e) {
            // rounding broke a rule that ties fields together: keep every digit
            rounded = best;
            after = Calibration.of(protocol, cohorts.simulate(changes(parameters, rounded)));
        }
        progress.update(total, total);
        List<FitParameter> fitted = new ArrayList<>();
        for (int i = 0; i < rounded.length; i++) {
            fitted.add(parameters.get(i).withFitted(rounded[i]));
        }
        return new FitResult(fitted, before, after, distance(before), distance(after), found.evaluations(), maxEvaluations,
                found.converged(), infeasible[0]);
    }

    /**
     * The changes that give the protocol its fitted values, each part that holds one saying so: every
     * parameter's {@code path=value}, and for each part that cites them (a block, a curve, ...) its
     * {@code assumption} with a sentence added that names the fitted values, what they were, the targets
     * they were fitted to and the cohorts that measured them.
     *
     * @param result the fit
     * @param cited  each parameter's place in the protocol, in the order of the fit's parameters
     */
    public static List<Setting> protocolChanges(FitResult result, List<NumericParameter> cited) {
        List<Setting> changes = new ArrayList<>();
        Map<String, List<Integer>> byPart = new LinkedHashMap<>();
        for (int i = 0; i < cited.size(); i++) {
            changes.add(new Setting(result.parameters().get(i).path(), number(result.parameters().get(i).fitted())));
            byPart.computeIfAbsent(cited.get(i).citedPath(), k -> new ArrayList<>()).add(i);
        }
        String targets = String.join("; ", result.after().targets().stream().map(t -> t.target().label()).toList());
        var provenance = result.after().provenance();
        byPart.forEach((part, indices) -> {
            List<String> values = new ArrayList<>();
            for (int i : indices) {
                FitParameter p = result.parameters().get(i);
                values.add(p.path().substring(part.length() + 1) + " " + number(p.fitted()) + " (was " + number(p.start()) + ")");
            }
            String before = cited.get(indices.get(0)).assumption();
            String note = String.format(Locale.ROOT, "Fitted by trialsim calibrate --fit (%,d virtual patients per arm, seed %d): %s;"
                    + " to the targets: %s.", provenance.patients(), provenance.seed(), String.join(", ", values), targets);
            changes.add(new Setting(part + ".assumption", quoted(before == null || before.isBlank() ? note : before.strip() + " " + note)));
        });
        return changes;
    }

    /** A text as a double-quoted YAML scalar, which a --set value may be. */
    private static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** The weighted distance of a calibration from its targets (see the class comment). */
    public static double distance(CalibrationResult result) {
        double sum = 0;
        for (TargetResult r : result.targets()) {
            double d = r.simulated() == null ? 1 : scale(r.target(), r.simulated()) - scale(r.target(), r.target().value());
            double z = d / standardError(r.target());
            sum += z * z;
        }
        return sum;
    }

    /** A target's value on the scale it is weighed on: the log of a hazard ratio, a proportion as it is. */
    private static double scale(Target t, double value) {
        return t.measure() == Target.Measure.HAZARD_RATIO ? Math.log(value) : value;
    }

    /** The standard error a target's published value is weighed with, on its {@link #scale}. */
    static double standardError(Target t) {
        if (t.lower() != null && t.upper() > t.lower()) {
            return (scale(t, t.upper()) - scale(t, t.lower())) / (2 * Z);
        }
        double p = Math.min(1 - 0.5 / t.n(), Math.max(0.5 / t.n(), t.value()));
        return Math.sqrt(p * (1 - p) / t.n());
    }

    /** The parameters' changes as --set would give them. */
    static List<Setting> changes(List<FitParameter> parameters, double[] values) {
        List<Setting> changes = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            changes.add(new Setting(parameters.get(i).path(), number(values[i])));
        }
        return changes;
    }

    /**
     * A number as YAML reads it back exactly: plain digits, since YAML 1.1 reads {@code 1.0E10} (an
     * exponent without a sign) as text.
     */
    public static String number(double v) {
        return Double.isFinite(v) ? new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString() : Double.toString(v);
    }

    private static double[] values(List<FitParameter> parameters, double[] unit) {
        double[] values = new double[unit.length];
        for (int i = 0; i < unit.length; i++) {
            values[i] = parameters.get(i).at(unit[i]);
        }
        return values;
    }
}
