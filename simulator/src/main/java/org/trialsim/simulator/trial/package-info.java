/**
 * Whole virtual trials: patients arrive in calendar time, are allocated (by risk group, or randomized
 * by the design's method), go through the protocol's pathway exactly as in a cohort, and are analysed
 * at data cuts with interim looks; many replicates give the operating characteristics of the design
 * (power, type I error, stopping, sample size, events, duration, allocation, bias and coverage).
 */
package org.trialsim.simulator.trial;
