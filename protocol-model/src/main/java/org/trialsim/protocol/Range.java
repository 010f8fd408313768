package org.trialsim.protocol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The range a number of a protocol must lie in, and why. Every number of the model carries one (a
 * test walks the records to make sure); on a list or a mapping it applies to each entry. Validation
 * refuses a value outside it, NaN and the infinities included, naming the path; the JSON Schema gives
 * it to editors; docs/limits.md lists each with its reason. Conditions that tie several fields
 * together (a landmark within the horizon, the events within the sample size) are checked by
 * validation beside these.
 *
 * <p>The constants are the bounds several fields share.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {
    /** The largest size of a covariate value: any measurement in any unit, with whole numbers exact. */
    double COVARIATE = 1e15;
    /** A hundred years in days: no treatment, time or hazard curve of a protocol reaches further. */
    double CENTURY_DAYS = 36_525;
    /** A hundred years in months. */
    double CENTURY_MONTHS = 1_200;
    /** A hundred years. */
    double CENTURY_YEARS = 100;
    /** The slowest accrual, patients a month: one in eight years. */
    double MIN_ACCRUAL = 0.01;
    /** The fastest accrual, patients a month. */
    double MAX_ACCRUAL = 100_000;
    /** The highest cost of a patient's blocks, in any currency. */
    double MAX_COST = 1e11;
    /** The highest hazard, events per person-year: an event within about nine hours. */
    double MAX_RATE_PER_YEAR = 1_000;
    /** The largest change of log10 MRD in one block: from 1 (all blasts) to beyond any assay. */
    double MRD_LOGS = 12;
    /** The most patients a design may enrol. */
    int MAX_SAMPLE_SIZE = 100_000;
    /** The largest hazard-ratio margin: a trial accepting ten times the control's hazard claims nothing. */
    double MAX_HAZARD_RATIO_MARGIN = 10;
    /** The largest total size of a Simon two-stage design (its exact enumeration's limit). */
    int MAX_TWO_STAGE_N = 2_000;
    /** The most dose levels of an escalation (the escalation simulator's limit). */
    int MAX_DOSE_LEVELS = 30;
    /** The shortest DLT window, days. */
    double MIN_DLT_WINDOW_DAYS = 1;
    /** The longest DLT window, days: a year. */
    double MAX_DLT_WINDOW_DAYS = 365;
    /**
     * The shortest mean gap between escalation arrivals, days: every arrival is simulated (lost or
     * waiting), so with the longest window at most 730 arrive during one DLT window.
     */
    double MIN_INTERARRIVAL_DAYS = 0.5;
    /** The longest mean gap between escalation arrivals, days: a year. */
    double MAX_INTERARRIVAL_DAYS = 365;
    /**
     * The most patients a model-based escalation (BOIN, CRM and their time-to-event versions) may treat:
     * as many as the rule-based designs can at most (30 levels of six), which keeps a trial's events bounded.
     */
    int MAX_ESCALATION_PATIENTS = 180;
    /** The largest cohort of a model-based escalation. */
    int MAX_COHORT_SIZE = 30;
    /** The lowest target DLT rate of BOIN and the CRM: the BOIN package refuses targets below it. */
    double MIN_MODEL_TARGET = 0.05;
    /** The highest target DLT rate of BOIN and the CRM: the BOIN package refuses targets above it. */
    double MAX_MODEL_TARGET = 0.6;
    /** The smallest prior variance of the CRM's parameter (prior sd 0.1). */
    double MIN_PRIOR_VARIANCE = 0.01;
    /**
     * The largest prior variance of the CRM's parameter (prior sd about 3.2): beyond it the prior puts its
     * weight where exp(parameter) is below 1e-4 or above 1e4, where every level's DLT probability is 0 or 1.
     */
    double MAX_PRIOR_VARIANCE = 10;

    /** Why for every probability. */
    String PROBABILITY = "a probability";
    /** Why for significance levels. */
    String ALPHA = "a one-sided significance level, below 0.5";
    /** Why for response rates. */
    String RESPONSE_RATE = "a response rate strictly between 0 and 1";
    /** Why for the sizes of a two-stage design. */
    String TWO_STAGE_SIZE = "patients or responses of a design that exact enumeration evaluates (n up to 2000)";
    /** Why for hazard rates. */
    String HAZARD_RATE = "events per person-year; 1000 is an event within about nine hours, and keeps cumulative hazards finite";
    /** Why for changes of log10 MRD. */
    String MRD_CHANGE = "MRD changes by at most 12 orders of magnitude in a block";
    /** Why for sample sizes. */
    String SAMPLE_SIZE = "more than any trial enrols; each simulated trial keeps its patients in memory and draws them from at"
            + " most 2^24 presenting patients";
    /** Why for the values of numeric covariates. */
    String COVARIATE_VALUE = "a covariate value in its own unit; 1e15 holds any measurement, keeps sampling finite and whole"
            + " numbers exact";

    /** The lowest value. */
    double min();

    /** The highest value. */
    double max();

    /** Whether {@link #min()} itself is outside the range. */
    boolean minExcluded() default false;

    /** Whether {@link #max()} itself is outside the range. */
    boolean maxExcluded() default false;

    /** Why the range is what it is, as a phrase. */
    String why();
}
