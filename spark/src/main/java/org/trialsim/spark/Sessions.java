package org.trialsim.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark context of a command line, started when a command first needs it: on the cluster of
 * {@code --master URL} (or of {@code spark-submit}, which sets {@code spark.master}), else an embedded
 * {@code local[*]} Spark bound to 127.0.0.1, which needs no network. The web UI is off either way: a
 * command's progress is its own line on standard error.
 */
public final class Sessions implements AutoCloseable {
    private final String master;
    private final JavaSparkContext given;
    private JavaSparkContext started;

    /**
     * @param master the {@code --master} URL, or null for spark-submit's or an embedded local one
     * @param given  a context to use and leave open (the tests'), or null
     */
    public Sessions(String master, JavaSparkContext given) {
        this.master = master;
        this.given = given;
    }

    /** The context, started on first use. */
    public synchronized JavaSparkContext context() {
        if (given != null) {
            return given;
        }
        if (started == null) {
            started = new JavaSparkContext(conf(master));
        }
        return started;
    }

    /** The configuration of a context: the master, and for an embedded one the loopback address. */
    public static SparkConf conf(String master) {
        SparkConf conf = new SparkConf().setAppName("trialsim").set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    @Override
    public synchronized void close() {
        if (started != null) {
            started.close();
            started = null;
        }
    }
}
