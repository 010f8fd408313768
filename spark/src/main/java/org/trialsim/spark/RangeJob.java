package org.trialsim.spark;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A Spark job of {@code parts} ranges, one task each, whose encoded partials the driver merges in range
 * order as they arrive: Spark hands each task's result to the driver as the task finishes
 * ({@code SparkContext.submitJob}'s result handler), {@link InOrder} gives them to the merge one after the
 * other, and nothing is {@code collect}ed. The one place a trial's and a cohort's ranges are run.
 */
final class RangeJob {
    private RangeJob() {
    }

    /**
     * Runs the task over partitions 0 to parts − 1 (each holding its own index) and returns what the merge
     * makes of their results, taken in partition order.
     *
     * @param finished told of each finished partition, on the thread Spark reports it on
     */
    static <T> T run(JavaSparkContext spark, int parts, AbstractFunction1<Iterator<Integer>, byte[]> task, IntConsumer finished,
            Function<Iterable<byte[]>, T> merge) {
        InOrder results = new InOrder(parts, finished);
        RDD<Integer> ranges = spark.parallelize(IntStream.range(0, parts).boxed().toList(), parts).rdd();
        SimpleFutureAction<BoxedUnit> job = spark.sc().submitJob(ranges, task, partitions(parts), new Handler(results), new Done());
        results.watch(job);
        try {
            return merge.apply(results);
        } finally {
            // a merge that failed leaves no task worth finishing
            if (!job.isCompleted()) {
                job.cancel();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static scala.collection.immutable.Seq<Object> partitions(int parts) {
        List<Object> all = IntStream.range(0, parts).boxed().map(Object.class::cast).toList();
        return (scala.collection.immutable.Seq<Object>) CollectionConverters.asScala(all).toSeq();
    }

    /** Spark's result handler: each task's result, on the driver, as the task finishes. */
    static final class Handler extends AbstractFunction2<Object, byte[], BoxedUnit> {
        private final InOrder results;

        Handler(InOrder results) {
            this.results = results;
        }

        @Override
        public BoxedUnit apply(Object partition, byte[] result) {
            results.put((Integer) partition, result);
            return BoxedUnit.UNIT;
        }
    }

    /** The job's own result: nothing, the partials went to the handler. */
    static final class Done extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
