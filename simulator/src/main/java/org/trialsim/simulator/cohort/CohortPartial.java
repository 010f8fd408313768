package org.trialsim.simulator.cohort;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.run.IndexRange;

/**
 * The exact partial state of a cohort simulation over a contiguous range of its patients: for each arm
 * run, the tallies of those patients, and of each subgroup's. Partials of neighbouring ranges merge into
 * exactly what one run over their union gives (every tally is an integer count or an exact integer
 * sum), so the patients of one cohort can run in several processes ({@code simulate --shard K/N}) or
 * Spark tasks and be combined ({@code trialsim merge}, {@link CohortSimulation#merge}).
 * {@link #write} and {@link CohortSimulation#readPartial} are its codec, documented field by field in
 * docs/shards.md. Its size does not grow with the patients, only (a little, as counts take more bytes)
 * with their number.
 */
public final class CohortPartial {
    /** The first four bytes of the codec: "TSCP". */
    public static final int MAGIC = 0x54534350;
    /** The codec's version; another is refused, never misread. */
    public static final int VERSION = 1;
    /** The most subgroups a partial holds: a check on what is read, far above the risk groups of a protocol. */
    static final int MAX_SUBGROUPS = 1000;

    private final String contentHash;
    private final CohortOptions options;
    private final IndexRange range;
    private final List<Integer> arms;
    private final List<CohortSimulation.Tally> tallies;

    CohortPartial(String contentHash, CohortOptions options, IndexRange range, List<Integer> arms, List<CohortSimulation.Tally> tallies) {
        this.contentHash = contentHash;
        this.options = options;
        this.range = range;
        this.arms = List.copyOf(arms);
        this.tallies = List.copyOf(tallies);
    }

    /** The patients {@code [from, to)} this partial holds (of each arm). */
    public IndexRange range() {
        return range;
    }

    /** The patients per arm of the whole run this is part of. */
    public long patients() {
        return options.patients();
    }

    /** The seed of the whole run. */
    public long seed() {
        return options.seed();
    }

    /** The one arm the run simulates, or null for every arm. */
    public String arm() {
        return options.arm();
    }

    /** The subgroups' conditions, in order. */
    public List<String> subgroups() {
        return options.subgroups();
    }

    /** The follow-up windows of the data cuts reported (--follow-up), in order. */
    public List<FollowUpWindow> cuts() {
        return options.cuts();
    }

    /** The control arms the hazard ratios are against (--hazard-ratio), in order. */
    public List<String> versus() {
        return options.versus();
    }

    /** SHA-256 of the protocol as run. */
    public String contentHash() {
        return contentHash;
    }

    CohortOptions options() {
        return options;
    }

    List<Integer> arms() {
        return arms;
    }

    List<CohortSimulation.Tally> tallies() {
        return tallies;
    }

    /**
     * Whether the other partial is of the same run (protocol, patients, seed, arm, subgroups, follow-up
     * windows, hazard-ratio controls), whatever its range.
     */
    boolean sameRun(CohortPartial other) {
        return contentHash.equals(other.contentHash) && options.patients() == other.options.patients()
                && options.seed() == other.options.seed() && Objects.equals(options.arm(), other.options.arm())
                && options.subgroups().equals(other.options.subgroups()) && options.cuts().equals(other.options.cuts())
                && options.versus().equals(other.options.versus());
    }

