package org.trialsim.simulator.trial;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.trialsim.simulator.run.IndexRange;

/**
 * The exact partial state of a trial simulation over a contiguous range of its replicates: the tallies
 * of those replicates (coverage counted against the true effects) and the true effects themselves.
 * Partials of neighbouring ranges merge into exactly what one run over their union gives, so the
 * replicates of one trial can run in several processes ({@code trial --shard K/N}) and be combined
 * ({@code trialsim merge}). {@link #write} and {@link TrialSimulation#readPartial} are its codec,
 * documented field by field in docs/shards.md.
 */
public final class TrialPartial {
    /** The first four bytes of the codec: "TSTP". */
    public static final int MAGIC = 0x54535450;
    /** The codec's version; another is refused, never misread. */
    public static final int VERSION = 3;

    private final TrialOptions options;
    private final IndexRange range;
    private final List<Truth> truths;
    private final TrialTally tally;

    TrialPartial(TrialOptions options, IndexRange range, List<Truth> truths, TrialTally tally) {
        this.options = options;
        this.range = range;
        this.truths = List.copyOf(truths);
        this.tally = tally;
    }

    /** The replicates {@code [from, to)} this partial holds. */
    public IndexRange range() {
        return range;
    }

    /** The replicates of the whole run this is part of. */
    public int replicates() {
        return options.replicates();
    }

    /** The seed of the whole run. */
    public long seed() {
        return options.seed();
    }

    /** Whether the run simulates the null hypothesis. */
    public boolean nullScenario() {
        return options.nullScenario();
    }

    TrialOptions options() {
        return options;
    }

    List<Truth> truths() {
        return truths;
    }

    TrialTally tally() {
        return tally;
    }

    /**
     * Writes the codec: a header (magic, version, replicates, from, to, seed, null scenario), the true
     * effects, then the tallies. Big-endian, as {@link DataOutputStream} writes; doubles as their bits.
     */
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(options.replicates());
        out.writeLong(range.from());
        out.writeLong(range.to());
        out.writeLong(options.seed());
        out.writeByte(options.nullScenario() ? 1 : 0);
        out.writeInt(truths.size());
        for (Truth t : truths) {
            out.writeLong(Double.doubleToRawLongBits(t.value()));
            out.writeLong(Double.doubleToRawLongBits(t.standardError()));
            out.writeByte(t.method().ordinal());
        }
        tally.writeTo(out);
        out.flush();
    }

    /** Reads the codec for the design (see {@link TrialSimulation#readPartial}). */
    static TrialPartial read(InputStream stream, TrialDesign design, List<RandomizedStratum> strata, int threads) throws IOException {
        DataInput in = new DataInputStream(stream);
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("it is not a trial's partial tallies (it does not begin with TSTP)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("its codec is version " + version + "; this trialsim reads version " + VERSION);
        }
        int replicates = in.readInt();
        long from = in.readLong();
        long to = in.readLong();
        if (replicates < 1 || from < 0 || to <= from || to > replicates) {
            throw new IOException("its replicates [" + from + ", " + to + ") are not a slice of " + replicates);
        }
        long seed = in.readLong();
        boolean nullScenario = in.readByte() != 0;
        int count = in.readInt();
        if (count != design.analyses.size()) {
            throw new IOException("it has " + count + " true effects, the design " + design.analyses.size() + " analyses");
        }
        List<Truth> truths = new ArrayList<>();
        Truth.Method[] methods = Truth.Method.values();
        for (int a = 0; a < count; a++) {
            double value = Double.longBitsToDouble(in.readLong());
            double se = Double.longBitsToDouble(in.readLong());
            int method = in.readByte();
            if (method < 0 || method >= methods.length) {
                throw new IOException("a true effect's method is " + method + ", not 0 to " + (methods.length - 1));
            }
            truths.add(new Truth(value, se, methods[method]));
        }
        TrialTally tally = TrialTally.readFrom(in, design, strata);
        if (tally.replicates() != to - from) {
            throw new IOException("it tallies " + tally.replicates() + " replicates, not the " + (to - from) + " of its range");
        }
        if (stream.read() != -1) {
            throw new IOException("it has bytes after its tallies");
        }
        return new TrialPartial(new TrialOptions(replicates, seed, threads, nullScenario), new IndexRange(from, to), truths, tally);
    }
}
