package org.trialsim.simulator.explore;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.trialsim.protocol.TrialsimVersion;

/**
 * What an exploration's folder holds the cells of (docs/shards.md): the sweep as it determines the
 * results — every cell with its changes and the content hash of its protocol as run, the seed, the
 * replicates, the analysis, the constraints and objective — the trialsim version, and the shard. A run
 * resumes into a folder, and shards are merged, only when everything but the shard is the same.
 *
 * @param format        always {@value #FORMAT}
 * @param version       the layout's version, {@value #VERSION}
 * @param trialsim      the trialsim version that wrote it
 * @param sweep         the sweep file as given, or "the command line"
 * @param sweepHash     SHA-256 (hex) of this manifest's other fields but the shard: equal for two runs of the same sweep
 * @param seed          the seed of every cell
 * @param replicates    simulated trials per cell
 * @param analysis      the analysis (from 1) the figures are about
 * @param analysisLabel what it compares
 * @param objective     patients, events or months
 * @param minPower      the constraint on the worst power, or null
 * @param maxTypeIError the constraint on the worst type I error, or null
 * @param replicateRecords whether each cell's per-replicate rows are kept too ({@code cell-NNNN.replicates.csv})
 * @param designs       the designs, in the sweep's order
 * @param scenarios     the scenarios, in the sweep's order
 * @param cells         every cell of the sweep (not only the shard's), in its order
 * @param shard         the slice of the cells this folder holds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String format, int version, String trialsim, String sweep, String sweepHash, long seed, int replicates,
                       int analysis, String analysisLabel, String objective, Double minPower, Double maxTypeIError, boolean replicateRecords,
                       List<String> designs, List<String> scenarios, List<Cell> cells, Shard shard) {
    /** The name that marks a trialsim exploration folder's manifest. */
    public static final String FORMAT = "trialsim-explore";
    /**
     * The layout's version; a folder of another version is refused rather than misread. 2: each replicate's outcome
     * also holds the analyses that rejected (for the families' paired differences).
     */
    public static final int VERSION = 2;

    public Manifest {
        designs = List.copyOf(designs);
        scenarios = List.copyOf(scenarios);
        cells = List.copyOf(cells);
    }

    /**
     * One cell of the sweep.
     *
     * @param name           each axis and its value
     * @param design         the values of the design axes
     * @param scenario       the values of the scenario axes
     * @param nullHypothesis whether it runs under the null hypothesis
     * @param settings       its changes to the protocol, in order
     * @param contentHash    SHA-256 of its protocol as run (after the changes): a changed protocol file changes it
     */
    public record Cell(String name, String design, String scenario, boolean nullHypothesis, List<String> settings,
                       String contentHash) {
        public Cell {
            settings = List.copyOf(settings);
        }
    }

    /** A manifest of the current trialsim version, with its sweep hash computed. */
    static Manifest of(String sweep, long seed, int replicates, int analysis, String analysisLabel, String objective, Double minPower,
                       Double maxTypeIError, boolean replicateRecords, List<String> designs, List<String> scenarios, List<Cell> cells,
                       Shard shard) {
        Manifest unhashed = new Manifest(FORMAT, VERSION, TrialsimVersion.get(), sweep, null, seed, replicates, analysis, analysisLabel,
                objective, minPower, maxTypeIError, replicateRecords, designs, scenarios, cells, null);
        return unhashed.withHash(hash(unhashed)).withShard(shard);
    }

    private Manifest withHash(String hash) {
        return new Manifest(format, version, trialsim, sweep, hash, seed, replicates, analysis, analysisLabel, objective, minPower,
                maxTypeIError, replicateRecords, designs, scenarios, cells, shard);
    }

    Manifest withShard(Shard s) {
        return new Manifest(format, version, trialsim, sweep, sweepHash, seed, replicates, analysis, analysisLabel, objective, minPower,
                maxTypeIError, replicateRecords, designs, scenarios, cells, s);
    }

    private static String hash(Manifest unhashed) {
        try {
            byte[] canonical = CellStore.MAPPER.writeValueAsBytes(unhashed);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a manifest", e);
        }
    }

    /**
     * A field that differs between two manifests: its name and its two values, as text (null for the
     * count of further cells that differ, beyond those named).
     */
    record Difference(String field, String was, String now) {
        /** {@code field: was X, now Y}. */
        String describe() {
            return was == null ? field : field + ": was " + was + ", now " + now;
        }

        /** {@code field: X in <there>, Y in <here>}. */
        String describe(String here, String there) {
            return was == null ? field : field + ": " + now + " in " + there + ", " + was + " in " + here;
        }
    }

    /**
     * What differs between this manifest and another, shard apart, field by field (at most three cells
     * named, then their count); empty if they are of the same sweep.
     */
    List<Difference> differencesFrom(Manifest now) {
        List<Difference> found = new ArrayList<>();
        compare(found, "trialsim version", now, Manifest::trialsim);
        compare(found, "sweep", now, Manifest::sweep);
        compare(found, "seed", now, Manifest::seed);
        compare(found, "replicates", now, Manifest::replicates);
        compare(found, "analysis", now, Manifest::analysis);
        compare(found, "objective", now, Manifest::objective);
        compare(found, "minPower", now, Manifest::minPower);
        compare(found, "maxTypeIError", now, Manifest::maxTypeIError);
        compare(found, "replicate records (--replicate-records)", now, Manifest::replicateRecords);
        if (cells.size() != now.cells.size()) {
            found.add(new Difference("number of cells", String.valueOf(cells.size()), String.valueOf(now.cells.size())));
        } else {
            int named = 0;
            for (int c = 0; c < cells.size(); c++) {
                Cell a = cells.get(c);
                Cell b = now.cells.get(c);
                if (!a.name().equals(b.name())) {
                    found.add(new Difference("cell " + (c + 1), "'" + a.name() + "'", "'" + b.name() + "'"));
                } else if (!a.settings().equals(b.settings()) || a.nullHypothesis() != b.nullHypothesis()) {
                    found.add(new Difference("the changes of cell '" + a.name() + "'", a.settings() + (a.nullHypothesis() ? " under the null" : ""),
                            b.settings() + (b.nullHypothesis() ? " under the null" : "")));
                } else if (!a.contentHash().equals(b.contentHash())) {
                    found.add(new Difference("the protocol of cell '" + a.name() + "' (its content hash)", a.contentHash(), b.contentHash()));
                } else if (!a.equals(b)) {
                    found.add(new Difference("the design or scenario of cell '" + a.name() + "'", a.design() + " / " + a.scenario(),
                            b.design() + " / " + b.scenario()));
                } else {
                    continue;
                }
                if (++named > 3) {
                    found.remove(found.size() - 1);
                }
            }
            if (named > 3) {
                found.add(new Difference("and " + (named - 3) + " more " + (named == 4 ? "cell" : "cells"), null, null));
            }
        }
        if (found.isEmpty() && !withShard(null).equals(now.withShard(null))) {
            found.add(new Difference("sweep hash", sweepHash, now.sweepHash));
        }
        return found;
    }

    private <T> void compare(List<Difference> found, String field, Manifest now, Function<Manifest, T> value) {
        T was = value.apply(this);
        T is = value.apply(now);
        if (!Objects.equals(was, is)) {
            found.add(new Difference(field, String.valueOf(was), String.valueOf(is)));
        }
    }
}
