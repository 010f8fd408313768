/**
 * Design exploration: a sweep's cells (designs × scenarios of one protocol) simulated one after the
 * other on common random numbers — replicate i of every cell has the same virtual patients and arrival
 * times — so that differences between cells are estimated with paired standard errors; the designs
 * judged by their worst scenario against the sweep's constraints and ranked by its objective.
 */
package org.trialsim.simulator.explore;