    /**
     * Writes the codec: a header (magic, version, content hash, patients, from, to, seed, arm, subgroups,
     * follow-up windows, hazard-ratio controls, the arms run), then each arm's tallies. Big-endian, as {@link DataOutputStream} writes.
     */
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(contentHash);
        out.writeLong(options.patients());
        out.writeLong(range.from());
        out.writeLong(range.to());
        out.writeLong(options.seed());
        out.writeUTF(options.arm() == null ? "" : options.arm());
        out.writeInt(options.subgroups().size());
        for (String s : options.subgroups()) {
            out.writeUTF(s);
        }
        out.writeInt(options.cuts().size());
        for (FollowUpWindow w : options.cuts()) {
            out.writeDouble(w.shortestMonths());
            out.writeDouble(w.longestMonths());
        }
        out.writeInt(options.versus().size());
        for (String control : options.versus()) {
            out.writeUTF(control);
        }
        out.writeInt(arms.size());
        for (int k = 0; k < arms.size(); k++) {
            out.writeInt(arms.get(k));
            CohortSimulation.Tally t = tallies.get(k);
            t.all.writeTo(out);
            for (CohortAccumulator g : t.subgroups) {
                g.writeTo(out);
            }
        }
        out.flush();
    }

    /** Reads the codec for the protocol (see {@link CohortSimulation#readPartial}). */
    static CohortPartial read(InputStream stream, String expectedHash, ProtocolIndex index) throws IOException {
        DataInput in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("it is not a cohort's partial tallies (it does not begin with TSCP)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("its codec is version " + version + "; this trialsim reads version " + VERSION);
        }
        String hash = in.readUTF();
        if (!hash.equals(expectedHash)) {
            throw new IOException("it is of the protocol with content hash " + hash + ", not " + expectedHash);
        }
        long patients = in.readLong();
        long from = in.readLong();
        long to = in.readLong();
        if (patients < 1 || patients > CohortOptions.MAX_PATIENTS || from < 0 || to <= from || to > patients) {
            throw new IOException("its patients [" + from + ", " + to + ") are not a slice of " + patients);
        }
        long seed = in.readLong();
        String arm = in.readUTF();
        int count = in.readInt();
        if (count < 0 || count > MAX_SUBGROUPS) {
            throw new IOException(count + " subgroups (0 to " + MAX_SUBGROUPS + ")");
        }
        List<String> subgroups = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            subgroups.add(in.readUTF());
        }
        List<FollowUpWindow> cuts = new ArrayList<>();
        int cutCount = in.readInt();
        if (cutCount < 0 || cutCount > MAX_SUBGROUPS) {
            throw new IOException(cutCount + " follow-up windows (0 to " + MAX_SUBGROUPS + ")");
        }
        for (int c = 0; c < cutCount; c++) {
            double shortest = in.readDouble();
            double longest = in.readDouble();
            try {
                cuts.add(new FollowUpWindow(shortest, longest));
            } catch (IllegalArgumentException e) {
                throw new IOException("its follow-up window " + (c + 1) + ": " + e.getMessage(), e);
            }
        }
        List<String> versus = new ArrayList<>();
        int versusCount = in.readInt();
        if (versusCount < 0 || versusCount > index.arms().size() || versusCount > 0 && !arm.isEmpty()) {
            throw new IOException(versusCount + " control arms for hazard ratios (0 to " + index.arms().size()
                    + ", and none when one arm is run)");
        }
        for (int c = 0; c < versusCount; c++) {
            String control = in.readUTF();
            if (!index.arms().contains(control)) {
                throw new IOException("its hazard ratios are against '" + control + "', not an arm of the protocol");
            }
            versus.add(control);
        }
        int armCount = in.readInt();
        int protocolArms = index.arms().size();
        if (arm.isEmpty() ? armCount != protocolArms : armCount != 1) {
            throw new IOException("it holds " + armCount + " arms, not the " + (arm.isEmpty() ? protocolArms : 1) + " run");
        }
        List<Integer> arms = new ArrayList<>();
        List<CohortSimulation.Tally> tallies = new ArrayList<>();
        for (int k = 0; k < armCount; k++) {
            int a = in.readInt();
            int expected = arm.isEmpty() ? k : index.arms().indexOf(arm);
            if (a != expected) {
                throw new IOException("its arm " + k + " is arm " + a + " of the protocol, not " + expected);
            }
            CohortSimulation.Tally t = new CohortSimulation.Tally(index, a, count);
            t.all.readFrom(in);
            if (t.all.presented != to - from) {
                throw new IOException("it tallies " + t.all.presented + " patients on an arm, not the " + (to - from) + " of its range");
            }
            for (CohortAccumulator g : t.subgroups) {
                g.readFrom(in);
            }
            arms.add(a);
            tallies.add(t);
        }
        if (stream.read() != -1) {
            throw new IOException("it has bytes after its tallies");
        }
        CohortOptions options;
        try {
            options = new CohortOptions(patients, seed, 1, arm.isEmpty() ? null : arm, subgroups, cuts, versus);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new CohortPartial(hash, options, new IndexRange(from, to), arms, tallies);
    }
}
