package org.trialsim.simulator.explore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Setting;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.run.InvalidProtocolException;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.run.Provenance;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.stats.ExactMoments;
import org.trialsim.simulator.trial.ReplicateListener;
import org.trialsim.simulator.trial.ReplicateLook;
import org.trialsim.simulator.trial.TrialResult;

/**
 * Runs a sweep: checks every cell before any runs, then simulates the cells one after the other, each
 * on all threads, with the same seed and replicates. Since a trial's random numbers are addressed by
 * replicate, patient and purpose (never by thread or by run), replicate i of every cell has the same
 * virtual patients and arrival times: the difference between two cells is estimated replicate by
 * replicate, with a paired standard error far smaller than that of two independent runs when the cells
 * are alike. Each cell's per-replicate outcome of the chosen analysis (rejected, patients, events,
 * months: {@value #BYTES_PER_REPLICATE} bytes) goes to a temporary file as the replicates are merged,
 * and the pairs are formed by reading two such files side by side, so memory does not grow with the
 * replicates; the files are removed when the run ends, fails or is interrupted (a JVM killed outright
 * leaves them in the system's temporary folder).
 */
public final class Exploration {
    /** Bytes of one replicate's outcome in a cell's temporary file: rejected, patients, events, months. */
    static final int BYTES_PER_REPLICATE = 1 + 4 + 4 + 8;
    /** The measures compared between cells, in the order of {@link Outcome}'s values. */
    static final List<String> MEASURES = List.of("rejection", "patients", "events", "months");

    private final Sweep sweep;
    private final Trials trials;

    private Exploration(Sweep sweep, Trials trials) {
        this.sweep = sweep;
        this.trials = trials;
    }

    /** An exploration of the sweep with the simulator's trials. */
    public static Exploration of(Sweep sweep, Trials trials) {
        return new Exploration(sweep, trials);
    }

