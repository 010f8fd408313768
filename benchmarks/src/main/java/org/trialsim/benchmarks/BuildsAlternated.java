package org.trialsim.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * Compares two builds of trialsim in one JVM: loads each build's benchmarks jar in a class loader of its
 * own, and alternates a benchmark method of the one and of the other, a few processor seconds each, so
 * that a busy machine slows both alike (separate processes run minutes apart, and their ratios swung
 * from 0.9 to 1.2 on the shared machine). Prints each round's operations per processor second of the
 * process (as {@link CpuTime}) and the median of the ratios new ÷ base.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.trialsim.benchmarks.BuildsAlternated base.jar new.jar \
 *     TrialBenchmark examples/two-arm-exponential.yaml oneThread 9 3
 * </pre>
 *
 * Arguments: the base build's benchmarks jar, the new build's, the benchmark class (simple name), the value
 * of its {@code protocol} parameter, the method (without arguments), the rounds (after three of warm-up)
 * and the processor seconds of each build in a round.
 */
public final class BuildsAlternated {
    private static final int WARM_UP_ROUNDS = 3;

    private BuildsAlternated() {
    }

    /** Prints each round and the median ratio; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: BuildsAlternated BASE-JAR NEW-JAR BENCHMARK-CLASS PROTOCOL METHOD ROUNDS SECONDS");
            System.exit(2);
        }
        Object[] benchmarks = new Object[2];
        Method[] methods = new Method[2];
        long[] operations = new long[2];
        for (int k = 0; k < 2; k++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[k]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> type = Class.forName(BuildsAlternated.class.getPackageName() + "." + args[2], true, loader);
            benchmarks[k] = type.getDeclaredConstructor().newInstance();
            type.getField("protocol").set(benchmarks[k], args[3]);
            @SuppressWarnings("unchecked")
            Class<? extends Annotation> setup =
                    (Class<? extends Annotation>) Class.forName(Setup.class.getName(), true, loader);
            @SuppressWarnings("unchecked")
            Class<? extends Annotation> perInvocation = (Class<? extends Annotation>)
                    Class.forName(OperationsPerInvocation.class.getName(), true, loader);
            for (Method m : type.getMethods()) {
                if (m.isAnnotationPresent(setup)) {
                    m.invoke(benchmarks[k]);
                }
            }
            methods[k] = type.getMethod(args[4]);
            Object perCall = methods[k].getAnnotation(perInvocation);
            operations[k] = perCall == null ? 1 : (int) perInvocation.getMethod("value").invoke(perCall);
        }
        int rounds = Integer.parseInt(args[5]);
        double seconds = Double.parseDouble(args[6]);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] ratios = new double[rounds];
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            double[] perSecond = new double[2];
            for (int k = 0; k < 2; k++) {
                long start = os.getProcessCpuTime();
                long calls = 0;
                while (os.getProcessCpuTime() - start < seconds * 1e9) {
                    methods[k].invoke(benchmarks[k]);
                    calls++;
                }
                perSecond[k] = calls * operations[k] / ((os.getProcessCpuTime() - start) / 1e9);
            }
            if (round >= 0) {
                ratios[round] = perSecond[1] / perSecond[0];
                System.out.println(String.format(Locale.ROOT, "round %d: base %.0f/s, new %.0f/s, ratio %.3f", round + 1,
                        perSecond[0], perSecond[1], ratios[round]));
            }
        }
        Arrays.sort(ratios);
        System.out.println(String.format(Locale.ROOT, "median ratio %.3f (%.3f to %.3f)", ratios[rounds / 2], ratios[0],
                ratios[rounds - 1]));
    }
}
