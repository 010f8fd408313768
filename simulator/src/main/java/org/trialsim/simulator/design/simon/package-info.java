/**
 * Simon's two-stage design for a single-arm phase II trial with a binary response (Simon R.,
 * "Optimal two-stage designs for phase II clinical trials", Controlled Clinical Trials 1989;10:1-10),
 * computed exactly from binomial probabilities, never by simulation.
 *
 * <p>{@link org.trialsim.simulator.design.simon.SimonSearch} finds the optimal, minimax and admissible
 * designs for given response rates and error rates; {@link org.trialsim.simulator.design.simon.SimonDesign}
 * gives the operating characteristics of a given design at any true response rate.
 */
package org.trialsim.simulator.design.simon;
