/**
 * JMH benchmarks of the simulation core. Build the shaded jar with
 * {@code mvn -pl benchmarks -am package -DskipTests} and run, for example,
 * {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 2 -i 3 SimonSearch}.
 */
package org.trialsim.benchmarks;
