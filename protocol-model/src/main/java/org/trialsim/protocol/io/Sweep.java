package org.trialsim.protocol.io;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A design exploration: a protocol, changes made to it in every cell, and axes whose values change it
 * further; the cells are the product of the axes or a listed set of them. A design axis holds the
 * choices a designer makes (sample size, allocation method, looks); a scenario axis holds what nature
 * might be (the effect, the accrual rate, a null hypothesis). Read from a sweep file by
 * {@link SweepReader} (docs/explore.md) or made from {@code --vary} options.
 *
 * @param source         the sweep file, or a description of where the sweep came from, for messages
 * @param protocol       a built-in protocol's id, or a protocol file's path as the sweep gives it
 * @param folder         the folder a relative protocol path is read from (the sweep file's), or null for the working directory
 * @param settings       the changes made in every cell, before the axes' own
 * @param replicates     simulated trials per cell, or null to leave it to the command line
 * @param seed           the seed, or null to leave it to the command line
 * @param analysis       the analysis (from 1) the constraints, the objective and the paired differences are about
 * @param axes           the axes, in order: the first varies slowest
 * @param cells          the cells, in order
 * @param minPower       the power every design must keep in every scenario that is not a null hypothesis, or null
 * @param maxTypeIError  the type I error no design may exceed in any null-hypothesis scenario, or null
 * @param objective      what a design should have least of in its worst scenario
 * @param search         a search of one numeric path for the target power in every scenario, or null to run the cells
 * @param calibration    a calibration of one numeric path for a target under the null hypothesis, or null
 */
public record Sweep(String source, String protocol, String folder, List<Setting> settings, Integer replicates, Long seed, int analysis,
                    List<Axis> axes, List<Cell> cells, Double minPower, Double maxTypeIError, Objective objective, Search search,
                    Calibration calibration) {
    /** The most axes a sweep may have. */
    public static final int MAX_AXES = 8;
    /** The most cells a sweep may have: each is a whole trial simulation, and its result is kept for the report. */
    public static final int MAX_CELLS = 1_000;
    /** What a cell's label says of an axis-free side (no design axis, or no scenario axis). */
    public static final String AS_WRITTEN = "as written";

    public Sweep {
        settings = List.copyOf(settings);
        axes = List.copyOf(axes);
        cells = List.copyOf(cells);
    }

    /** A sweep that runs its cells, with no search. */
    public Sweep(String source, String protocol, String folder, List<Setting> settings, Integer replicates, Long seed, int analysis,
                 List<Axis> axes, List<Cell> cells, Double minPower, Double maxTypeIError, Objective objective) {
        this(source, protocol, folder, settings, replicates, seed, analysis, axes, cells, minPower, maxTypeIError, objective, null);
    }

    /** A sweep that runs its cells or searches, with no calibration. */
    public Sweep(String source, String protocol, String folder, List<Setting> settings, Integer replicates, Long seed, int analysis,
                 List<Axis> axes, List<Cell> cells, Double minPower, Double maxTypeIError, Objective objective, Search search) {
        this(source, protocol, folder, settings, replicates, seed, analysis, axes, cells, minPower, maxTypeIError, objective, search, null);
    }

    /** The same sweep calibrating as said (docs/explore.md, "Calibrating a threshold"), or not if {@code calibration} is null. */
    public Sweep withCalibration(Calibration calibration) {
        return new Sweep(source, protocol, folder, settings, replicates, seed, analysis, axes, cells, minPower, maxTypeIError, objective,
                search, calibration);
    }

    /** The same sweep searching as said, or running its cells if {@code search} is null. */
    public Sweep withSearch(Search search) {
        return new Sweep(source, protocol, folder, settings, replicates, seed, analysis, axes, cells, minPower, maxTypeIError, objective,
                search);
    }

    /**
     * A search (docs/explore.md, "Searching for the smallest value"): the smallest whole value of one
     * numeric protocol path, from {@code lower} to {@code upper}, at which the power of the sweep's analysis
     * reaches {@code power} in every cell (every scenario), on common random numbers.
     *
     * @param path       the protocol path searched, e.g. {@code design.analysis.events}
     * @param power      the target power, strictly between 0 and 1
     * @param lower      the smallest value tried, at least 1
     * @param upper      the largest value tried, above {@code lower}
     * @param confidence the confidence of the Monte Carlo uncertainty reported, strictly between 0 and 1
     */
    public record Search(String path, double power, int lower, int upper, double confidence) {
        /** The most whole values a search may span: about 20 bisection steps. */
        public static final int MAX_SPAN = 1_000_000;
        /** The confidence of the reported uncertainty when the sweep does not say. */
        public static final double DEFAULT_CONFIDENCE = 0.95;
    }

    /** The kind of an axis. */
    public enum Kind {
        /** A choice of the trial's designer: the report ranks designs. */
        DESIGN,
        /** A state of nature: a design is judged by its worst scenario. */
        SCENARIO
    }

    /** What a design should have least of, in expectation at its conclusion, in its worst scenario. */
    public enum Objective {
        /** Patients enrolled. */
        PATIENTS,
        /** Events (or responses). */
        EVENTS,
        /** Months from the first enrolment. */
        MONTHS
    }

    /**
     * An axis of the sweep.
     *
     * @param name   its name, unique in the sweep
     * @param kind   design or scenario
     * @param values its values, in order
     */
    public record Axis(String name, Kind kind, List<Value> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /**
     * A value of an axis: the changes it makes to the protocol, several at once if need be.
     *
     * @param label          its name in the report, unique on its axis
     * @param settings       the changes it makes
     * @param nullHypothesis the cell is simulated under the null hypothesis (no difference): its rejection rate is the type I error
     */
    public record Value(String label, List<Setting> settings, boolean nullHypothesis) {
        public Value {
            settings = List.copyOf(settings);
        }
    }

    /**
     * One cell: one value of each axis.
     *
     * @param values the value of each axis, in the axes' order
     */
    public record Cell(List<Value> values) {
        public Cell {
            values = List.copyOf(values);
        }
    }

    /** The product of the axes' values, the first axis varying slowest. */
    public static List<Cell> product(List<Axis> axes) {
        List<List<Value>> rows = new ArrayList<>();
        rows.add(List.of());
        for (Axis axis : axes) {
            List<List<Value>> next = new ArrayList<>();
            for (List<Value> row : rows) {
                for (Value value : axis.values()) {
                    List<Value> longer = new ArrayList<>(row);
                    longer.add(value);
                    next.add(longer);
                }
            }
            rows = next;
        }
        return rows.stream().map(Cell::new).toList();
    }

    /** The number of cells the product of the axes has, saturating at {@code Long.MAX_VALUE}. */
    public static long productSize(List<Axis> axes) {
        long size = 1;
        for (Axis axis : axes) {
            int n = axis.values().size();
            size = n == 0 ? 0 : size > Long.MAX_VALUE / n ? Long.MAX_VALUE : size * n;
        }
        return size;
    }

    /** The cell's name: each axis's name and value, e.g. {@code events=100, effect=pessimistic}. */
    public String name(Cell cell) {
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            parts.add(axes.get(a).name() + "=" + cell.values().get(a).label());
        }
        return String.join(", ", parts);
    }

    /** The cell's design: the values of the design axes, or {@value #AS_WRITTEN} if there are none. */
    public String design(Cell cell) {
        return side(cell, Kind.DESIGN);
    }

    /** The cell's scenario: the values of the scenario axes, or {@value #AS_WRITTEN} if there are none. */
    public String scenario(Cell cell) {
        return side(cell, Kind.SCENARIO);
    }

    private String side(Cell cell, Kind kind) {
        List<String> labels = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            if (axes.get(a).kind() == kind) {
                labels.add(cell.values().get(a).label());
            }
        }
        return labels.isEmpty() ? AS_WRITTEN : String.join(", ", labels);
    }

    /** Every change the cell makes: the sweep's own, then each axis value's, in the axes' order. */
    public List<Setting> settings(Cell cell) {
        List<Setting> all = new ArrayList<>(settings);
        cell.values().forEach(v -> all.addAll(v.settings()));
        return List.copyOf(all);
    }

    /** Whether the cell is simulated under the null hypothesis. */
    public static boolean nullHypothesis(Cell cell) {
        return cell.values().stream().anyMatch(Value::nullHypothesis);
    }

    /** The designs, in the order of their first cell. */
    public List<String> designs() {
        return cells.stream().map(this::design).distinct().collect(Collectors.toList());
    }

    /** The scenarios, in the order of their first cell. */
    public List<String> scenarios() {
        return cells.stream().map(this::scenario).distinct().collect(Collectors.toList());
    }
}
