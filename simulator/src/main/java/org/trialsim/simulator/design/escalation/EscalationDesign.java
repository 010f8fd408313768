package org.trialsim.simulator.design.escalation;

/** A dose-finding design that can be simulated. */
public enum EscalationDesign {
    /**
     * The rolling six (Skolnik et al., J Clin Oncol 2008;26:190-195): two to six patients on a level at
     * once, decisions from the numbers enrolled, evaluable, with a DLT and pending.
     */
    ROLLING_SIX("rolling six"),
    /** The traditional 3+3: cohorts of three, accrual suspended while a cohort's results are pending. */
    THREE_PLUS_THREE("3+3"),
    /**
     * The Bayesian optimal interval design (Liu and Yuan, J R Stat Soc C 2015;64:507-523), as the BOIN package
     * runs it: a cohort's complete data against an escalation and a de-escalation boundary.
     */
    BOIN("BOIN"),
    /** BOIN deciding with DLT data still pending (Yuan et al., Clin Cancer Res 2018;24:4921-4930). */
    TITE_BOIN("TITE-BOIN"),
    /** The continual reassessment method (O'Quigley et al., Biometrics 1990;46:33-48), power model, as dfcrm runs it. */
    CRM("CRM"),
    /** The time-to-event CRM (Cheung and Chappell, Biometrics 2000;56:1177-1182): a level for every arriving patient. */
    TITE_CRM("TITE-CRM");

    private final String label;

    EscalationDesign(String label) {
        this.label = label;
    }

    /**
     * The design compared with this one when a protocol's escalation is simulated: the 3+3 for the rolling six,
     * and the rolling six, the pediatric standard, for every other.
     */
    public EscalationDesign other() {
        return this == ROLLING_SIX ? THREE_PLUS_THREE : ROLLING_SIX;
    }

    /** A short readable name: "rolling six", "3+3", "BOIN", "TITE-BOIN", "CRM" or "TITE-CRM". */
    public String label() {
        return label;
    }

    /** Whether the design chooses levels from a target DLT rate ({@link DoseFinding}'s settings): all but the rolling six and the 3+3. */
    public boolean targetBased() {
        return this != ROLLING_SIX && this != THREE_PLUS_THREE;
    }

    /** Whether the design treats patients in cohorts of {@link DoseFinding#cohortSize}: BOIN, TITE-BOIN and the CRM. */
    public boolean cohorts() {
        return this == BOIN || this == TITE_BOIN || this == CRM;
    }

    /** The decisions of this design for a trial of the scenario; settings are used by the target-based designs only. */
    DoseFinder finder(EscalationScenario scenario, DoseFinding settings) {
        return switch (this) {
            case ROLLING_SIX -> new RuleFinder(DecisionRules.ROLLING_SIX, scenario.levels());
            case THREE_PLUS_THREE -> new RuleFinder(DecisionRules.THREE_PLUS_THREE, scenario.levels());
            case BOIN -> new BoinFinder(false, scenario, settings);
            case TITE_BOIN -> new BoinFinder(true, scenario, settings);
            case CRM -> new CrmFinder(false, scenario, settings);
            case TITE_CRM -> new CrmFinder(true, scenario, settings);
        };
    }
}