    /**
     * Checks every cell's protocol and design, and reports every problem at once, each naming its cell.
     *
     * @return the label of the analysis the sweep is about
     * @throws IOException       if the protocol cannot be read
     * @throws ProtocolException with every problem of every cell
     */
    public String check() throws IOException, ProtocolException {
        List<Problem> problems = new ArrayList<>();
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
            try {
                List<String> analyses = trials.analyses(loaded);
                if (sweep.analysis() > analyses.size()) {
                    problems.add(problem(prefix + "the sweep is about analysis " + sweep.analysis() + ", but the design has "
                            + analyses.size() + (analyses.size() == 1 ? " analysis" : " analyses")));
                } else if (label == null) {
                    label = analyses.get(sweep.analysis() - 1);
                }
            } catch (InvalidProtocolException e) {
                Problem p = e.problem();
                problems.add(new Problem(p.severity(), p.file(), p.path(), p.line(), p.column(), prefix + p.message()));
            } catch (IllegalArgumentException e) {
                problems.add(problem(prefix + "the protocol's design cannot be simulated as a trial: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProtocolException(problems);
        }
        return label;
    }

    private Problem problem(String message) {
        return new Problem(Problem.Severity.ERROR, sweep.source(), "", 0, 0, message);
    }

    /**
     * Checks the cells, then runs them.
     *
     * @param progress told of the replicates done over all cells
     * @throws IOException       if the protocol cannot be read or a temporary file cannot be written
     * @throws ProtocolException if a cell is not valid (nothing has run then)
     */
    public ExploreResult run(ExploreOptions options, Progress progress) throws IOException, ProtocolException {
        String label = check();
        Path folder = Files.createTempDirectory("trialsim-explore");
        // Ctrl-C ends the JVM without this method's finally: the shutdown removes them then (files first, then the folder)
        folder.toFile().deleteOnExit();
        try {
            return run(options, progress, label, folder);
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    private ExploreResult run(ExploreOptions options, Progress progress, String label, Path folder) throws IOException, ProtocolException {
        List<Sweep.Cell> cells = sweep.cells();
        long total = (long) cells.size() * options.replicates();
        List<ExploreResult.Cell> results = new ArrayList<>();
        List<ExploreResult.Figures> figures = new ArrayList<>();
        Provenance provenance = null;
        for (int c = 0; c < cells.size(); c++) {
            Sweep.Cell cell = cells.get(c);
            List<Setting> settings = sweep.settings(cell);
            LoadedProtocol loaded = trials.load(settings);
            long offset = (long) c * options.replicates();
            Path file = folder.resolve(c + ".bin");
            Outcomes outcomes = new Outcomes(sweep.analysis(), file);
            file.toFile().deleteOnExit();
            TrialResult trial;
            try (outcomes) {
                trial = trials.run(loaded, options.trial(Sweep.nullHypothesis(cell)), (done, all) -> progress.update(offset + done, total),
                        outcomes);
            }
            if (provenance == null) {
                provenance = trial.provenance();
            }
            ExploreResult.Figures f = outcomes.figures(trial.analyses().get(sweep.analysis() - 1).looks().size());
            figures.add(f);
            results.add(new ExploreResult.Cell(sweep.name(cell), sweep.design(cell), sweep.scenario(cell), Sweep.nullHypothesis(cell),
                    settings.stream().map(Setting::toString).toList(), f, trial));
        }
        List<ExploreResult.Difference> differences = differences(results, figures, folder, options.replicates());
        return new ExploreResult(sweep.source(), provenance, sweep.analysis(), label, sweep.objective().name().toLowerCase(Locale.ROOT),
                sweep.minPower(), sweep.maxTypeIError(), results, differences, Ranking.designs(sweep, results));
    }

    /** In each scenario, every design against the scenario's first design, replicate by replicate. */
    private List<ExploreResult.Difference> differences(List<ExploreResult.Cell> cells, List<ExploreResult.Figures> figures, Path folder,
                                                       int replicates) throws IOException {
        List<ExploreResult.Difference> differences = new ArrayList<>();
        for (String scenario : sweep.scenarios()) {
            int baseline = -1;
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).scenario().equals(scenario)) {
                    continue;
                }
                if (baseline < 0) {
                    baseline = c;
                    continue;
                }
                ExactMoments[] paired = paired(folder.resolve(c + ".bin"), folder.resolve(baseline + ".bin"), replicates);
                Estimate[] mine = estimates(figures.get(c));
                Estimate[] theirs = estimates(figures.get(baseline));
                for (int m = 0; m < MEASURES.size(); m++) {
                    double unpaired = Math.sqrt(mine[m].standardError() * mine[m].standardError()
                            + theirs[m].standardError() * theirs[m].standardError());
                    differences.add(new ExploreResult.Difference(scenario, cells.get(c).design(), cells.get(baseline).design(),
                            MEASURES.get(m), new Estimate(paired[m].mean(), paired[m].standardError()), unpaired));
                }
            }
        }
        return differences;
    }

    private static Estimate[] estimates(ExploreResult.Figures f) {
        return new Estimate[] {f.rejection(), f.patients(), f.events(), f.months()};
    }

    /** The moments of a − b for each measure, over the replicates of two cells' outcome files. */
    static ExactMoments[] paired(Path a, Path b, int replicates) throws IOException {
        ExactMoments[] moments = new ExactMoments[MEASURES.size()];
        Arrays.setAll(moments, m -> new ExactMoments());
        try (DataInputStream x = new DataInputStream(new BufferedInputStream(Files.newInputStream(a), 1 << 16));
             DataInputStream y = new DataInputStream(new BufferedInputStream(Files.newInputStream(b), 1 << 16))) {
            double[] p = new double[MEASURES.size()];
            double[] q = new double[MEASURES.size()];
            for (int r = 0; r < replicates; r++) {
                Outcomes.read(x, p);
                Outcomes.read(y, q);
                for (int m = 0; m < p.length; m++) {
                    moments[m].add(p[m] - q[m]);
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

        Outcomes(int analysis, Path file) throws IOException {
            this.analysis = analysis;
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            Arrays.setAll(moments, m -> new ExactMoments());
        }

        @Override
        public void accept(List<ReplicateLook> rows) throws IOException {
            for (ReplicateLook row : rows) {
                if (row.analysis() != analysis || !row.concluded()) {
                    continue;
                }
                boolean rejected = row.decision().equals(ReplicateLook.EFFICACY);
                out.writeBoolean(rejected);
                out.writeInt(row.patients());
                out.writeInt(row.events());
                out.writeDouble(row.months());
                rejections += rejected ? 1 : 0;
                moments[0].add(rejected ? 1 : 0);
                moments[1].add(row.patients());
                moments[2].add(row.events());
                moments[3].add(row.months());
                if (row.look() > concludedAt.length) {
                    concludedAt = Arrays.copyOf(concludedAt, Math.max(row.look(), concludedAt.length * 2));
                }
                concludedAt[row.look() - 1]++;
                replicates++;
            }
        }

        static void read(DataInputStream in, double[] into) throws IOException {
            into[0] = in.readBoolean() ? 1 : 0;
            into[1] = in.readInt();
            into[2] = in.readInt();
            into[3] = in.readDouble();
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
            out.close();
        }
    }
}
