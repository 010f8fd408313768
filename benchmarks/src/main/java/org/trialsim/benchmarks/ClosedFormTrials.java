package org.trialsim.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * Trials per second of processor time with the patients in closed form and with every patient walked
 * through the general pathway engine ({@code TrialSimulation.withGeneralEngine()}), on one worker thread,
 * alternated in one JVM so that a busy machine slows both alike (the process's time, which includes the
 * compiler's and collector's threads, as {@link CpuTime}): prints each round and the median
 * of the ratios. The results of the two are the same to the bit (ClosedFormTrialTest).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.trialsim.benchmarks.ClosedFormTrials examples/two-arm-exponential.yaml 11 2000
 * </pre>
 *
 * Arguments: a protocol file or built-in, the rounds (after two of warm-up) and the replicates of each run
 * (the null hypothesis, as TrialBenchmark).
 */
public final class ClosedFormTrials {
    private ClosedFormTrials() {
    }

    /** Prints each round's trials per processor second, both ways, and the median ratio; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ClosedFormTrials PROTOCOL ROUNDS REPLICATES");
            System.exit(2);
        }
        LoadedProtocol loaded = Files.exists(Path.of(args[0])) ? new ProtocolReader().read(Path.of(args[0])) : BuiltinProtocols.load(args[0]);
        TrialSimulation closedForm = new TrialSimulation(CompiledProtocol.of(loaded), Registry.builtIns());
        TrialSimulation general = closedForm.withGeneralEngine();
        int rounds = Integer.parseInt(args[1]);
        int replicates = Integer.parseInt(args[2]);
        TrialOptions options = new TrialOptions(replicates, 1, 1, true);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] ratios = new double[rounds];
        for (int round = -2; round < rounds; round++) {
            double[] perSecond = new double[2];
            for (int way = 0; way < 2; way++) {
                TrialSimulation simulation = way == 0 ? general : closedForm;
                long start = os.getProcessCpuTime();
                simulation.run(options, Progress.NONE);
                perSecond[way] = replicates / ((os.getProcessCpuTime() - start) / 1e9);
            }
            if (round >= 0) {
                ratios[round] = perSecond[1] / perSecond[0];
                System.out.println(String.format(Locale.ROOT, "round %d: general %.0f/s, closed form %.0f/s, ratio %.2f", round + 1,
                        perSecond[0], perSecond[1], ratios[round]));
            }
        }
        Arrays.sort(ratios);
        System.out.println(String.format(Locale.ROOT, "median ratio %.2f", ratios[rounds / 2]));
    }
}
