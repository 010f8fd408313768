package org.trialsim.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Compares two builds of one benchmark method in one JVM: each build's benchmarks jar is loaded by a
 * class loader of its own, and the two methods are called alternately, call by call (which goes first
 * alternates too), each call timed by the process's processor time (a cohort or trial run works on
 * worker threads; the JIT's and the collector's threads count for both builds alike). Prints each
 * build's median time per operation and the median, over the pairs, of the ratio of their times (the
 * second build's speed over the first's) with its quartiles. On a machine shared with other work this
 * is the steadiest comparison found: both builds meet the same load at the same moments; processes
 * alternated by {@link CpuTime} differed by 10% from round to round where the pairs' quartiles stay
 * within 2-3%.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.trialsim.benchmarks.PairedCpuTime \
 *     /tmp/before.jar benchmarks/target/benchmarks.jar CohortBenchmark interfant-21 engine 20
 * </pre>
 *
 * Arguments: the two class paths (jars, separated by ':'), the benchmark class (simple name), the
 * value of its {@code protocol} parameter, the method, the seconds of processor time to measure after
 * 10 seconds of warm-up of both, and optionally the calls timed together (default 1): the process's
 * processor time may advance in ticks of 10 ms (Linux's jiffies), so a call much shorter than that
 * needs several per timing, else every time is 0 or one tick.
 */
public final class PairedCpuTime {
    private static final double WARM_UP_SECONDS = 10;
    private static final String BLACKHOLE_CONSENT =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    private PairedCpuTime() {
    }

    /** One build's benchmark, ready to call. */
    private record Build(Object benchmark, Method method, Object[] arguments, long operations) {
        static Build load(String classPath, String type, String protocol, String method) throws Exception {
            String[] parts = classPath.split(":");
            URL[] urls = new URL[parts.length];
            for (int i = 0; i < parts.length; i++) {
                urls[i] = Path.of(parts[i]).toUri().toURL();
            }
            ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            Class<?> benchmarkType = loader.loadClass(PairedCpuTime.class.getPackageName() + "." + type);
            Object benchmark = benchmarkType.getDeclaredConstructor().newInstance();
            benchmarkType.getField("protocol").set(benchmark, protocol);
            Method chosen = null;
            for (Method m : benchmarkType.getMethods()) {
                if (m.getName().equals("setUp")) {
                    m.invoke(benchmark);
                }
                if (m.getName().equals(method)) {
                    chosen = m;
                }
            }
            if (chosen == null) {
                throw new IllegalArgumentException(type + " has no method " + method);
            }
            Object[] arguments = new Object[0];
            if (chosen.getParameterCount() == 1) {
                Class<?> blackhole = loader.loadClass("org.openjdk.jmh.infra.Blackhole");
                arguments = new Object[] {blackhole.getConstructor(String.class).newInstance(BLACKHOLE_CONSENT)};
            }
            long operations = 1;
            for (var annotation : chosen.getAnnotations()) {
                if (annotation.annotationType().getName().equals(OperationsPerInvocation.class.getName())) {
                    operations = (int) annotation.annotationType().getMethod("value").invoke(annotation);
                }
            }
            return new Build(benchmark, chosen, arguments, operations);
        }

        void call() throws Exception {
            method.invoke(benchmark, arguments);
        }
    }

    /** Prints the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length != 6 && args.length != 7) {
            System.err.println("usage: PairedCpuTime CLASSPATH-A CLASSPATH-B BENCHMARK-CLASS PROTOCOL METHOD SECONDS [CALLS-PER-TIMING]");
            System.exit(2);
        }
        Build[] builds = {Build.load(args[0], args[2], args[3], args[4]), Build.load(args[1], args[2], args[3], args[4])};
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = os.getProcessCpuTime();
        while (os.getProcessCpuTime() - start < WARM_UP_SECONDS * 1e9) {
            builds[0].call();
            builds[1].call();
        }
        double seconds = Double.parseDouble(args[5]);
        int calls = args.length == 7 ? Integer.parseInt(args[6]) : 1;
        double[][] times = new double[2][16];
        int pairs = 0;
        start = os.getProcessCpuTime();
        while (os.getProcessCpuTime() - start < seconds * 1e9) {
            if (pairs == times[0].length) {
                times[0] = Arrays.copyOf(times[0], 2 * pairs);
                times[1] = Arrays.copyOf(times[1], 2 * pairs);
            }
            for (int k = 0; k < 2; k++) {
                int b = pairs % 2 == 0 ? k : 1 - k;
                long before = os.getProcessCpuTime();
                for (int c = 0; c < calls; c++) {
                    builds[b].call();
                }
                times[b][pairs] = (os.getProcessCpuTime() - before) / (double) (calls * builds[b].operations());
            }
            pairs++;
        }
        double[] ratios = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            ratios[i] = times[0][i] / times[1][i];
        }
        System.out.println(String.format(Locale.ROOT,
                "%d pairs: first %.0f ns/op, second %.0f ns/op (medians); second's speed / first's: %.3f (quartiles %.3f-%.3f)",
                pairs, median(times[0], pairs), median(times[1], pairs), quantile(ratios, 0.5), quantile(ratios, 0.25),
                quantile(ratios, 0.75)));
    }

    private static double median(double[] values, int n) {
        return quantile(Arrays.copyOf(values, n), 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) (q * (sorted.length - 1))];
    }
}
