/**
 * The spark module's part of the command-line package: {@code trialsim-spark}'s entry point, which drives
 * the cli's own commands (in this package, so as to read the options they parsed) with simulate, trial
 * and explore run on Spark (docs/spark.md).
 */
package org.trialsim.cli;
