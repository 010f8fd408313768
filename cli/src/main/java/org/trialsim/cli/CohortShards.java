package org.trialsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.TrialsimVersion;
import org.trialsim.protocol.io.Format;
import org.trialsim.protocol.io.ProtocolWriter;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.cohort.CohortPartial;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.CohortSimulation;
import org.trialsim.simulator.cohort.FollowUpWindow;
import org.trialsim.simulator.explore.Shard;
import org.trialsim.simulator.run.IndexRange;

/**
 * The folder of a cohort's shard ({@code simulate --shard K/N --out-dir DIR}, docs/shards.md): the
 * shard's manifest, the protocol as run, and the codec of its partial tallies ({@link CohortPartial});
 * and the merge of such folders into the result one run of every patient gives, byte for byte. The
 * layout is a trial shard's ({@link TrialShards}), with patients for replicates.
 */
final class CohortShards {
    /** What marks a folder as a cohort shard's. */
    static final String FORMAT = "trialsim-cohort-shard";
    /** The version of the folder's layout. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CohortShards() {
    }

    /**
     * A shard's manifest: what run it is part of and which slice it holds.
     *
     * @param format      {@value #FORMAT}
     * @param version     {@value #VERSION}
     * @param trialsim    the trialsim version that wrote it
     * @param protocolId  the protocol's id
     * @param protocol    where it was read from
     * @param settings    the --set changes, in order
     * @param contentHash SHA-256 of the protocol as run
     * @param seed        the run's seed
     * @param patients    the run's patients per arm (all shards)
     * @param arm         the one arm run (--arm), or null for every arm
     * @param subgroups   the subgroups' conditions (--by), in order
     * @param followUp    the data cuts' follow-up windows (--follow-up), each [shortest, longest] months
     * @param versus      the control arms of the hazard ratios (--hazard-ratio, --versus)
     * @param shard       K
     * @param shards      N
     * @param from        the shard's first patient (from 0)
     * @param to          one past its last
     */
    record Manifest(String format, int version, String trialsim, String protocolId, String protocol, List<String> settings,
                    String contentHash, long seed, long patients, String arm, List<String> subgroups, List<List<Double>> followUp,
                    List<String> versus, int shard, int shards, long from, long to) {
        /** The fields every shard of one run shares, by name, in the order a refusal names them. */
        Map<String, Object> identity() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trialsim version", trialsim);
            m.put("protocol", protocol);
            m.put("settings", settings);
            m.put("protocol content hash", contentHash);
            m.put("seed", seed);
            m.put("patients", patients);
            m.put("arm", arm == null ? "every arm" : arm);
            m.put("subgroups (--by)", subgroups);
            m.put("follow-up windows (--follow-up)", followUp);
            m.put("hazard ratios against (--hazard-ratio)", versus);
            m.put("number of shards", shards);
            return m;
        }
    }

    /** The patients {@code [from, to)} of shard K of N: ⌊(K−1)·n/N⌋ to ⌊K·n/N⌋ − 1. */
    static IndexRange patients(Shard shard, long patients) {
        if (shard.count() > patients) {
            throw UserException.usage("--shard " + shard + ": " + patients + " patients cannot be cut into " + shard.count()
                    + " shards: at most " + patients + ", one patient each");
        }
        return new IndexRange((shard.index() - 1) * patients / shard.count(), shard.index() * patients / shard.count());
    }

    /** Writes the shard's folder: the protocol, the tallies, and the manifest last (a folder with a manifest is finished). */
    static void write(Path dir, LoadedProtocol loaded, Shard shard, CohortPartial partial) throws IOException {
        Files.createDirectories(dir);
        TrialShards.writeAtomically(dir, TrialShards.PROTOCOL,
                ProtocolWriter.write(loaded.protocol(), Format.JSON).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream tallies = new ByteArrayOutputStream();
        partial.write(tallies);
        TrialShards.writeAtomically(dir, TrialShards.TALLIES, tallies.toByteArray());
        Manifest m = new Manifest(FORMAT, VERSION, TrialsimVersion.get(), loaded.protocol().id(), loaded.source(), loaded.settings(),
                loaded.contentHash(), partial.seed(), partial.patients(), partial.arm(), partial.subgroups(),
                partial.cuts().stream().map(FollowUpWindow::months).toList(), partial.versus(), shard.index(),
                shard.count(), partial.range().from(), partial.range().to());
        TrialShards.writeAtomically(dir, TrialShards.MANIFEST, (MAPPER.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the folder's manifest says it is a cohort shard's (it may still be damaged). */
    static boolean isCohortShard(Path dir) {
        return TrialShards.hasFormat(dir, FORMAT);
    }

    /**
     * The result of the run from the folders of its shards, in any order: what one {@code simulate} run
     * with the same protocol, seed, patients, arm, subgroups, follow-up windows and hazard ratios gives.
     *
     * @throws UserException (usage) naming the folders, if they are not the shards of one run, each once, or one is damaged
     */
    static Result merge(List<Path> dirs, Simulator simulator) throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        for (Path dir : dirs) {
            manifests.add(manifest(dir));
        }
        Manifest first = manifests.get(0);
        TrialShards.requireOneRun(dirs, manifests.stream().map(Manifest::identity).toList(), "cohort");
        Path[] byShard = new Path[first.shards() + 1];
        Manifest[] manifestOf = new Manifest[first.shards() + 1];
        for (int i = 0; i < manifests.size(); i++) {
            int k = manifests.get(i).shard();
            if (byShard[k] != null) {
                throw UserException.usage("shard " + k + "/" + first.shards() + " is given twice: '" + byShard[k] + "' and '"
                        + dirs.get(i) + "'");
            }
            byShard[k] = dirs.get(i);
            manifestOf[k] = manifests.get(i);
        }
        for (int k = 1; k <= first.shards(); k++) {
            if (byShard[k] == null) {
                IndexRange range = patients(new Shard(k, first.shards()), first.patients());
                throw UserException.usage("shard " + k + "/" + first.shards() + " (patients " + range.from() + " to "
                        + (range.to() - 1) + ") is missing; run it with 'simulate --shard " + k + "/" + first.shards()
                        + " --out-dir DIR' and give its folder too");
            }
        }
        LoadedProtocol loaded = TrialShards.protocol(byShard[1], first.protocol(), first.contentHash(), first.settings());
        CohortSimulation simulation = simulator.cohortSimulation(loaded);
        // each shard's tallies are decoded as the merge comes to them, so that memory holds the total and one shard's
        Iterable<CohortPartial> parts = () -> IntStream.rangeClosed(1, first.shards())
                .mapToObj(k -> read(simulation, byShard[k], manifestOf[k])).iterator();
        try {
            return new Result(simulation.merge(parts), loaded);
        } catch (IllegalArgumentException e) {
            throw UserException.usage("the shards cannot be merged: " + e.getMessage());
        }
    }

    private static CohortPartial read(CohortSimulation simulation, Path dir, Manifest m) {
        Path file = dir.resolve(TrialShards.TALLIES);
        CohortPartial part;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            part = simulation.readPartial(in);
        } catch (IOException e) {
            throw TrialShards.damaged(file, e.getMessage());
        }
        if (part.range().from() != m.from() || part.range().to() != m.to() || part.seed() != m.seed()
                || part.patients() != m.patients() || !Objects.equals(part.arm(), m.arm()) || !part.subgroups().equals(m.subgroups())
                || !part.cuts().stream().map(FollowUpWindow::months).toList().equals(m.followUp()) || !part.versus().equals(m.versus())) {
            throw TrialShards.damaged(file, "it holds patients " + part.range().from() + " to " + (part.range().to() - 1) + " of "
                    + part.patients() + " (seed " + part.seed() + "), not what its manifest says");
        }
        return part;
    }

    /** A merged cohort result and the protocol it is of (its report needs both). */
    record Result(CohortResult result, LoadedProtocol loaded) {
    }

    private static Manifest manifest(Path dir) throws IOException {
        Path file = dir.resolve(TrialShards.MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw UserException.usage("'" + dir + "' is not a folder");
        }
        if (!Files.isRegularFile(file)) {
            throw UserException.usage("'" + dir + "' has no " + TrialShards.MANIFEST + ": it is not a cohort shard's folder, or its"
                    + " shard has not finished (run its command again into an empty folder)");
        }
        Manifest m;
        try {
            m = MAPPER.readValue(file.toFile(), Manifest.class);
        } catch (JsonProcessingException e) {
            throw TrialShards.damaged(file, e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (!FORMAT.equals(m.format())) {
            throw UserException.usage("'" + dir + "' is not a cohort shard's folder (its manifest's format is " + m.format() + ")");
        }
        if (m.version() != VERSION) {
            throw UserException.usage("'" + dir + "' is a cohort shard's folder of layout version " + m.version() + "; this trialsim"
                    + " reads version " + VERSION);
        }
        if (m.shards() < 1 || m.shard() < 1 || m.shard() > m.shards() || m.patients() < m.shards() || m.subgroups() == null
                || m.settings() == null || m.followUp() == null || m.versus() == null) {
            throw TrialShards.damaged(file, "shard " + m.shard() + "/" + m.shards() + " of " + m.patients() + " patients");
        }
        return m;
    }
}
