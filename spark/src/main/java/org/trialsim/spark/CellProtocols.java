package org.trialsim.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Setting;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.explore.Exploration;
import org.trialsim.simulator.explore.Trials;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.ReplicateListener;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * A sweep's trials whose cells' protocols are read, checked and compiled once and then shared: on the
 * driver by the check of every cell and the question which cells need the large trial, on an executor by
 * the check and every slice of a cell that it runs (the simulator's own {@link Trials} reads and compiles
 * a cell's protocol at each call, which a run on one machine makes once or twice a cell, but a Spark
 * executor once per slice). A compiled simulation holds no state of a run, so the task threads of an
 * executor share it.
 */
public final class CellProtocols implements Trials {
    /**
     * How many cells' protocols are kept: slices run cell by cell, so an executor needs the few cells in
     * flight; a sweep of more cells compiles the ones dropped again when it comes back to them.
     */
    static final int KEPT = 64;

    private final Sweep sweep;
    private final Trials trials;
    /** Each cell's protocol as read, by its settings, and its simulation once compiled; the oldest used dropped first. */
    private final Map<List<Setting>, Cell> cells = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Setting>, Cell> eldest) {
            return size() > KEPT;
        }
    };

    /** A cell's protocol, and its simulation once asked for. */
    private static final class Cell {
        private final LoadedProtocol loaded;
        private TrialSimulation simulation;

        Cell(LoadedProtocol loaded) {
            this.loaded = loaded;
        }
    }

    private CellProtocols(Sweep sweep, Trials trials) {
        this.sweep = sweep;
        this.trials = trials;
    }

    /** The sweep's trials on the simulator, each cell's protocol kept once read. */
    public static CellProtocols of(Simulator simulator, Sweep sweep) {
        return new CellProtocols(sweep, simulator.trials(sweep));
    }

    /** An exploration of the sweep on these trials. */
    public Exploration exploration() {
        return Exploration.of(sweep, this);
    }

    /**
     * The cells whose true effects need the large trial ({@code TrialSimulation.runsLargeTrial}), in order:
     * those {@code Exploration.truths} runs it for; every other cell's slices find their true effects at no cost.
     *
     * @throws IOException       if the protocol cannot be read
     * @throws ProtocolException if a cell is not valid
     */
    public List<Integer> needingTheLargeTrial() throws IOException, ProtocolException {
        List<Integer> needing = new ArrayList<>();
        for (int c = 0; c < sweep.cells().size(); c++) {
            Sweep.Cell cell = sweep.cells().get(c);
            if (simulation(load(sweep.settings(cell))).runsLargeTrial(Sweep.nullHypothesis(cell))) {
                needing.add(c);
            }
        }
        return needing;
    }

    @Override
    public synchronized LoadedProtocol load(List<Setting> settings) throws IOException, ProtocolException {
        Cell cell = cells.get(settings);
        if (cell == null) {
            cell = new Cell(trials.load(settings));
            cells.put(List.copyOf(settings), cell);
        }
        return cell.loaded;
    }

    /** The protocol's simulation, compiled once if the protocol is one this read; else compiled now. */
    @Override
    public synchronized TrialSimulation simulation(LoadedProtocol protocol) {
        for (Cell cell : cells.values()) {
            if (cell.loaded == protocol) {
                if (cell.simulation == null) {
                    cell.simulation = trials.simulation(protocol);
                }
                return cell.simulation;
            }
        }
        return trials.simulation(protocol);
    }

    /** As the simulator's: the labels of the compiled simulation's analyses (compiling checks the design). */
    @Override
    public List<String> analyses(LoadedProtocol protocol) {
        return simulation(protocol).analysisLabels();
    }

    @Override
    public TrialResult run(LoadedProtocol protocol, TrialOptions options, Progress progress, ReplicateListener replicates)
            throws IOException {
        return trials.run(protocol, options, progress, replicates);
    }

    @Override
    public AnalyticSize analyticSize(LoadedProtocol protocol, int analysis, double power) {
        return trials.analyticSize(protocol, analysis, power);
    }
}
