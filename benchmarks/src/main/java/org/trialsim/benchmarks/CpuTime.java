package org.trialsim.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs one of this module's JMH benchmark methods in a loop and prints its operations per second of the
 * process's processor time, not of wall time. On a machine shared with other work JMH's wall-clock
 * scores swung threefold within minutes; processor time is far less hurt by waiting for a core. Used to
 * compare two builds: run each build's benchmarks jar alternately, several rounds, and compare the
 * ratios (the process's time includes the compiler's and collector's threads, the same in both).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.trialsim.benchmarks.CpuTime CohortBenchmark interfant-21 cohortOneThread 5
 * </pre>
 *
 * Arguments: the benchmark class (simple name), the value of its {@code protocol} parameter, the method, and
 * the seconds of processor time to measure after 8 seconds of warm-up.
 */
public final class CpuTime {
    private static final double WARM_UP_SECONDS = 8;

    private CpuTime() {
    }

    /** Prints the operations per processor second; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: CpuTime BENCHMARK-CLASS PROTOCOL METHOD SECONDS");
            System.exit(2);
        }
        Class<?> type = Class.forName(CpuTime.class.getPackageName() + "." + args[0]);
        Object benchmark = type.getDeclaredConstructor().newInstance();
        Field protocol = type.getField("protocol");
        protocol.set(benchmark, args[1]);
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(Setup.class)) {
                m.invoke(benchmark);
            }
        }
        Method method = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(args[2])) {
                method = m;
            }
        }
        if (method == null) {
            System.err.println("CpuTime: " + args[0] + " has no method " + args[2]);
            System.exit(2);
        }
        OperationsPerInvocation perCall = method.getAnnotation(OperationsPerInvocation.class);
        long operations = perCall == null ? 1 : perCall.value();
        Blackhole blackhole = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        Object[] arguments = method.getParameterCount() == 1 ? new Object[] {blackhole} : new Object[0];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        long start = os.getProcessCpuTime();
        while (os.getProcessCpuTime() - start < WARM_UP_SECONDS * 1e9) {
            method.invoke(benchmark, arguments);
        }
        double seconds = Double.parseDouble(args[3]);
        long calls = 0;
        start = os.getProcessCpuTime();
        while (os.getProcessCpuTime() - start < seconds * 1e9) {
            method.invoke(benchmark, arguments);
            calls++;
        }
        double used = (os.getProcessCpuTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "%.0f", calls * operations / used));
        blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }
}
