package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.condition.Spelling;

/**
 * Reads a sweep file (docs/explore.md) into a {@link Sweep}: the same guarded reading as a protocol
 * file (size, UTF-8, line length, no aliases or tags, nesting), then every field checked, with every
 * problem reported at once at its line and column. The cells' protocols are not read here; the
 * simulator checks each cell's protocol before any cell runs.
 */
public final class SweepReader {
    private static final Set<String> FIELDS = Set.of("description", "protocol", "set", "replicates", "seed", "analysis", "axes",
            "cells", "constraints", "objective", "search", "calibrate");
    private static final Set<String> AXIS_FIELDS = Set.of("name", "kind", "path", "values");
    private static final Set<String> VALUE_FIELDS = Set.of("label", "set", "nullHypothesis");
    private static final Set<String> CONSTRAINT_FIELDS = Set.of("minPower", "maxTypeIError");
    private static final Set<String> SEARCH_FIELDS = Set.of("path", "power", "lower", "upper", "confidence");
    private static final Set<String> CALIBRATE_FIELDS = Set.of("path", "measure", "target", "lower", "upper", "step", "confidence");
    /** The most simulated trials per cell, as {@code trial --replicates}. */
    private static final int MAX_REPLICATES = 10_000_000;

    private final ProtocolReader reader;

    /** A reader with the default limits. */
    public SweepReader() {
        this(new ProtocolReader());
    }

    private SweepReader(ProtocolReader reader) {
        this.reader = reader;
    }

