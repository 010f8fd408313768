package org.trialsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.TrialsimVersion;
import org.trialsim.protocol.io.Format;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.ProtocolWriter;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.explore.Shard;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialPartial;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * The folder of a trial's shard ({@code trial --shard K/N --out-dir DIR}, docs/shards.md): the shard's
 * manifest, the protocol as run, and the codec of its partial tallies ({@link TrialPartial}); and the
 * merge of such folders into the result one run of every replicate gives, byte for byte.
 */
final class TrialShards {
    /** What marks a folder as a trial shard's. */
    static final String FORMAT = "trialsim-trial-shard";
    /** The version of the folder's layout: 2 writes the manifest first and the slices as they finish, so that a shard resumes. */
    static final int VERSION = 2;
    static final String MANIFEST = "manifest.json";
    static final String PROTOCOL = "protocol.json";
    static final String TALLIES = "tallies.bin";
    /** A finished slice of a shard not yet finished: {@code part-FROM-TO.bin}, its replicates {@code [FROM, TO)}. */
    private static final Pattern PART = Pattern.compile("part-([0-9]{1,10})-([0-9]{1,10})\\.bin");
    /**
     * The replicates of a slice per thread: four 64-replicate chunks a thread keeps the threads busy, and a stopped
     * shard loses at most a slice.
     */
    static final int SLICE = 256;

