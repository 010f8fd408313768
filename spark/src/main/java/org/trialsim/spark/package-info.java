/**
 * trialsim on Apache Spark (docs/spark.md): a run's index ranges as Spark tasks, each the ordinary
 * single-machine harness over its range returning its encoded partial result, merged on the driver in
 * range order, so that the bytes are those of one machine whatever the partitions or retried tasks.
 */
package org.trialsim.spark;
