package org.trialsim.simulator.explore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Format;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.ProtocolWriter;
import org.trialsim.protocol.io.Setting;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.InvalidProtocolException;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.stats.ExactMoments;
import org.trialsim.simulator.trial.ReplicateListener;
import org.trialsim.simulator.trial.ReplicateLook;
import org.trialsim.simulator.trial.ReplicateRecords;
import org.trialsim.simulator.trial.TrialPartial;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * Runs a sweep: checks every cell before any runs, then simulates the cells one after the other, each
 * on all threads, with the same seed and replicates. Since a trial's random numbers are addressed by
 * replicate, patient and purpose (never by thread or by run), replicate i of every cell has the same
 * virtual patients and arrival times: the difference between two cells is estimated replicate by
 * replicate, with a paired standard error far smaller than that of two independent runs when the cells
 * are alike. Each cell's per-replicate outcome of the chosen analysis (rejected, patients, events,
 * months) and the analyses that rejected in the replicate (a bit each, for the families' figures:
 * {@value #BYTES_PER_REPLICATE} bytes) goes to a temporary file as the replicates are merged,
 * and the pairs are formed by reading two such files side by side, so memory does not grow with the
 * replicates; the files are removed when the run ends, fails or is interrupted (a JVM killed outright
 * leaves them in the system's temporary folder).
 */
public final class Exploration {
    /** Bytes of one replicate's outcome in a cell's temporary file: rejected, patients, events, months, the analyses that rejected. */
    static final int BYTES_PER_REPLICATE = 1 + 4 + 4 + 8 + 4;
    /** The most analyses whose rejections a replicate's outcome holds, one bit each (validation allows 10 comparisons). */
    static final int MAX_ANALYSES = Integer.SIZE;
    /** The measures compared between cells, in the order of {@link Outcome}'s values. */
    static final List<String> MEASURES = List.of("rejection", "patients", "events", "months");

    private final Sweep sweep;
    private final Trials trials;
    /** The cells, checked once (an exploration whose cells were found valid runs them in several calls on Spark). */
    private Checked checked;

    private Exploration(Sweep sweep, Trials trials) {
        this.sweep = sweep;
        this.trials = trials;
    }

    /** An exploration of the sweep with the simulator's trials. */
    public static Exploration of(Sweep sweep, Trials trials) {
        return new Exploration(sweep, trials);
    }

    /** The sweep's search (docs/explore.md), which it must have. */
    public AxisSearch search() {
        return AxisSearch.of(sweep, trials);
    }

    /** The sweep's calibration (docs/explore.md, "Calibrating a threshold"), which it must have. */
    public ThresholdCalibration calibration() {
        return ThresholdCalibration.of(sweep, trials);
    }

    /**
     * Checks every cell's protocol and design, and reports every problem at once, each naming its cell.
     *
     * @return the label of the analysis the sweep is about
     * @throws IOException       if the protocol cannot be read
     * @throws ProtocolException with every problem of every cell
     */
    public String check() throws IOException, ProtocolException {
        return checked().label;
    }

    /** The analysis's label and each cell's protocol content hash, after every cell is checked. */
    private record Checked(String label, List<String> contentHashes) {
    }

    private synchronized Checked checked() throws IOException, ProtocolException {
        if (checked == null) {
            checked = check(sweep, trials);
        }
        return checked;
    }

    private static Checked check(Sweep sweep, Trials trials) throws IOException, ProtocolException {
        List<Problem> problems = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        String label = null;
        for (Sweep.Cell cell : sweep.cells()) {
            String prefix = "in cell '" + sweep.name(cell) + "': ";
            LoadedProtocol loaded;
            try {
                loaded = trials.load(sweep.settings(cell));
            } catch (ProtocolException e) {
                for (Problem p : e.errors()) {
                    problems.add(new Problem(p.severity(), p.file(), p.path(), p.line(), p.column(), prefix + p.message()));
                }
                continue;
            }
            hashes.add(loaded.contentHash());
            try {
                List<String> analyses = trials.analyses(loaded);
                if (sweep.analysis() > analyses.size()) {
                    problems.add(problem(sweep, prefix + "the sweep is about analysis " + sweep.analysis() + ", but the design has "
                            + analyses.size() + (analyses.size() == 1 ? " analysis" : " analyses")));
                } else if (label == null) {
                    label = analyses.get(sweep.analysis() - 1);
                }
            } catch (InvalidProtocolException e) {
                Problem p = e.problem();
                problems.add(new Problem(p.severity(), p.file(), p.path(), p.line(), p.column(), prefix + p.message()));
            } catch (IllegalArgumentException e) {
                problems.add(problem(sweep, prefix + "the protocol's design cannot be simulated as a trial: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProtocolException(problems);
        }
        return new Checked(label, hashes);
    }

    private static Problem problem(Sweep sweep, String message) {
        return new Problem(Problem.Severity.ERROR, sweep.source(), "", 0, 0, message);
    }

    /**
     * Checks the cells, then runs them, keeping their outcomes in a temporary folder removed at the end.
     *
     * @param progress told of the replicates done over all cells
     * @throws IOException       if the protocol cannot be read or a temporary file cannot be written
     * @throws ProtocolException if a cell is not valid (nothing has run then)
     */
    public ExploreResult run(ExploreOptions options, Progress progress) throws IOException, ProtocolException {
        Path folder = Files.createTempDirectory("trialsim-explore");
        // Ctrl-C ends the JVM without this method's finally: the shutdown removes them then (files first, then the folder)
        folder.toFile().deleteOnExit();
        try {
            CellStore store = CellStore.open(folder, manifest(checked(), options, false, Shard.WHOLE), true);
            run(store, options, progress);
            return assemble(List.of(store));
        } catch (ExplorationFolderException e) {
            throw new IllegalStateException("a new temporary folder was refused: " + e.getMessage(), e);
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /**
     * What a run into a folder did.
     *
     * @param cellsRun   the cells it ran
     * @param cellsFound the shard's cells it found finished by an earlier run
     */
    public record Ran(int cellsRun, int cellsFound) {
    }

    /**
     * Checks the cells, then runs the shard's cells that the folder lacks into it (docs/shards.md): each
     * cell's outcomes and result are written as it finishes, so a run stopped at any moment and started
     * again with the same sweep and options runs only the cells it had not finished. The folder is made
     * if it does not exist.
     *
     * @return the cells run, and those found finished
     * @throws ExplorationFolderException if the folder is not an exploration's, or holds another sweep or shard
     *                                    (nothing runs then)
     * @throws IllegalArgumentException   if the sweep has fewer cells than shards
     */
    public Ran runInto(Path folder, Shard shard, ExploreOptions options, Progress progress)
            throws IOException, ProtocolException, ExplorationFolderException {
        return runInto(folder, shard, options, false, progress);
    }

    /**
     * As {@link #runInto(Path, Shard, ExploreOptions, Progress)}, keeping each cell's per-replicate rows
     * too if asked: {@code cell-NNNN.replicates.csv}, what {@code trial --replicates-out} writes for the
     * cell's protocol (docs/replicate-records.md).
     */
    public Ran runInto(Path folder, Shard shard, ExploreOptions options, boolean replicateRecords, Progress progress)
            throws IOException, ProtocolException, ExplorationFolderException {
        shard.cells(sweep.cells().size());
        if (shard.byReplicates()) {
            shard.replicates(options.replicates());
            if (replicateRecords) {
                throw new IllegalArgumentException("a shard of the replicates keeps no replicate records");
            }
        }
        Manifest manifest = manifest(checked(), options, replicateRecords, shard);
        CellStore store = CellStore.open(folder, manifest, false);
        return run(store, options, progress);
    }

    /**
     * As {@link #runInto(Path, Shard, ExploreOptions, Progress)} for one cell of a shard cut by replicates:
     * that cell's slice alone is run into the folder, unless it is finished there. Many such runs, one per
     * cell and slice, fill the shards' folders as one run per shard would (trialsim-spark's tasks,
     * docs/spark.md); {@link #merge(List, Function)} merges them. The cells are checked once per
     * exploration, not once per call.
     *
     * @return the cells run (0 or 1), and those found finished
     * @throws IllegalArgumentException if the shard is not cut by replicates, or the cell is not the sweep's
     */
    public Ran runCellInto(Path folder, Shard shard, ExploreOptions options, int cell, Progress progress)
            throws IOException, ProtocolException, ExplorationFolderException {
        return runCellInto(folder, shard, options, cell, null, progress);
    }

    /**
     * As {@link #runCellInto(Path, Shard, ExploreOptions, int, Progress)}, the cell's true effects taken
     * from {@code truths} (what {@link #truths} gave for the cell, or null to find them), so that a cell
     * whose true effect needs the large trial does not run it in every slice. The result is the same.
     */
    public Ran runCellInto(Path folder, Shard shard, ExploreOptions options, int cell, byte[] truths, Progress progress)
            throws IOException, ProtocolException, ExplorationFolderException {
        if (!shard.byReplicates() || cell < 0 || cell >= sweep.cells().size()) {
            throw new IllegalArgumentException("cell " + cell + " of shard " + shard + " is not a slice of a cell's replicates of this"
                    + " sweep of " + sweep.cells().size() + " cells");
        }
        shard.replicates(options.replicates());
        CellStore store = CellStore.open(folder, manifest(checked(), options, false, shard), false);
        if (store.finished(cell)) {
            return new Ran(0, 1);
        }
        Sweep.Cell c = sweep.cells().get(cell);
        runPart(store, cell, c, trials.load(sweep.settings(c)), options, progress, 0, 1, truths);
        return new Ran(1, 0);
    }

    /**
     * Where the cell's true effect comes from the large trial ({@code TrialSimulation.runsLargeTrial}), the
     * encoded partial of its first replicate ({@link TrialPartial#write}), whose true effects
     * {@link #runCellInto(Path, Shard, ExploreOptions, int, byte[], Progress)} takes for every slice of
     * the cell; else null (each slice finds them at no cost).
     */
    public byte[] truths(int cell, ExploreOptions options) throws IOException, ProtocolException {
        Sweep.Cell c = sweep.cells().get(cell);
        TrialSimulation simulation = trials.simulation(trials.load(sweep.settings(c)));
        if (!simulation.runsLargeTrial(Sweep.nullHypothesis(c))) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        simulation.runPart(options.trial(Sweep.nullHypothesis(c)), new IndexRange(0, 1), Progress.NONE).write(bytes);
        return bytes.toByteArray();
    }

    private Manifest manifest(Checked checked, ExploreOptions options, boolean replicateRecords, Shard shard) {
        List<Manifest.Cell> cells = new ArrayList<>();
        for (int c = 0; c < sweep.cells().size(); c++) {
            Sweep.Cell cell = sweep.cells().get(c);
            cells.add(new Manifest.Cell(sweep.name(cell), sweep.design(cell), sweep.scenario(cell), Sweep.nullHypothesis(cell),
                    sweep.settings(cell).stream().map(Setting::toString).toList(), checked.contentHashes().get(c)));
        }
        return Manifest.of(sweep.source(), options.seed(), options.replicates(), sweep.analysis(), checked.label(),
                sweep.objective().name().toLowerCase(Locale.ROOT), sweep.minPower(), sweep.maxTypeIError(), replicateRecords, sweep.designs(),
                sweep.scenarios(), cells, shard);
    }

    private Ran run(CellStore store, ExploreOptions options, Progress progress) throws IOException, ProtocolException {
        List<Integer> missing = store.missing();
        List<Sweep.Cell> cells = sweep.cells();
        long total = (long) missing.size() * options.replicates();
        for (int i = 0; i < missing.size(); i++) {
            int c = missing.get(i);
            Sweep.Cell cell = cells.get(c);
            List<Setting> settings = sweep.settings(cell);
            LoadedProtocol loaded = trials.load(settings);
            if (store.manifest().shard().byReplicates()) {
                runPart(store, c, cell, loaded, options, progress, i, missing.size(), null);
                continue;
            }
            long offset = (long) i * options.replicates();
            Outcomes outcomes = new Outcomes(sweep.analysis(), store.partialOutcomes(c));
            TrialResult trial;
            try (outcomes; Writer rows = store.manifest().replicateRecords()
                    ? Files.newBufferedWriter(store.partialRecords(c), StandardCharsets.UTF_8) : Writer.nullWriter()) {
                ReplicateRecords records = ReplicateRecords.to(rows);
                ReplicateListener listener = store.manifest().replicateRecords() ? looks -> {
                    outcomes.accept(looks);
                    records.accept(looks);
                } : outcomes;
                trial = trials.run(loaded, options.trial(Sweep.nullHypothesis(cell)), (done, all) -> progress.update(offset + done, total),
                        listener);
                records.writeHeader();
            }
            ExploreResult.Figures f = outcomes.figures(trial.analyses().get(sweep.analysis() - 1).looks().size());
            store.finish(c, new ExploreResult.Cell(sweep.name(cell), sweep.design(cell), sweep.scenario(cell), Sweep.nullHypothesis(cell),
                    settings.stream().map(Setting::toString).toList(), f, trial));
        }
        return new Ran(missing.size(), (int) store.manifest().shard().cells(cells.size()).size() - missing.size());
    }

    /** Runs the shard's slice of the replicates of one cell, and keeps its partial tallies, outcomes and figures' state. */
    private void runPart(CellStore store, int c, Sweep.Cell cell, LoadedProtocol loaded, ExploreOptions options, Progress progress,
            int i, int cells, byte[] truths) throws IOException {
        IndexRange range = store.manifest().shard().replicates(options.replicates());
        long offset = i * range.size();
        long total = cells * range.size();
        TrialPartial part;
        Outcomes outcomes = new Outcomes(sweep.analysis(), store.partialOutcomes(c));
        TrialSimulation simulation = trials.simulation(loaded);
        Progress told = (done, all) -> progress.update(offset + done, total);
        try (outcomes) {
            part = truths == null ? simulation.runPart(options.trial(Sweep.nullHypothesis(cell)), range, told, outcomes)
                    : simulation.runPart(options.trial(Sweep.nullHypothesis(cell)), range, told, outcomes,
                            simulation.readPartial(new ByteArrayInputStream(truths)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        ByteArrayOutputStream tallies = new ByteArrayOutputStream();
        part.write(tallies);
        ByteArrayOutputStream figures = new ByteArrayOutputStream();
        outcomes.writeState(new DataOutputStream(figures));
        store.finishPart(c, new CellStore.PartFile(Manifest.VERSION, c, loaded.source(), loaded.settings(), loaded.contentHash(),
                range.from(), range.to()), ProtocolWriter.write(loaded.protocol(), Format.JSON).getBytes(StandardCharsets.UTF_8),
                tallies.toByteArray(), figures.toByteArray());
    }

    /**
     * As {@link #merge(List)}, and also the folders of every shard of a sweep cut by replicates
     * ({@link Shard#byReplicates}): each cell's slices, merged in order with the simulation of its protocol,
     * give the cell one run gives, to the bit.
     */
    public static ExploreResult merge(List<Path> folders, Function<LoadedProtocol, TrialSimulation> simulations)
            throws IOException, ExplorationFolderException {
        if (folders.isEmpty()) {
            throw new ExplorationFolderException("give the folder of every shard");
        }
        List<CellStore> stores = new ArrayList<>();
        for (Path f : folders) {
            stores.add(CellStore.read(f));
        }
        if (!stores.get(0).manifest().shard().byReplicates()) {
            return assemble(stores);
        }
        CellStore[] byShard = shards(stores);
        Manifest manifest = stores.get(0).manifest();
        Path folder = Files.createTempDirectory("trialsim-merge");
        folder.toFile().deleteOnExit();
        try {
            CellStore whole = CellStore.open(folder, manifest.withShard(Shard.WHOLE), true);
            for (int c = 0; c < manifest.cells().size(); c++) {
                mergeCell(byShard, c, whole, simulations);
            }
            return assemble(List.of(whole));
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /** One cell from its slices in every shard (in shard order), finished in the store of the whole sweep. */
    private static void mergeCell(CellStore[] byShard, int c, CellStore whole, Function<LoadedProtocol, TrialSimulation> simulations)
            throws IOException, ExplorationFolderException {
        Manifest manifest = whole.manifest();
        CellStore.PartFile first = byShard[0].part(c);
        Path protocolFile = byShard[0].partFile(c, ".protocol.json");
        LoadedProtocol read;
        try {
            read = new ProtocolReader().read(protocolFile.toString(), Files.readAllBytes(protocolFile));
        } catch (ProtocolException e) {
            throw new ExplorationFolderException("'" + protocolFile + "' is damaged (" + e.getMessage().lines().findFirst().orElse("")
                    + "); remove it and run the shard's command again");
        }
        if (!read.contentHash().equals(first.contentHash())) {
            throw new ExplorationFolderException("'" + protocolFile + "' is damaged (its content hash is not the cell's)");
        }
        LoadedProtocol loaded = new LoadedProtocol(read.protocol(), first.protocol(), first.contentHash(), first.settings(), List.of());
        TrialSimulation simulation = simulations.apply(loaded);
        Outcomes figures = new Outcomes(manifest.analysis(), null);
        try (OutputStream out = Files.newOutputStream(whole.partialOutcomes(c))) {
            for (CellStore store : byShard) {
                CellStore.PartFile part = store.part(c);
                if (!part.protocol().equals(first.protocol()) || !part.settings().equals(first.settings())) {
                    throw new ExplorationFolderException("'" + store.folder() + "' ran cell '" + manifest.cells().get(c).name()
                            + "' from another protocol than '" + byShard[0].folder() + "'");
                }
                Path state = store.partFile(c, ".figures");
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(state)))) {
                    figures.addState(in);
                } catch (IOException e) {
                    throw new ExplorationFolderException("'" + state + "' is damaged (" + e.getMessage() + "); remove it and run the"
                            + " shard's command again");
                }
                Files.copy(store.outcomes(c), out);
            }
        }
        // each slice's tallies are decoded as the merge reaches them, so that memory holds the total and one slice's
        Iterable<TrialPartial> parts = () -> Arrays.stream(byShard).map(store -> {
            Path tallies = store.partFile(c, ".tallies");
            try (InputStream in = new BufferedInputStream(Files.newInputStream(tallies))) {
                return simulation.readPartial(in);
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("'" + tallies + "' is damaged (" + e.getMessage() + "); remove it and"
                        + " run the shard's command again"));
            }
        }).iterator();
        TrialResult trial;
        try {
            trial = simulation.merge(parts);
        } catch (UncheckedIOException e) {
            throw new ExplorationFolderException(e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            throw new ExplorationFolderException("the slices of cell '" + manifest.cells().get(c).name() + "' cannot be merged: "
                    + e.getMessage());
        }
        Manifest.Cell cell = manifest.cells().get(c);
        whole.finish(c, new ExploreResult.Cell(cell.name(), cell.design(), cell.scenario(), cell.nullHypothesis(), cell.settings(),
                figures.figures(trial.analyses().get(manifest.analysis() - 1).looks().size()), trial));
    }

    /**
     * The exploration held by one folder of the whole sweep, or by the folders of every shard of it:
     * exactly what one uninterrupted run gives, byte for byte once written (docs/shards.md).
     *
     * @throws ExplorationFolderException if a folder is not an exploration's, the folders are of different sweeps,
     *                                    a shard is missing, given twice or unfinished, or a file is damaged (each named)
     */
    public static ExploreResult merge(List<Path> folders) throws IOException, ExplorationFolderException {
        if (folders.isEmpty()) {
            throw new ExplorationFolderException("give the folder of every shard");
        }
        List<CellStore> stores = new ArrayList<>();
        for (Path f : folders) {
            stores.add(CellStore.read(f));
        }
        return assemble(stores);
    }

    /** The stores by shard: of one sweep and one cut, every shard once and finished; refused naming the folders otherwise. */
    private static CellStore[] shards(List<CellStore> stores) throws IOException, ExplorationFolderException {
        CellStore first = stores.get(0);
        Manifest manifest = first.manifest();
        int count = manifest.shard().count();
        CellStore[] byShard = new CellStore[count];
        for (CellStore store : stores) {
            List<Manifest.Difference> differences = manifest.differencesFrom(store.manifest());
            if (!differences.isEmpty()) {
                throw new ExplorationFolderException("'" + store.folder() + "' holds another exploration than '" + first.folder() + "': "
                        + differences.stream().map(d -> d.describe("'" + first.folder() + "'", "'" + store.folder() + "'"))
                        .collect(Collectors.joining("; ")));
            }
            Shard shard = store.manifest().shard();
            if (shard.count() != count || shard.byReplicates() != manifest.shard().byReplicates()) {
                throw new ExplorationFolderException("'" + store.folder() + "' is shard " + shard + " and '" + first.folder() + "' shard "
                        + manifest.shard() + ": the sweep was cut in two ways; merge the shards of one cut");
            }
            if (byShard[shard.index() - 1] != null) {
                throw new ExplorationFolderException("'" + byShard[shard.index() - 1].folder() + "' and '" + store.folder()
                        + "' are both shard " + shard + "; give each shard once");
            }
            byShard[shard.index() - 1] = store;
        }
        int cells = manifest.cells().size();
        List<String> absent = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            if (byShard[k] == null) {
                if (manifest.shard().byReplicates()) {
                    IndexRange range = new Shard(k + 1, count).replicates(manifest.replicates());
                    absent.add((k + 1) + "/" + count + " (replicates " + range.from() + " to " + (range.to() - 1) + ")");
                    continue;
                }
                IndexRange range = new Shard(k + 1, count).cells(cells);
                absent.add((k + 1) + "/" + count + (range.size() == 1 ? " (cell " + range.to() : " (cells " + (range.from() + 1) + " to " + range.to())
                        + ")");
            }
        }
        if (!absent.isEmpty()) {
            throw new ExplorationFolderException((absent.size() == 1 ? "shard " : "shards ") + String.join(", ", absent)
                    + (absent.size() == 1 ? " is" : " are") + " missing: give the folder of every shard of the sweep");
        }
        for (CellStore store : byShard) {
            List<Integer> missing = store.missing();
            if (!missing.isEmpty()) {
                throw new ExplorationFolderException("'" + store.folder() + "'" + (count == 1 ? "" : " (shard " + store.manifest().shard() + ")")
                        + " is not finished: " + missing.size() + (missing.size() == 1 ? " cell has" : " cells have") + " not run ("
                        + missing.stream().limit(5).map(c -> "'" + manifest.cells().get(c).name() + "'").collect(Collectors.joining(", "))
                        + (missing.size() > 5 ? ", …" : "") + "); run its command again to finish it");
            }
        }
        return byShard;
    }

    /** The result of the stores, which must together hold every cell of one sweep once. */
    private static ExploreResult assemble(List<CellStore> stores) throws IOException, ExplorationFolderException {
        CellStore[] byShard = shards(stores);
        Manifest manifest = stores.get(0).manifest();
        int cells = manifest.cells().size();
        CellStore[] byCell = new CellStore[cells];
        for (CellStore store : byShard) {
            IndexRange range = store.manifest().shard().cells(cells);
            for (long c = range.from(); c < range.to(); c++) {
                byCell[(int) c] = store;
            }
        }
        List<ExploreResult.Cell> results = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            results.add(byCell[c].cell(c));
        }
        List<ExploreResult.Difference> differences = differences(manifest, results, c -> byCell[c].outcomes(c));
        return new ExploreResult(manifest.sweep(), results.get(0).trial().provenance(), manifest.analysis(), manifest.analysisLabel(),
                manifest.objective(), manifest.minPower(), manifest.maxTypeIError(), results, differences,
                Ranking.designs(manifest.designs(), manifest.minPower(), manifest.maxTypeIError(),
                        Sweep.Objective.valueOf(manifest.objective().toUpperCase(Locale.ROOT)), results));
    }

    /**
     * In each scenario, every design against the scenario's first design, replicate by replicate: on the sweep's analysis's
     * measures, and on the figures of the families of comparisons both cells have alike ({@link PairedMeasure#pairable}).
     */
    private static List<ExploreResult.Difference> differences(Manifest manifest, List<ExploreResult.Cell> cells, IntFunction<Path> outcomes)
            throws IOException {
        List<ExploreResult.Difference> differences = new ArrayList<>();
        for (String scenario : manifest.scenarios()) {
            int baseline = -1;
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).scenario().equals(scenario)) {
                    continue;
                }
                if (baseline < 0) {
                    baseline = c;
                    continue;
                }
                List<PairedMeasure.Pair> pairs = PairedMeasure.pairable(manifest.analysis(), cells.get(c), cells.get(baseline));
                List<PairedMeasure> measures = pairs.stream().map(PairedMeasure.Pair::measure).toList();
                ExactMoments[] paired = paired(outcomes.apply(c), outcomes.apply(baseline), manifest.replicates(), measures);
                for (int m = 0; m < pairs.size(); m++) {
                    PairedMeasure.Pair pair = pairs.get(m);
                    double unpaired = Math.sqrt(pair.mine().standardError() * pair.mine().standardError()
                            + pair.theirs().standardError() * pair.theirs().standardError());
                    differences.add(new ExploreResult.Difference(scenario, cells.get(c).design(), cells.get(baseline).design(),
                            pair.measure().name(), new Estimate(paired[m].mean(), paired[m].standardError()), unpaired));
                }
            }
        }
        return differences;
    }

    /** The moments of a − b for each measure, over the replicates of two cells' outcome files. */
    static ExactMoments[] paired(Path a, Path b, int replicates, List<PairedMeasure> measures) throws IOException {
        ExactMoments[] moments = new ExactMoments[measures.size()];
        Arrays.setAll(moments, m -> new ExactMoments());
        try (DataInputStream x = new DataInputStream(new BufferedInputStream(Files.newInputStream(a), 1 << 16));
             DataInputStream y = new DataInputStream(new BufferedInputStream(Files.newInputStream(b), 1 << 16))) {
            double[] p = new double[MEASURES.size()];
            double[] q = new double[MEASURES.size()];
            for (int r = 0; r < replicates; r++) {
                int rejectedP = Outcomes.read(x, p);
                int rejectedQ = Outcomes.read(y, q);
                for (int m = 0; m < moments.length; m++) {
                    moments[m].add(measures.get(m).of(p, rejectedP) - measures.get(m).of(q, rejectedQ));
                }
            }
        }
        return moments;
    }

    /**
     * One cell's per-replicate outcomes of the analysis: written to its file in replicate order, and
     * summed for the cell's figures.
     */
    private static final class Outcomes implements ReplicateListener, AutoCloseable {
        private final int analysis;
        private final DataOutputStream out;
        private final ExactMoments[] moments = new ExactMoments[MEASURES.size()];
        private long[] concludedAt = new long[4];
        private long replicates;
        private long rejections;
        /** The replicate whose rows are being read, its outcome of the analysis (once concluded), and the analyses that rejected in it. */
        private long replicate = -1;
        private ReplicateLook concluded;
        private int rejected;

        /** Outcomes written to the file; with a null file, only the sums (for a merge of slices' states). */
        Outcomes(int analysis, Path file) throws IOException {
            this.analysis = analysis;
            this.out = file == null ? null : new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            Arrays.setAll(moments, m -> new ExactMoments());
        }

        /** Writes the sums the figures come from (a slice's, to be merged with the other slices'). */
        void writeState(DataOutputStream state) throws IOException {
            state.writeLong(replicates);
            state.writeLong(rejections);
            state.writeInt(concludedAt.length);
            for (long n : concludedAt) {
                state.writeLong(n);
            }
            for (ExactMoments m : moments) {
                m.writeTo(state);
            }
            state.flush();
        }

        /** Adds a slice's sums written by {@link #writeState}: exact, so the figures do not depend on the cut. */
        void addState(DataInputStream state) throws IOException {
            replicates += state.readLong();
            rejections += state.readLong();
            int looks = state.readInt();
            if (looks < 0 || looks > 1_000_000) {
                throw new IOException(looks + " looks");
            }
            if (looks > concludedAt.length) {
                concludedAt = Arrays.copyOf(concludedAt, looks);
            }
            for (int k = 0; k < looks; k++) {
                concludedAt[k] += state.readLong();
            }
            for (ExactMoments m : moments) {
                m.merge(ExactMoments.readFrom(state));
            }
            if (state.read() != -1) {
                throw new IOException("bytes after the sums");
            }
        }

        /** Reads the rows; a replicate's outcome is written once its rows are all read (a call holds whole replicates). */
        @Override
        public void accept(List<ReplicateLook> rows) throws IOException {
            for (ReplicateLook row : rows) {
                if (row.replicate() != replicate) {
                    write();
                    replicate = row.replicate();
                }
                if (row.analysis() > MAX_ANALYSES) {
                    throw new IllegalStateException("analysis " + row.analysis() + " of more than " + MAX_ANALYSES);
                }
                if (row.decision().equals(ReplicateLook.EFFICACY)) {
                    rejected |= 1 << (row.analysis() - 1);
                }
                if (row.analysis() == analysis && row.concluded()) {
                    concluded = row;
                }
            }
            write();
        }

        /** Counts and writes the replicate read, if it has an outcome of the analysis. */
        private void write() throws IOException {
            if (concluded == null) {
                rejected = 0;
                return;
            }
            ReplicateLook row = concluded;
            boolean efficacy = row.decision().equals(ReplicateLook.EFFICACY);
            if (out != null) {
                out.writeBoolean(efficacy);
                out.writeInt(row.patients());
                out.writeInt(row.events());
                out.writeDouble(row.months());
                out.writeInt(rejected);
            }
            rejections += efficacy ? 1 : 0;
            moments[0].add(efficacy ? 1 : 0);
            moments[1].add(row.patients());
            moments[2].add(row.events());
            moments[3].add(row.months());
            if (row.look() > concludedAt.length) {
                concludedAt = Arrays.copyOf(concludedAt, Math.max(row.look(), concludedAt.length * 2));
            }
            concludedAt[row.look() - 1]++;
            replicates++;
            concluded = null;
            rejected = 0;
        }

        /** Reads one replicate's outcome of the analysis into {@code into} (in {@link #MEASURES}' order); returns the analyses that rejected, a bit each. */
        static int read(DataInputStream in, double[] into) throws IOException {
            into[0] = in.readBoolean() ? 1 : 0;
            into[1] = in.readInt();
            into[2] = in.readInt();
            into[3] = in.readDouble();
            return in.readInt();
        }

        /** The cell's figures; {@code looks} is the number of looks the report shows (1 without interim looks). */
        ExploreResult.Figures figures(int looks) {
            long early = 0;
            for (int k = 0; k < Math.min(looks - 1, concludedAt.length); k++) {
                early += concludedAt[k];
            }
            return new ExploreResult.Figures(Estimate.ofProportion(rejections, replicates), Estimate.ofProportion(early, replicates),
                    estimate(moments[1]), estimate(moments[2]), estimate(moments[3]));
        }

        private static Estimate estimate(ExactMoments m) {
            return new Estimate(m.mean(), m.standardError());
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }
}