    /**
     * The mapper of manifests, made at its first use: every {@code simulate} and {@code trial} checks its
     * {@code --shard} option here, and making a mapper (whose set-up reads the time-zone and locale data
     * of a date format) took 45-55 ms of processor time in each fresh JVM, sharded or not.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    private TrialShards() {
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
     * @param replicates  the run's replicates (all shards)
     * @param nullScenario whether the null hypothesis was simulated
     * @param shard       K
     * @param shards      N
     * @param from        the shard's first replicate (from 0)
     * @param to          one past its last
     */
    record Manifest(String format, int version, String trialsim, String protocolId, String protocol, List<String> settings,
                    String contentHash, long seed, int replicates, boolean nullScenario, int shard, int shards, long from, long to) {
        /** The fields every shard of one run shares, by name, in the order a refusal names them. */
        Map<String, Object> identity() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trialsim version", trialsim);
            m.put("protocol", protocol);
            m.put("settings", settings);
            m.put("protocol content hash", contentHash);
            m.put("seed", seed);
            m.put("replicates", replicates);
            m.put("null", nullScenario);
            m.put("number of shards", shards);
            return m;
        }
    }

    /** The replicates {@code [from, to)} of shard K of N: ⌊(K−1)·R/N⌋ to ⌊K·R/N⌋ − 1. */
    static IndexRange replicates(Shard shard, int replicates) {
        if (shard.count() > replicates) {
            throw UserException.usage("--shard " + shard + ": " + replicates + " replicates cannot be cut into " + shard.count()
                    + " shards: at most " + replicates + ", one replicate each");
        }
        return new IndexRange((long) (shard.index() - 1) * replicates / shard.count(), (long) shard.index() * replicates / shard.count());
    }

    /** Refuses a folder that exists and is not empty, before anything runs. */
    static void checkEmpty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw UserException.usage("--out-dir " + dir + " is a file, not a folder");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw UserException.usage("--out-dir " + dir + " is not empty: a shard is written into a new or empty folder"
                            + " (remove the folder to run the shard again)");
                }
            }
        }
    }

    /** What a run of a trial's shard found in its folder and ran. */
    record Ran(long found, long ran) {
    }

    /**
     * Runs the shard into its folder, or resumes it there: a new or empty folder gets the manifest and the
     * protocol first; the shard's replicates then run in slices of at least {@value #SLICE}, each slice's
     * partial tallies written as it finishes ({@code part-FROM-TO.bin}); once every slice is there, they
     * are merged in order into {@value #TALLIES} and removed, and the shard is finished. A folder of the
     * same shard of the same run resumes: the slices found are not run again (nor the large trial, whose
     * true effects a slice holds). Whatever the stops, the tallies are those of one uninterrupted shard.
     *
     * @throws UserException (usage) if the folder is not this shard's: another run's (the fields that differ,
     *         with both values), not a trial shard's folder, or damaged
     */
    static Ran run(Path dir, LoadedProtocol loaded, Shard shard, TrialOptions options, TrialSimulation simulation, Progress progress)
            throws IOException {
        IndexRange range = replicates(shard, options.replicates());
        Manifest wanted = new Manifest(FORMAT, VERSION, TrialsimVersion.get(), loaded.protocol().id(), loaded.source(), loaded.settings(),
                loaded.contentHash(), options.seed(), options.replicates(), options.nullScenario(), shard.index(), shard.count(),
                range.from(), range.to());
        open(dir, loaded, wanted);
        if (Files.isRegularFile(dir.resolve(TALLIES))) {
            return new Ran(range.size(), 0);
        }
        List<IndexRange> found = parts(dir, range);
        long done = found.stream().mapToLong(IndexRange::size).sum();
        TrialPartial truths = found.isEmpty() ? null : read(simulation, dir, found.get(0));
        int slice = SLICE * options.threads();
        long next = range.from();
        long ran = 0;
        for (IndexRange part : found) {
            for (long from = next; from < part.from(); from += slice) {
                IndexRange r = new IndexRange(from, Math.min(part.from(), from + slice));
                truths = runSlice(dir, simulation, options, r, truths, progress, done + ran, range.size());
                ran += r.size();
            }
            next = part.to();
        }
        for (long from = next; from < range.to(); from += slice) {
            IndexRange r = new IndexRange(from, Math.min(range.to(), from + slice));
            truths = runSlice(dir, simulation, options, r, truths, progress, done + ran, range.size());
            ran += r.size();
        }
        List<IndexRange> all = parts(dir, range);
        Iterable<TrialPartial> slices = () -> all.stream().map(r -> read(simulation, dir, r)).iterator();
        TrialPartial whole;
        try {
            whole = simulation.combine(slices);
        } catch (IllegalArgumentException e) {
            throw UserException.usage("--out-dir " + dir + ": its slices cannot be merged (" + e.getMessage() + "); remove the folder and"
                    + " run the shard again");
        }
        ByteArrayOutputStream tallies = new ByteArrayOutputStream();
        whole.write(tallies);
        writeAtomically(dir, TALLIES, tallies.toByteArray());
        for (IndexRange r : all) {
            Files.deleteIfExists(dir.resolve(partName(r)));
        }
        return new Ran(done, ran);
    }

    /** Runs one slice and writes its tallies; returns a partial holding the run's true effects. */
    private static TrialPartial runSlice(Path dir, TrialSimulation simulation, TrialOptions options, IndexRange r, TrialPartial truths,
            Progress progress, long before, long total) throws IOException {
        Progress p = (done, of) -> progress.update(before + done, total);
        TrialPartial part = truths == null ? simulation.runPart(options, r, p) : simulation.runPart(options, r, p, truths);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.write(bytes);
        writeAtomically(dir, partName(r), bytes.toByteArray());
        return truths == null ? part : truths;
    }

    private static String partName(IndexRange r) {
        return "part-" + r.from() + "-" + r.to() + ".bin";
    }

    /**
     * Makes the folder this shard's, or checks that it is: a new or empty folder gets the protocol and the
     * manifest; a folder with a manifest must be of this shard of this run. Partial files a stopped run
     * left are removed.
     */
    private static void open(Path dir, LoadedProtocol loaded, Manifest wanted) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw UserException.usage("--out-dir " + dir + " is a file, not a folder");
        }
        Files.createDirectories(dir);
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.toList();
        }
        for (Path e : entries) {
            if (e.getFileName().toString().matches("\\..*\\.partial")) {
                Files.deleteIfExists(e);
            }
        }
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            if (entries.stream().anyMatch(e -> !e.getFileName().toString().matches("\\..*\\.partial"))) {
                throw UserException.usage("--out-dir " + dir + " is not empty and has no " + MANIFEST + ": it is not a trial shard's"
                        + " folder (a shard is written into a new or empty folder, or resumed in its own)");
            }
            writeAtomically(dir, PROTOCOL, ProtocolWriter.write(loaded.protocol(), Format.JSON).getBytes(StandardCharsets.UTF_8));
            writeAtomically(dir, MANIFEST, (Json.MAPPER.writeValueAsString(wanted) + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        Manifest there = manifest(dir);
        List<String> differences = new ArrayList<>();
        Map<String, Object> a = there.identity();
        a.put("shard", there.shard() + "/" + there.shards());
        Map<String, Object> b = wanted.identity();
        b.put("shard", wanted.shard() + "/" + wanted.shards());
        for (String field : a.keySet()) {
            if (!Objects.equals(a.get(field), b.get(field))) {
                differences.add(field + " " + a.get(field) + " there, " + b.get(field) + " now");
            }
        }
        if (!differences.isEmpty()) {
            throw UserException.usage("--out-dir " + dir + " holds a shard of another trial run, which it cannot resume: "
                    + String.join("; ", differences) + " (give another folder, or remove this one to run the shard anew)");
        }
    }

    /** The finished slices in the folder, in order; refused as damaged if one is outside the shard or overlaps another. */
    private static List<IndexRange> parts(Path dir, IndexRange shard) throws IOException {
        List<IndexRange> parts = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path e : (Iterable<Path>) list::iterator) {
                Matcher m = PART.matcher(e.getFileName().toString());
                if (m.matches()) {
                    long from = Long.parseLong(m.group(1));
                    long to = Long.parseLong(m.group(2));
                    if (from < shard.from() || to > shard.to() || to <= from) {
                        throw damaged(e, "its replicates are not a slice of the shard's, " + shard.from() + " to " + (shard.to() - 1));
                    }
                    parts.add(new IndexRange(from, to));
                }
            }
        }
        parts.sort(Comparator.comparingLong(IndexRange::from));
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i).from() < parts.get(i - 1).to()) {
                throw damaged(dir.resolve(partName(parts.get(i))), "it overlaps " + partName(parts.get(i - 1)));
            }
        }
        return parts;
    }

    private static TrialPartial read(TrialSimulation simulation, Path dir, IndexRange r) {
        Path file = dir.resolve(partName(r));
        TrialPartial part;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            part = simulation.readPartial(in);
        } catch (IOException e) {
            throw damaged(file, e.getMessage());
        }
        if (!part.range().equals(r)) {
            throw damaged(file, "it holds replicates " + part.range().from() + " to " + (part.range().to() - 1) + ", not those of its name");
        }
        return part;
    }

    static void writeAtomically(Path dir, String name, byte[] bytes) throws IOException {
        Path partial = dir.resolve("." + name + ".partial");
        Path target = dir.resolve(name);
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE); OutputStream out = Channels.newOutputStream(channel)) {
            out.write(bytes);
            out.flush();
            channel.force(true);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The shard --shard asks for, or null for a whole run, checked against the options a shard does not take:
     * a shard writes its partial tallies to --out-dir, never a result to --out, and none of the whole run's
     * per-patient or per-replicate files.
     *
     * @param wholeRunOnly the option that applies to a whole run only (e.g. "--records"), and {@code itsValue}
     *                     its value, or null when it is not given
     */
    static Shard parseShard(String shard, Path outDir, Path out, String wholeRunOnly, Path itsValue) {
        if (shard == null) {
            if (outDir != null) {
                throw UserException.usage("--out-dir applies with --shard K/N; without it, write the result with --out FILE");
            }
            return null;
        }
        Shard slice;
        try {
            slice = Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw UserException.usage("--shard: " + e.getMessage());
        }
        if (outDir == null) {
            throw UserException.usage("--shard " + shard + " writes the shard's partial tallies to a folder: give it with --out-dir DIR");
        }
        if (out != null) {
            throw UserException.usage("--shard " + shard + " writes no result, only the shard's partial tallies to --out-dir;"
                    + " 'trialsim merge' writes the result (with --out) once every shard has run");
        }
        if (itsValue != null) {
            throw UserException.usage(wholeRunOnly + " applies to a whole run, not to --shard " + shard);
        }
        return slice;
    }

    /** Whether the folder's manifest says it is a trial shard's (it may still be damaged). */
    static boolean isTrialShard(Path dir) {
        return hasFormat(dir, FORMAT);
    }

    /** Whether the folder's manifest names this format (trial or cohort shard; the folder may still be damaged). */
    static boolean hasFormat(Path dir, String format) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(manifest.toFile());
            return node != null && format.equals(node.path("format").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Refuses, naming the field that differs with both values, folders whose manifests are not of one run.
     *
     * @param identities each folder's identity (the fields every shard of one run shares, by name), in the order of {@code dirs}
     * @param kind       what runs they are, for the message ("trial", "cohort")
     */
    static void requireOneRun(List<Path> dirs, List<Map<String, Object>> identities, String kind) {
        Map<String, Object> a = identities.get(0);
        for (int i = 1; i < identities.size(); i++) {
            Map<String, Object> b = identities.get(i);
            for (String field : a.keySet()) {
                if (!Objects.equals(a.get(field), b.get(field))) {
                    throw UserException.usage("'" + dirs.get(0) + "' and '" + dirs.get(i) + "' are shards of different " + kind
                            + " runs: " + field + " " + a.get(field) + " in the first, " + b.get(field) + " in the second");
                }
            }
        }
    }

    /**
     * The result of the run from the folders of its shards, in any order: what one {@code trial} run with
     * the same protocol, seed and replicates gives.
     *
     * @throws UserException (usage) naming the folders, if they are not the shards of one run, each once
     */
    static Result merge(List<Path> dirs, Simulator simulator) throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        for (Path dir : dirs) {
            manifests.add(manifest(dir));
        }
        Manifest first = manifests.get(0);
        requireOneRun(dirs, manifests.stream().map(Manifest::identity).toList(), "trial");
        Path[] byShard = new Path[first.shards() + 1];
        for (int i = 0; i < manifests.size(); i++) {
            int k = manifests.get(i).shard();
            if (!Files.isRegularFile(dirs.get(i).resolve(TALLIES))) {
                throw UserException.usage("shard " + k + "/" + first.shards() + " in '" + dirs.get(i) + "' has not finished: run its"
                        + " command again, and it runs the replicates it has not run yet");
            }
            if (byShard[k] != null) {
                throw UserException.usage("shard " + k + "/" + first.shards() + " is given twice: '" + byShard[k] + "' and '"
                        + dirs.get(i) + "'");
            }
            byShard[k] = dirs.get(i);
        }
        for (int k = 1; k <= first.shards(); k++) {
            if (byShard[k] == null) {
                IndexRange range = replicates(new Shard(k, first.shards()), first.replicates());
                throw UserException.usage("shard " + k + "/" + first.shards() + " (replicates " + range.from() + " to "
                        + (range.to() - 1) + ") is missing; run it with 'trial --shard " + k + "/" + first.shards()
                        + " --out-dir DIR' and give its folder too");
            }
        }
        LoadedProtocol loaded = protocol(byShard[1], first);
        TrialSimulation simulation = simulator.trialSimulation(loaded);
        // each shard's tallies are read as the merge comes to them, so that memory holds few at a time
        Iterable<TrialPartial> parts = () -> IntStream.rangeClosed(1, first.shards())
                .mapToObj(k -> read(simulation, byShard[k], manifests.get(dirs.indexOf(byShard[k])))).iterator();
        try {
            return new Result(simulation.merge(parts), loaded);
        } catch (IllegalArgumentException e) {
            throw UserException.usage("the shards cannot be merged: " + e.getMessage());
        }
    }

    private static TrialPartial read(TrialSimulation simulation, Path dir, Manifest m) {
        Path file = dir.resolve(TALLIES);
        TrialPartial part;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            part = simulation.readPartial(in);
        } catch (IOException e) {
            throw damaged(file, e.getMessage());
        }
        if (part.range().from() != m.from() || part.range().to() != m.to() || part.seed() != m.seed()
                || part.replicates() != m.replicates() || part.nullScenario() != m.nullScenario()) {
            throw damaged(file, "it holds replicates " + part.range().from() + " to " + (part.range().to() - 1) + " of "
                    + part.replicates() + " (seed " + part.seed() + "), not what its manifest says");
        }
        return part;
    }

    /** A merged trial result and the protocol it is of (its report needs both). */
    record Result(TrialResult result, LoadedProtocol loaded) {
    }

    private static Manifest manifest(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw UserException.usage("'" + dir + "' is not a folder");
        }
        if (!Files.isRegularFile(file)) {
            throw UserException.usage("'" + dir + "' has no " + MANIFEST + ": it is not a trial shard's folder");
        }
        Manifest m;
        try {
            m = Json.MAPPER.readValue(file.toFile(), Manifest.class);
        } catch (JsonProcessingException e) {
            throw damaged(file, e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (!FORMAT.equals(m.format())) {
            throw UserException.usage("'" + dir + "' is not a trial shard's folder (its manifest's format is " + m.format() + ")");
        }
        if (m.version() != VERSION) {
            throw UserException.usage("'" + dir + "' is a trial shard's folder of layout version " + m.version() + "; this trialsim"
                    + " reads version " + VERSION);
        }
        if (m.shards() < 1 || m.shard() < 1 || m.shard() > m.shards() || m.replicates() < m.shards()) {
            throw damaged(file, "shard " + m.shard() + "/" + m.shards() + " of " + m.replicates() + " replicates");
        }
        return m;
    }

    /** The protocol as the shards ran it, read back from the folder and checked against the manifest's content hash. */
    private static LoadedProtocol protocol(Path dir, Manifest m) throws IOException {
        return protocol(dir, m.protocol(), m.contentHash(), m.settings());
    }

    /** The protocol as a shard ran it (from its folder's {@value #PROTOCOL}), checked against the content hash of its manifest. */
    static LoadedProtocol protocol(Path dir, String source, String contentHash, List<String> settings) throws IOException {
        Path file = dir.resolve(PROTOCOL);
        LoadedProtocol read;
        try {
            read = new ProtocolReader().read(file.toString(), Files.readAllBytes(file));
        } catch (ProtocolException e) {
            throw damaged(file, e.getMessage().lines().findFirst().orElse(""));
        }
        if (!read.contentHash().equals(contentHash)) {
            throw damaged(file, "its content hash is " + read.contentHash() + ", the manifest's " + contentHash);
        }
        return new LoadedProtocol(read.protocol(), source, contentHash, settings, List.of());
    }

    static UserException damaged(Path file, String why) {
        return UserException.usage("'" + file + "' is damaged (" + why + "); run the shard's command again into an empty folder");
    }
}
