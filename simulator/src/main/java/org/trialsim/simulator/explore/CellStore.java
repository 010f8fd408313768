package org.trialsim.simulator.explore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An exploration's folder (docs/shards.md): {@value #MANIFEST} first, then for each finished cell its
 * per-replicate outcomes ({@code cell-NNNN.outcomes}, {@value Exploration#BYTES_PER_REPLICATE} bytes a
 * replicate) and its result ({@code cell-NNNN.json}), NNNN its index from 0. Every file is written under
 * a hidden {@code .NAME.partial} name, forced to disk and renamed, so a file is whole or absent; a cell
 * is finished when its JSON is there (written last), and what a stopped run leaves — partial files, an
 * outcomes file without its JSON — is run again or removed by the next run into the folder. The cells'
 * results are read back only when the exploration is assembled, so a run keeps none of them.
 */
final class CellStore {
    /** The manifest's file name. */
    static final String MANIFEST = "manifest.json";
    /** The strict mapper of the folder's files: a manifest or cell of another shape is refused, never misread. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String PARTIAL = ".partial";

    private final Path folder;
    private final Manifest manifest;
    private final boolean temporary;

    private CellStore(Path folder, Manifest manifest, boolean temporary) {
        this.folder = folder;
        this.manifest = manifest;
        this.temporary = temporary;
    }

    /**
     * One cell's file: its index, and its result.
     *
     * @param version the layout's version ({@link Manifest#VERSION})
     * @param index   the cell's index in the sweep, from 0
     * @param cell    the cell's result
     */
    record CellFile(int version, int index, ExploreResult.Cell cell) {
    }

    /**
     * What a shard cut by replicates keeps of one cell beside its partial tallies and outcomes
     * ({@code cell-NNNN.part.json}, written last: the cell's slice is finished when it is there).
     *
     * @param version     the layout's version ({@link Manifest#VERSION})
     * @param index       the cell's index in the sweep, from 0
     * @param protocol    where the cell's protocol was read from
     * @param settings    its changes, in order, as its trial's provenance has them
     * @param contentHash SHA-256 of its protocol as run ({@code cell-NNNN.protocol.json})
     * @param from        the slice's first replicate
     * @param to          one past its last
     */
    record PartFile(int version, int index, String protocol, List<String> settings, String contentHash, long from, long to) {
    }

    /**
     * The folder for a run of the manifest's sweep: made (with its manifest) if it does not exist or is
     * empty; resumed if it holds a run of the same sweep and shard, its leftover partial files removed.
     *
     * @param temporary whether the folder is removed when the JVM ends (every file is then marked so)
     * @throws ExplorationFolderException if it is a file, a folder that is not an exploration's, or one of another
     *                                    sweep or shard (the message names each field that differs)
     */
    static CellStore open(Path folder, Manifest manifest, boolean temporary) throws IOException, ExplorationFolderException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ExplorationFolderException("'" + folder + "' is not a folder; an exploration's results go to a folder of their own");
        }
        Files.createDirectories(folder);
        CellStore store = new CellStore(folder, manifest, temporary);
        if (!Files.exists(folder.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
            if (!empty(folder)) {
                throw new ExplorationFolderException("'" + folder + "' is not empty and has no " + MANIFEST + ", so it is not a trialsim"
                        + " explore folder; nothing in it was changed. Give a new or empty folder");
            }
            store.writeAtomically(MANIFEST, MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest));
            return store;
        }
        Manifest found = read(folder).manifest;
        List<Manifest.Difference> differences = found.differencesFrom(manifest);
        if (!differences.isEmpty()) {
            throw new ExplorationFolderException("'" + folder + "' holds the cells of another exploration, so it cannot be resumed: "
                    + differences.stream().map(Manifest.Difference::describe).collect(Collectors.joining("; "))
                    + ". Run the same command as before to resume it, or give another folder");
        }
        if (!found.shard().equals(manifest.shard())) {
            throw new ExplorationFolderException("'" + folder + "' holds shard " + found.shard() + " of this exploration, not "
                    + (manifest.shard().whole() ? "the whole sweep" : "shard " + manifest.shard()) + "; give each shard a folder of its own");
        }
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(folder, ".*" + PARTIAL)) {
            for (Path p : partials) {
                Files.deleteIfExists(p);
            }
        }
        return store;
    }

    /**
     * An existing exploration folder, for merging.
     *
     * @throws ExplorationFolderException if it is not an exploration's folder, or of another layout version
     */
    static CellStore read(Path folder) throws IOException, ExplorationFolderException {
        if (!Files.isDirectory(folder)) {
            throw new ExplorationFolderException("'" + folder + "' is not a folder" + (Files.exists(folder) ? "" : ": it does not exist"));
        }
        Path file = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ExplorationFolderException("'" + folder + "' has no " + MANIFEST + ", so it is not a trialsim explore folder");
        }
        Manifest manifest;
        try {
            manifest = MAPPER.readValue(file.toFile(), Manifest.class);
        } catch (JsonProcessingException e) {
            throw new ExplorationFolderException("'" + file + "' is not the manifest of a trialsim explore folder: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (!Manifest.FORMAT.equals(manifest.format()) || manifest.version() != Manifest.VERSION) {
            throw new ExplorationFolderException("'" + file + "' is a manifest of format " + manifest.format() + " version "
                    + manifest.version() + "; this trialsim reads " + Manifest.FORMAT + " version " + Manifest.VERSION);
        }
        if (manifest.shard() == null || manifest.cells().isEmpty() || manifest.replicates() < 1
                || manifest.shard().count() > (manifest.shard().byReplicates() ? manifest.replicates() : manifest.cells().size())) {
            throw new ExplorationFolderException("'" + file + "' is damaged: it lacks its shard, cells or replicates");
        }
        return new CellStore(folder, manifest, false);
    }

    private static boolean empty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    Manifest manifest() {
        return manifest;
    }

    Path folder() {
        return folder;
    }

    /** The cells of this folder's shard that have not finished, in order. */
    List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        var range = manifest.shard().cells(manifest.cells().size());
        for (long c = range.from(); c < range.to(); c++) {
            if (!finished((int) c)) {
                missing.add((int) c);
            }
        }
        return missing;
    }

    boolean finished(int cell) {
        return Files.isRegularFile(folder.resolve(name(cell, manifest.shard().byReplicates() ? ".part.json" : ".json")));
    }

    /**
     * Makes a cell's slice of the replicates finished (a shard cut by replicates): its outcomes take
     * their name, then its protocol, partial tallies and figures' state are written, and its part file last.
     */
    void finishPart(int cell, PartFile part, byte[] protocol, byte[] tallies, byte[] figures) throws IOException {
        settle(partialOutcomes(cell), outcomes(cell));
        writeAtomically(name(cell, ".protocol.json"), protocol);
        writeAtomically(name(cell, ".tallies"), tallies);
        writeAtomically(name(cell, ".figures"), figures);
        writeAtomically(name(cell, ".part.json"), MAPPER.writeValueAsBytes(part));
    }

    /**
     * A finished slice's part file, read back and checked against the cell and the shard.
     *
     * @throws ExplorationFolderException if it is damaged
     */
    PartFile part(int cell) throws IOException, ExplorationFolderException {
        Path file = folder.resolve(name(cell, ".part.json"));
        PartFile read;
        try {
            read = MAPPER.readValue(file.toFile(), PartFile.class);
        } catch (JsonProcessingException e) {
            throw damaged(file, e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        var range = manifest.shard().replicates(manifest.replicates());
        if (read.version() != Manifest.VERSION || read.index() != cell || read.from() != range.from() || read.to() != range.to()
                || read.settings() == null || !manifest.cells().get(cell).contentHash().equals(read.contentHash())) {
            throw damaged(file, "it is not the file of cell " + cell + " '" + manifest.cells().get(cell).name() + "', replicates "
                    + range.from() + " to " + (range.to() - 1));
        }
        long size = Files.size(outcomes(cell));
        if (size != Exploration.BYTES_PER_REPLICATE * range.size()) {
            throw damaged(outcomes(cell), "it has " + size + " bytes, not " + Exploration.BYTES_PER_REPLICATE + " for each of "
                    + range.size() + " replicates");
        }
        return read;
    }

    /** A file of a finished cell's slice: {@code .protocol.json}, {@code .tallies} or {@code .figures}. */
    Path partFile(int cell, String suffix) {
        return folder.resolve(name(cell, suffix));
    }

    /** The finished cell's per-replicate outcomes. */
    Path outcomes(int cell) {
        return folder.resolve(name(cell, ".outcomes"));
    }

    /** Where a running cell's outcomes are written, until {@link #finish}. */
    Path partialOutcomes(int cell) {
        Path p = folder.resolve(partial(name(cell, ".outcomes")));
        mark(p);
        return p;
    }

    /** The finished cell's per-replicate rows, if the manifest keeps them. */
    Path records(int cell) {
        return folder.resolve(name(cell, ".replicates.csv"));
    }

    /** Where a running cell's per-replicate rows are written, until {@link #finish}. */
    Path partialRecords(int cell) {
        Path p = folder.resolve(partial(name(cell, ".replicates.csv")));
        mark(p);
        return p;
    }

    /**
     * Makes the cell finished: its outcomes (and rows, if kept), forced to disk, take their names, and
     * then its result is written.
     */
    void finish(int cell, ExploreResult.Cell result) throws IOException {
        settle(partialOutcomes(cell), outcomes(cell));
        if (manifest.replicateRecords()) {
            settle(partialRecords(cell), records(cell));
        }
        writeAtomically(name(cell, ".json"), MAPPER.writeValueAsBytes(new CellFile(Manifest.VERSION, cell, result)));
    }

    /**
     * A finished cell's result, read back.
     *
     * @throws ExplorationFolderException if its files are damaged
     */
    ExploreResult.Cell cell(int cell) throws IOException, ExplorationFolderException {
        Path file = folder.resolve(name(cell, ".json"));
        CellFile read;
        try {
            read = MAPPER.readValue(file.toFile(), CellFile.class);
        } catch (JsonProcessingException e) {
            throw damaged(file, e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (read.version() != Manifest.VERSION || read.index() != cell || read.cell() == null
                || !read.cell().name().equals(manifest.cells().get(cell).name())) {
            throw damaged(file, "it is not the file of cell " + cell + " '" + manifest.cells().get(cell).name() + "'");
        }
        long size = Files.size(outcomes(cell));
        if (size != (long) Exploration.BYTES_PER_REPLICATE * manifest.replicates()) {
            throw damaged(outcomes(cell), "it has " + size + " bytes, not " + Exploration.BYTES_PER_REPLICATE + " for each of "
                    + manifest.replicates() + " replicates");
        }
        return read.cell();
    }

    private static ExplorationFolderException damaged(Path file, String why) {
        return new ExplorationFolderException("'" + file + "' is damaged (" + why + "); remove it and run the shard's command again,"
                + " which runs that cell again");
    }

    private void settle(Path partial, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        mark(target);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void writeAtomically(String name, byte[] bytes) throws IOException {
        Path partial = folder.resolve(partial(name));
        Path target = folder.resolve(name);
        mark(partial);
        try (OutputStream out = Files.newOutputStream(partial)) {
            out.write(bytes);
        }
        settle(partial, target);
    }

    /** A temporary folder's file is removed when the JVM ends, even by Ctrl-C. */
    private void mark(Path file) {
        if (temporary) {
            file.toFile().deleteOnExit();
        }
    }

    static String name(int cell, String suffix) {
        return String.format(Locale.ROOT, "cell-%04d%s", cell, suffix);
    }

    private static String partial(String name) {
        return "." + name + PARTIAL;
    }
}
