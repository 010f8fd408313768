/**
 * What a protocol does when patients go through it: virtual patients, outcome models, the pathway
 * engine, trial machinery and design calculators, with results as immutable values.
 */
package org.trialsim.simulator;
