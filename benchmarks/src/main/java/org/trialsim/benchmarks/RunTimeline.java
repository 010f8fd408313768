package org.trialsim.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * Where a fresh JVM's trial run spends its time: the set-up (reading and compiling the protocol), then the
 * wall time of each twentieth of the replicates as the run harness reports them done, so that the warm-up
 * (the first twentieths, run by the interpreter and the quick compiler while the optimizing one compiles)
 * shows beside the steady state (the last ones). The excess of the warm-up is the sum over the twentieths
 * of each one's time beyond the median of the second half's twentieths (the steady state's).
 *
 * <pre>
 * java -XX:Tier4BackEdgeThreshold=1000000 -XX:+UseSerialGC -Xmn32m -cp benchmarks/target/benchmarks.jar \
 *     org.trialsim.benchmarks.RunTimeline examples/two-arm-exponential.yaml 100000 2
 * </pre>
 *
 * Arguments: the protocol file, the replicates and the threads (seed 1, the design's hypothesis). Give the
 * JVM the options the launcher gives the command (./trialsim: a trial of more than 10,000 replicates gets
 * the options above, one of at most 10,000 {@code -XX:TieredStopAtLevel=1}), since the warm-up depends on
 * them.
 */
public final class RunTimeline {
    private static final int PARTS = 20;

    private RunTimeline() {
    }

    /** Prints the set-up time and each twentieth's; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: RunTimeline PROTOCOL-FILE REPLICATES THREADS");
            System.exit(2);
        }
        long start = System.nanoTime();
        TrialSimulation trial = new TrialSimulation(CompiledProtocol.of(new ProtocolReader().read(Path.of(args[0]))),
                Registry.builtIns());
        int replicates = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        long ready = System.nanoTime();
        AtomicLongArray reached = new AtomicLongArray(PARTS + 1);
        trial.run(new TrialOptions(replicates, 1, threads, false), (done, total) -> {
            int part = (int) (done * PARTS / total);
            reached.compareAndSet(part, 0, System.nanoTime());
        });
        long end = System.nanoTime();
        double[] parts = new double[PARTS];
        long previous = ready;
        int known = 0;
        for (int part = 1; part <= PARTS; part++) {
            if (reached.get(part) != 0) {
                parts[known++] = (reached.get(part) - previous) / 1e6;
                previous = reached.get(part);
            }
        }
        StringBuilder line = new StringBuilder();
        for (int part = 0; part < known; part++) {
            line.append(String.format(Locale.ROOT, " %.0f", parts[part]));
        }
        double[] secondHalf = Arrays.copyOfRange(parts, known / 2, known);
        Arrays.sort(secondHalf);
        double median = secondHalf[secondHalf.length / 2];
        double excess = 0;
        for (int part = 0; part < known; part++) {
            excess += Math.max(0, parts[part] - median);
        }
        System.out.println(String.format(Locale.ROOT, "set-up %.3f s, replicates %.3f s,"
                + " excess over the second half's median twentieth %.3f s; ms per twentieth:%s",
                (ready - start) / 1e9, (end - ready) / 1e9, excess / 1e3, line));
    }
}