    /**
     * Reads a sweep file. A protocol named by a path is read from the sweep file's folder.
     *
     * @throws IOException       if the file cannot be read
     * @throws ProtocolException with every problem of the file, each at its place
     */
    public Sweep read(Path file) throws IOException, ProtocolException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(reader.limits().maxBytes() + 1);
        }
        // as given, so that messages and the provenance name the protocol as the user would (examples/x.yaml)
        Path folder = file.getParent();
        return read(file.toString(), content, folder);
    }

    /**
     * Reads a sweep from bytes.
     *
     * @param folder where a protocol path is resolved from, or null for the working directory
     * @throws ProtocolException with every problem, each at its place
     */
    public Sweep read(String name, byte[] content, Path folder) throws ProtocolException {
        Locations locations = new Locations();
        LocatedProblems problems = new LocatedProblems(name, locations);
        JsonNode tree = reader.tree(name, content, locations, problems).tree();
        Sweep sweep = null;
        if (tree != null) {
            sweep = new Walk(problems, folder).sweep(name, tree);
        }
        if (problems.hasErrors() || sweep == null) {
            throw new ProtocolException(problems.sorted());
        }
        return sweep;
    }

    /** Checks the cells' count and makes the sweep: what a sweep file and {@code --vary} options both end with. */
    public static Sweep of(String source, String protocol, String folder, List<Setting> settings, Integer replicates, Long seed,
                           int analysis, List<Sweep.Axis> axes, Double minPower, Double maxTypeIError, Sweep.Objective objective)
            throws ProtocolException {
        long size = Sweep.productSize(axes);
        if (size > Sweep.MAX_CELLS) {
            throw new ProtocolException(List.of(new Problem(Problem.Severity.ERROR, source, "", 0, 0, String.format(Locale.ROOT,
                    "the axes make %,d cells; a sweep may have at most %,d: list the cells you want, or use fewer values", size,
                    Sweep.MAX_CELLS))));
        }
        return new Sweep(source, protocol, folder, settings, replicates, seed, analysis, axes, Sweep.product(axes), minPower,
                maxTypeIError, objective);
    }

    /** One pass over the tree, reporting as it goes. */
    private static final class Walk {
        private final LocatedProblems problems;
        private final Path folder;

        Walk(LocatedProblems problems, Path folder) {
            this.problems = problems;
            this.folder = folder;
        }

        Sweep sweep(String name, JsonNode tree) {
            JsonPointer root = JsonPointer.empty();
            if (!tree.isObject()) {
                error(root, "a sweep file is a mapping of fields (protocol, axes, ...)");
                return null;
            }
            fields(tree, root, FIELDS);
            String protocol = text(tree, root, "protocol", true);
            List<Setting> settings = settings(tree.get("set"), root.appendProperty("set"));
            Integer replicates = tree.has("replicates") ? (int) whole(tree.get("replicates"), root.appendProperty("replicates"), 1,
                    MAX_REPLICATES) : null;
            Long seed = tree.has("seed") ? whole(tree.get("seed"), root.appendProperty("seed"), Long.MIN_VALUE, Long.MAX_VALUE) : null;
            int analysis = tree.has("analysis") ? (int) whole(tree.get("analysis"), root.appendProperty("analysis"), 1, 100) : 1;
            List<Sweep.Axis> axes = axes(tree.get("axes"), root.appendProperty("axes"));
            Double minPower = null;
            Double maxTypeIError = null;
            JsonNode constraints = tree.get("constraints");
            if (constraints != null) {
                JsonPointer at = root.appendProperty("constraints");
                if (!constraints.isObject()) {
                    error(at, "constraints is a mapping such as {minPower: 0.8, maxTypeIError: 0.025}");
                } else {
                    fields(constraints, at, CONSTRAINT_FIELDS);
                    minPower = probability(constraints, at, "minPower");
                    maxTypeIError = probability(constraints, at, "maxTypeIError");
                }
            }
            Sweep.Objective objective = Sweep.Objective.PATIENTS;
            if (tree.has("objective")) {
                String text = text(tree, root, "objective", false);
                objective = text == null ? null : choice(Sweep.Objective.class, text, root.appendProperty("objective"));
            }
            if (protocol == null || axes == null || objective == null || problems.hasErrors()) {
                return null;
            }
            List<Sweep.Cell> cells;
            if (tree.has("cells")) {
                cells = cells(tree.get("cells"), root.appendProperty("cells"), axes);
            } else {
                long size = Sweep.productSize(axes);
                if (size > Sweep.MAX_CELLS) {
                    error(root.appendProperty("axes"), String.format(Locale.ROOT, "the axes make %,d cells; a sweep may have at most %,d:"
                            + " list the cells you want under cells, or use fewer values", size, Sweep.MAX_CELLS));
                    return null;
                }
                cells = Sweep.product(axes);
            }
            if (cells == null) {
                return null;
            }
            Sweep.Search search = tree.has("search") ? search(tree.get("search"), root.appendProperty("search"), axes) : null;
            Calibration calibration = tree.has("calibrate") ? calibration(tree, root.appendProperty("calibrate"), axes, cells) : null;
            if (problems.hasErrors()) {
                return null;
            }
            return new Sweep(name, protocol, folder == null ? null : folder.toString(), settings, replicates, seed, analysis, axes, cells,
                    minPower, maxTypeIError, objective, search, calibration);
        }

        /** A search block: its fields, and axes that are all scenarios of the alternative (what the power is about). */
        private Sweep.Search search(JsonNode node, JsonPointer at, List<Sweep.Axis> axes) {
            if (!node.isObject()) {
                error(at, "search is a mapping such as {path: design.analysis.events, power: 0.8, lower: 50, upper: 400}");
                return null;
            }
            fields(node, at, SEARCH_FIELDS);
            String path = text(node, at, "path", true);
            Double power = openProbability(node, at, "power", true);
            Double confidence = openProbability(node, at, "confidence", false);
            long lower = node.has("lower") ? whole(node.get("lower"), at.appendProperty("lower"), 1, Integer.MAX_VALUE) : 0;
            long upper = node.has("upper") ? whole(node.get("upper"), at.appendProperty("upper"), 1, Integer.MAX_VALUE) : 0;
            if (!node.has("lower") || !node.has("upper")) {
                error(at, "the search needs its bounds: lower and upper, whole numbers (e.g. lower: 50, upper: 400)");
            } else if (upper <= lower) {
                error(at.appendProperty("upper"), "upper (" + upper + ") must be above lower (" + lower + ")");
            } else if (upper - lower > Sweep.Search.MAX_SPAN) {
                error(at.appendProperty("upper"), String.format(Locale.ROOT, "the bounds span %,d values; a search may span at most %,d",
                        upper - lower, Sweep.Search.MAX_SPAN));
            }
            for (int a = 0; a < axes.size(); a++) {
                Sweep.Axis axis = axes.get(a);
                if (axis.kind() == Sweep.Kind.DESIGN) {
                    error(JsonPointer.empty().appendProperty("axes").appendIndex(a).appendProperty("kind"), "a search finds one design:"
                            + " every axis of its sweep is a scenario, and the axis '" + axis.name() + "' is a design axis");
                }
                if (axis.values().stream().anyMatch(Sweep.Value::nullHypothesis)) {
                    error(JsonPointer.empty().appendProperty("axes").appendIndex(a), "a search is for power: the axis '" + axis.name()
                            + "' has a null-hypothesis value, whose rejection rate is a type I error; leave it out of the search");
                }
                for (Sweep.Value v : axis.values()) {
                    if (path != null && v.settings().stream().anyMatch(x -> x.path().equals(path))) {
                        error(JsonPointer.empty().appendProperty("axes").appendIndex(a), "the value '" + v.label() + "' of the axis '"
                                + axis.name() + "' sets the searched path " + path + " itself");
                    }
                }
            }
            if (path == null || power == null || problems.hasErrors()) {
                return null;
            }
            return new Sweep.Search(path, power, (int) lower, (int) upper,
                    confidence == null ? Sweep.Search.DEFAULT_CONFIDENCE : confidence);
        }

        /** A probability strictly between 0 and 1. */
        private Double openProbability(JsonNode node, JsonPointer at, String field, boolean required) {
            JsonNode v = node.get(field);
            if (v == null) {
                if (required) {
                    error(at, "missing field '" + field + "'");
                }
                return null;
            }
            if (!v.isNumber() || !(v.doubleValue() > 0 && v.doubleValue() < 1)) {
                error(at.appendProperty(field), field + " is a probability strictly between 0 and 1, not '" + v.asText() + "'");
                return null;
            }
            return v.doubleValue();
        }

        private List<Sweep.Axis> axes(JsonNode node, JsonPointer at) {
            if (node == null) {
                error(JsonPointer.empty(), "a sweep needs axes: a list of {name, kind, values}");
                return null;
            }
            if (!node.isArray() || node.isEmpty()) {
                error(at, "axes is a non-empty list of {name, kind: design or scenario, values}");
                return null;
            }
            if (node.size() > Sweep.MAX_AXES) {
                error(at, "a sweep may have at most " + Sweep.MAX_AXES + " axes, not " + node.size());
                return null;
            }
            List<Sweep.Axis> axes = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                JsonPointer here = at.appendIndex(i);
                JsonNode a = node.get(i);
                if (!a.isObject()) {
                    error(here, "an axis is a mapping {name, kind, values}");
                    continue;
                }
                fields(a, here, AXIS_FIELDS);
                String name = text(a, here, "name", true);
                if (name != null && !names.add(name)) {
                    error(here.appendProperty("name"), "another axis is named '" + name + "' too; each axis needs a name of its own");
                }
                String kindText = text(a, here, "kind", true);
                Sweep.Kind kind = kindText == null ? null : choice(Sweep.Kind.class, kindText, here.appendProperty("kind"));
                String path = a.has("path") ? text(a, here, "path", false) : null;
                List<Sweep.Value> values = values(a.get("values"), here.appendProperty("values"), path, kind, here);
                if (name != null && kind != null && values != null) {
                    axes.add(new Sweep.Axis(name, kind, values));
                }
            }
            return axes.size() == node.size() ? axes : null;
        }

        private List<Sweep.Value> values(JsonNode node, JsonPointer at, String path, Sweep.Kind kind, JsonPointer axis) {
            if (node == null) {
                error(axis, "the axis has no values");
                return null;
            }
            if (!node.isArray() || node.isEmpty()) {
                error(at, "values is a non-empty list");
                return null;
            }
            List<Sweep.Value> values = new ArrayList<>();
            Set<String> labels = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                JsonPointer here = at.appendIndex(i);
                JsonNode v = node.get(i);
                Sweep.Value value;
                if (path != null) {
                    String text = valueText(v);
                    value = new Sweep.Value(text, List.of(new Setting(path, text)), false);
                } else if (!v.isObject()) {
                    error(here, "without a path for the axis, a value is a mapping {label, set: {path: value, ...}}; or give the axis a"
                            + " path and list plain values");
                    continue;
                } else {
                    fields(v, here, VALUE_FIELDS);
                    String label = text(v, here, "label", true);
                    List<Setting> settings = settings(v.get("set"), here.appendProperty("set"));
                    boolean nullHypothesis = false;
                    JsonNode n = v.get("nullHypothesis");
                    if (n != null) {
                        if (!n.isBoolean()) {
                            error(here.appendProperty("nullHypothesis"), "nullHypothesis is true or false");
                        } else {
                            nullHypothesis = n.booleanValue();
                        }
                    }
                    if (nullHypothesis && kind == Sweep.Kind.DESIGN) {
                        error(here.appendProperty("nullHypothesis"), "the null hypothesis is a scenario, not a design: put it on an axis"
                                + " of kind scenario");
                    }
                    if (settings.isEmpty() && !nullHypothesis && !v.has("set")) {
                        error(here, "the value changes nothing: give it set: {path: value, ...} or nullHypothesis: true");
                    }
                    if (label == null) {
                        continue;
                    }
                    value = new Sweep.Value(label, settings, nullHypothesis);
                }
                if (!labels.add(value.label())) {
                    error(here, "the axis has the value '" + value.label() + "' twice");
                }
                values.add(value);
            }
            return values.size() == node.size() ? values : null;
        }

        private List<Sweep.Cell> cells(JsonNode node, JsonPointer at, List<Sweep.Axis> axes) {
            if (!node.isArray() || node.isEmpty()) {
                error(at, "cells is a non-empty list of mappings from axis name to value label");
                return null;
            }
            if (node.size() > Sweep.MAX_CELLS) {
                error(at, String.format(Locale.ROOT, "a sweep may have at most %,d cells, not %,d", Sweep.MAX_CELLS, node.size()));
                return null;
            }
            List<Sweep.Cell> cells = new ArrayList<>();
            Set<List<Sweep.Value>> seen = new HashSet<>();
            List<String> axisNames = axes.stream().map(Sweep.Axis::name).toList();
            for (int i = 0; i < node.size(); i++) {
                JsonPointer here = at.appendIndex(i);
                JsonNode c = node.get(i);
                if (!c.isObject()) {
                    error(here, "a cell is a mapping from each axis's name to one of its values' labels");
                    continue;
                }
                fields(c, here, new HashSet<>(axisNames));
                List<Sweep.Value> values = new ArrayList<>();
                for (Sweep.Axis axis : axes) {
                    JsonNode v = c.get(axis.name());
                    if (v == null) {
                        error(here, "the cell gives no value of the axis '" + axis.name() + "'");
                        continue;
                    }
                    String label = valueText(v);
                    Sweep.Value value = axis.values().stream().filter(x -> x.label().equals(label)).findFirst().orElse(null);
                    if (value == null) {
                        List<String> labels = axis.values().stream().map(Sweep.Value::label).toList();
                        error(here.appendProperty(axis.name()), "the axis '" + axis.name() + "' has no value '" + label + "'; it has "
                                + String.join(", ", labels) + Spelling.hint(label, labels));
                        continue;
                    }
                    values.add(value);
                }
                if (values.size() == axes.size()) {
                    if (!seen.add(values)) {
                        error(here, "the same cell is listed twice");
                    }
                    cells.add(new Sweep.Cell(values));
                }
            }
            return cells.size() == node.size() ? cells : null;
        }

        /** A mapping {path: value, ...} as settings, in file order. */
        private List<Setting> settings(JsonNode node, JsonPointer at) {
            if (node == null) {
                return List.of();
            }
            if (!node.isObject()) {
                error(at, "set is a mapping of protocol paths to values, e.g. {design.sampleSize: 120}");
                return List.of();
            }
            Map<String, String> changes = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> changes.put(e.getKey(), valueText(e.getValue())));
            List<Setting> settings = new ArrayList<>();
            changes.forEach((path, value) -> settings.add(new Setting(path, value)));
            return settings;
        }

        /** A value as --set takes it: a scalar as its text, a list or mapping as JSON (which YAML reads back the same). */
        private static String valueText(JsonNode value) {
            return value.isValueNode() && !value.isNull() ? value.asText() : value.toString();
        }

        private void fields(JsonNode node, JsonPointer at, Set<String> known) {
            node.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    List<String> names = known.stream().sorted().toList();
                    error(at.appendProperty(f), "unknown field '" + f + "'; the fields here are " + String.join(", ", names)
                            + Spelling.hint(f, names));
                }
            });
        }

        private String text(JsonNode node, JsonPointer at, String field, boolean required) {
            JsonNode v = node.get(field);
            if (v == null) {
                if (required) {
                    error(at, "missing field '" + field + "'");
                }
                return null;
            }
            if (!v.isTextual() && !v.isNumber() || v.asText().isBlank()) {
                error(at.appendProperty(field), field + " is a non-empty text");
                return null;
            }
            return v.asText();
        }

        private long whole(JsonNode v, JsonPointer at, long min, long max) {
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
                error(at, String.format(Locale.ROOT, "'%s' is not a whole number from %,d to %,d", v.asText(), min, max));
                return min;
            }
            return v.longValue();
        }

        private Double probability(JsonNode node, JsonPointer at, String field) {
            JsonNode v = node.get(field);
            if (v == null) {
                return null;
            }
            if (!v.isNumber() || !(v.doubleValue() >= 0 && v.doubleValue() <= 1)) {
                error(at.appendProperty(field), field + " is a probability from 0 to 1, not '" + v.asText() + "'");
                return null;
            }
            return v.doubleValue();
        }

        private <E extends Enum<E>> E choice(Class<E> type, String text, JsonPointer at) {
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                String n = e.name().toLowerCase(Locale.ROOT);
                if (n.equals(text)) {
                    return e;
                }
                names.add(n);
            }
            error(at, "'" + text + "' is not one of " + String.join(", ", names) + Spelling.hint(text, names));
            return null;
        }

        /**
         * A calibrate block (docs/explore.md, "Calibrating a threshold"): its fields, and a sweep whose axes are
         * all scenarios, whose every cell is a null hypothesis (what the measure is about), and that searches
         * nothing else.
         */
        private Calibration calibration(JsonNode tree, JsonPointer at, List<Sweep.Axis> axes, List<Sweep.Cell> cells) {
            JsonNode node = tree.get("calibrate");
            if (!node.isObject()) {
                error(at, "calibrate is a mapping such as {path: design.randomization.adaptive.stopSuperiorityAbove, measure:"
                        + " superiorityStop, target: 0.025, lower: 0.9, upper: 0.999, step: 0.001}");
                return null;
            }
            if (tree.has("search")) {
                error(at, "a sweep either searches (search) or calibrates (calibrate), not both: give one of them");
            }
            fields(node, at, CALIBRATE_FIELDS);
            String path = text(node, at, "path", true);
            Calibration.Measure measure = null;
            String measureText = text(node, at, "measure", true);
            if (measureText != null) {
                measure = Calibration.Measure.of(measureText);
                if (measure == null) {
                    List<String> names = Arrays.stream(Calibration.Measure.values()).map(Calibration.Measure::id).toList();
                    error(at.appendProperty("measure"), "'" + measureText + "' is not one of " + String.join(", ", names)
                            + Spelling.hint(measureText, names));
                }
            }
            Double target = openProbability(node, at, "target", true);
            Double confidence = openProbability(node, at, "confidence", false);
            BigDecimal lower = decimal(node, at, "lower");
            BigDecimal upper = decimal(node, at, "upper");
            BigDecimal step = decimal(node, at, "step");
            if (lower != null && upper != null && upper.compareTo(lower) <= 0) {
                error(at.appendProperty("upper"), "upper (" + upper.toPlainString() + ") must be above lower (" + lower.toPlainString() + ")");
            } else if (step != null && step.signum() <= 0) {
                error(at.appendProperty("step"), "step is the grid's step, above 0, not " + step.toPlainString());
            } else if (lower != null && upper != null && step != null && upper.subtract(lower).divide(step, 0, RoundingMode.CEILING)
                    .compareTo(BigDecimal.valueOf(Calibration.MAX_STEPS)) > 0) {
                error(at.appendProperty("step"), String.format(Locale.ROOT, "from lower to upper are more than %,d steps of %s; take a"
                        + " larger step or narrower bounds", Calibration.MAX_STEPS, step.toPlainString()));
            }
            List<String> notNull = new ArrayList<>();
            for (Sweep.Cell cell : cells) {
                if (!Sweep.nullHypothesis(cell)) {
                    List<String> parts = new ArrayList<>();
                    for (int a = 0; a < axes.size(); a++) {
                        parts.add(axes.get(a).name() + "=" + cell.values().get(a).label());
                    }
                    notNull.add("'" + String.join(", ", parts) + "'");
                }
            }
            if (!notNull.isEmpty()) {
                error(JsonPointer.empty().appendProperty("axes"), "a calibration holds a measure at its target under the null hypothesis:"
                        + " every cell must be one, and " + (notNull.size() == 1 ? "the cell " : notNull.size() + " cells, ")
                        + String.join(", ", notNull.subList(0, Math.min(3, notNull.size()))) + (notNull.size() > 3 ? ", …," : "")
                        + (notNull.size() == 1 ? " is not" : " are not") + "; give a scenario axis whose values say nullHypothesis: true");
            }
            for (int a = 0; a < axes.size(); a++) {
                Sweep.Axis axis = axes.get(a);
                if (axis.kind() == Sweep.Kind.DESIGN) {
                    error(JsonPointer.empty().appendProperty("axes").appendIndex(a).appendProperty("kind"), "a calibration finds one design:"
                            + " every axis of its sweep is a scenario, and the axis '" + axis.name() + "' is a design axis");
                }
                for (Sweep.Value v : axis.values()) {
                    if (path != null && v.settings().stream().anyMatch(x -> x.path().equals(path))) {
                        error(JsonPointer.empty().appendProperty("axes").appendIndex(a), "the value '" + v.label() + "' of the axis '"
                                + axis.name() + "' sets the calibrated path " + path + " itself");
                    }
                }
            }
            if (path == null || measure == null || target == null || lower == null || upper == null || step == null
                    || problems.hasErrors()) {
                return null;
            }
            return new Calibration(path, measure, target, lower, upper, step,
                    confidence == null ? Sweep.Search.DEFAULT_CONFIDENCE : confidence);
        }

        /** A required finite number, exactly as written. */
        private BigDecimal decimal(JsonNode node, JsonPointer at, String field) {
            JsonNode v = node.get(field);
            if (v == null) {
                error(at, "missing field '" + field + "' (the calibration needs lower, upper and step, numbers)");
                return null;
            }
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                error(at.appendProperty(field), field + " is a number, not '" + v.asText() + "'");
                return null;
            }
            // as written: 1.0e-4 and 0.00010 are the step 0.0001, whose four decimals every value of the grid then has
            BigDecimal d = v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : new BigDecimal(v.asText()).stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0) : d;
        }

        private void error(JsonPointer at, String message) {
            problems.report(Problem.Severity.ERROR, at, message);
        }
    }
}
