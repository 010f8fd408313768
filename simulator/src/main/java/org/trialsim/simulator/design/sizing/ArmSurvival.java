package org.trialsim.simulator.design.sizing;

import java.util.Arrays;

/**
 * One arm's time to event from enrolment: a piecewise-constant hazard (exponential when it has one
 * piece) with an exponential loss to follow-up competing, as rpact assumes ({@code lambda},
 * {@code piecewiseSurvivalTime}, {@code dropoutRate}). The chance of an observed event by time u is in
 * closed form: on a piece with event hazard λ and loss hazard φ, a fraction λ/(λ + φ) of those who
 * leave the risk set leave it with an event.
 */
final class ArmSurvival {
    /** starts[0] = 0; piece j is [starts[j], starts[j + 1]). */
    private final double[] starts;
    private final double[] hazards;
    private final double dropout;
    /** P(still at risk at starts[j]). */
    private final double[] atRisk;
    /** P(event observed by starts[j]). */
    private final double[] events;

    ArmSurvival(double[] starts, double[] hazards, double dropout) {
        this.starts = starts;
        this.hazards = hazards;
        this.dropout = dropout;
        int pieces = starts.length;
        atRisk = new double[pieces];
        events = new double[pieces];
        atRisk[0] = 1;
        for (int j = 1; j < pieces; j++) {
            double total = hazards[j - 1] + dropout;
            double leave = -Math.expm1(-total * (starts[j] - starts[j - 1]));
            events[j] = events[j - 1] + share(j - 1) * atRisk[j - 1] * leave;
            atRisk[j] = atRisk[j - 1] * (1 - leave);
        }
    }

    /** P(an event is observed within u months of enrolment). */
    double eventBy(double u) {
        if (!(u > 0)) {
            return 0;
        }
        int j = starts.length - 1;
        while (starts[j] > u) {
            j--;
        }
        double total = hazards[j] + dropout;
        return events[j] + share(j) * atRisk[j] * -Math.expm1(-total * (u - starts[j]));
    }

    /** P(an event is ever observed): the limit of {@link #eventBy} (the last piece's hazard may be 0). */
    double eventEver() {
        int j = starts.length - 1;
        return events[j] + share(j) * atRisk[j];
    }

    /** The largest total hazard, which sets how finely integrals over enrolment times are split. */
    double maxTotalHazard() {
        double max = 0;
        for (double h : hazards) {
            max = Math.max(max, h + dropout);
        }
        return max;
    }

    /** The months (after 0) at which the hazard changes: where {@link #eventBy} has a kink. */
    double[] changes() {
        return Arrays.copyOfRange(starts, 1, starts.length);
    }

    private double share(int j) {
        double total = hazards[j] + dropout;
        return total == 0 ? 0 : hazards[j] / total;
    }
}
