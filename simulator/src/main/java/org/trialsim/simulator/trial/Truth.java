package org.trialsim.simulator.trial;

/**
 * The value an analysis's effect estimate targets, against which its bias and the coverage of its
 * interval are measured.
 *
 * @param value         the true effect
 * @param standardError the Monte Carlo standard error of the value (0 when it is exact)
 * @param method        where the value comes from
 */
record Truth(double value, double standardError, Method method) {
    /** Under the null hypothesis there is no effect. */
    static final Truth NONE = new Truth(0, 0, Method.NULL_HYPOTHESIS);

    /** Where a true effect comes from. */
    enum Method {
        /** No effect: the null hypothesis is simulated. */
        NULL_HYPOTHESIS("null hypothesis"),
        /** Computed from the protocol: both arms' hazards are known multiples of one curve. */
        EXACT("exact"),
        /** Estimated by one very large trial of the same design; its standard error is part of the bias's. */
        LARGE_TRIAL("large trial");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /** As the report names it. */
        String label() {
            return label;
        }
    }
}
