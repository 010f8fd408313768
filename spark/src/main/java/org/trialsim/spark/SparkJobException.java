package org.trialsim.spark;

/** A Spark job that failed after its retries: what the last attempt of the failing task threw, as Spark reports it. */
public final class SparkJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SparkJobException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
