package org.trialsim.simulator.explore;

import java.io.IOException;
import java.util.List;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.ReplicateListener;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialSimulation;

/** What an exploration needs of the simulator: the sweep's protocol with a cell's changes, and its trial simulated. */
public interface Trials {
    /**
     * The sweep's protocol with the changes made, validated.
     *
     * @throws IOException       if the protocol file cannot be read
     * @throws ProtocolException if the changed protocol is not valid
     */
    LoadedProtocol load(List<Setting> settings) throws IOException, ProtocolException;

    /**
     * The labels of the protocol's trial analyses, checking that its design can be simulated.
     *
     * @throws IllegalArgumentException if the design has no analyses (none, or a phase 1-2 design)
     * @throws org.trialsim.simulator.run.InvalidProtocolException if the design names an implementation the registry lacks
     */
    List<String> analyses(LoadedProtocol protocol);

    /** Simulates the protocol's trial, handing every replicate's looks to the listener in order. */
    TrialResult run(LoadedProtocol protocol, TrialOptions options, Progress progress, ReplicateListener replicates) throws IOException;

    /**
     * The analytic size of the protocol's analysis (from 1) for the target power: {@code trialsim design survival}'s
     * events and patients, when the analysis is a two-arm survival comparison with proportional
     * (piecewise-)exponential hazards known in closed form; otherwise why there is none.
     */
    AnalyticSize analyticSize(LoadedProtocol protocol, int analysis, double power);

    /**
     * An analytic size, or why there is none.
     *
     * @param events      the events of the final analysis (NaN when there is none)
     * @param patients    the patients enrolled
     * @param studyMonths the month of the final analysis from the start of accrual
     * @param unavailable why there is none, or null
     */
    record AnalyticSize(double events, double patients, double studyMonths, String unavailable) {
        /** No analytic size, and why. */
        public static AnalyticSize none(String why) {
            return new AnalyticSize(Double.NaN, Double.NaN, Double.NaN, why);
        }
    }

    /** The protocol's trial simulation, for a run of a slice of its replicates and the merge of such slices. */
    TrialSimulation simulation(LoadedProtocol protocol);
}
