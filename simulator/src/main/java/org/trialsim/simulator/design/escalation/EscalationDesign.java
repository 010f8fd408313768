package org.trialsim.simulator.design.escalation;

/** A dose-escalation design that can be simulated. */
public enum EscalationDesign {
    /**
     * The rolling six (Skolnik et al., J Clin Oncol 2008;26:190-195): two to six patients on a level at
     * once, decisions from the numbers enrolled, evaluable, with a DLT and pending.
     */
    ROLLING_SIX("rolling six", DecisionRules.ROLLING_SIX),
    /** The traditional 3+3: cohorts of three, accrual suspended while a cohort's results are pending. */
    THREE_PLUS_THREE("3+3", DecisionRules.THREE_PLUS_THREE);

    private final String label;
    private final DecisionRules rules;

    EscalationDesign(String label, DecisionRules rules) {
        this.label = label;
        this.rules = rules;
    }

    /** The other design, against which this one is compared on the same patients. */
    public EscalationDesign other() {
        return this == ROLLING_SIX ? THREE_PLUS_THREE : ROLLING_SIX;
    }

    /** A short readable name: "rolling six" or "3+3". */
    public String label() {
        return label;
    }

    DecisionRules rules() {
        return rules;
    }
}
