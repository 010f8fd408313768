package org.trialsim.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code trialsim-spark} itself, taken out of the command line wherever they are, and the
 * rest, which is {@code trialsim}'s command line.
 *
 * @param master     {@code --master URL}, or null
 * @param partitions {@code --partitions N}, or null for the default
 * @param rest       the other arguments, in order
 */
record SparkOptions(String master, Integer partitions, List<String> rest) {
    /** The most ranges a trial is cut into: the driver merges them one by one, and Spark schedules each as a task. */
    static final int MAX_PARTITIONS = 100_000;

    static SparkOptions of(String[] args) {
        String master = null;
        Integer partitions = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                rest.addAll(List.of(args).subList(i, args.length));
                break;
            }
            if (a.equals("--master") || a.equals("--partitions")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                a = a + "=" + args[++i];
            }
            if (a.startsWith("--master=")) {
                master = a.substring("--master=".length());
                if (master.isBlank()) {
                    throw new IllegalArgumentException("--master needs a Spark master URL, e.g. spark://host:7077 or local[4]");
                }
            } else if (a.startsWith("--partitions=")) {
                partitions = partitions(a.substring("--partitions=".length()));
            } else {
                rest.add(a);
            }
        }
        return new SparkOptions(master, partitions, rest);
    }

    private static int partitions(String text) {
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > MAX_PARTITIONS) {
            throw new IllegalArgumentException("--partitions takes a whole number from 1 to " + String.format(java.util.Locale.ROOT, "%,d",
                    MAX_PARTITIONS) + ", not '" + text + "'");
        }
        return n;
    }
}
