package org.trialsim.simulator.trial;

import org.apache.commons.rng.UniformRandomProvider;

/** Generates a replicate's arrival times (days, increasing) and dropout times (days after arrival, +∞ for none). */
interface ArrivalProcess {
    void generate(int patients, double[] arrivals, double[] dropouts, UniformRandomProvider rng);
}
