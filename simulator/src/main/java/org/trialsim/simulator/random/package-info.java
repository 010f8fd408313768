/**
 * Reproducible random streams. Every stream is addressed by what it is for (a purpose and indices
 * such as replicate and patient), never by which thread runs it, so one seed gives the same results
 * for any thread count or order of work, and two scenarios that differ in one parameter use the same
 * random numbers everywhere else (common random numbers).
 */
package org.trialsim.simulator.random;
