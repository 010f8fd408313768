package org.trialsim.simulator.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.trialsim.simulator.run.Provenance;

/**
 * The result of a cohort simulation: provenance, and for each arm the flow of patients, response
 * rates, survival, toxicity, transplant, time on therapy and cost, each with its Monte Carlo error.
 * Immutable; its JSON form is the stable output format (docs/cohort-json.md).
 *
 * @param provenance what was run
 * @param arms       each arm's results, over all patients
 * @param subgroups  the same results among the enrolled patients of each subgroup asked for
 *                   ({@link CohortOptions#subgroups()}); null when none was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohortResult(Provenance provenance, List<ArmResult> arms, List<Subgroup> subgroups) {

    public CohortResult {
        arms = List.copyOf(arms);
        subgroups = subgroups == null || subgroups.isEmpty() ? null : List.copyOf(subgroups);
    }

    /** A result without subgroups. */
    public CohortResult(Provenance provenance, List<ArmResult> arms) {
        this(provenance, arms, null);
    }

    /**
     * The results among the enrolled patients who meet a condition: each arm's flow, responses,
     * survival and the rest, counted over these patients only.
     *
     * @param among the condition, as given (docs/protocol-format.md, "Calibration targets")
     * @param arms  each arm's results among them
     */
    public record Subgroup(String among, List<ArmResult> arms) {
        public Subgroup {
            arms = List.copyOf(arms);
        }
    }

    /**
     * One arm's results. Every patient goes through the pathway; at an allocation node a patient whose
     * stratum offers the arm is given it, and the others leave (counted as not offered).
     *
     * @param arm             the arm's id
     * @param label           its readable name
     * @param flow            the flow of patients through the pathway
     * @param responses       MRD response at each assessment
     * @param endpoints       survival endpoints
     * @param toxicities      toxicity and death by block
     * @param remission       patients in complete remission at some point, of those on the arm
     * @param transplant      patients transplanted, of those on the arm
     * @param timeOnTherapyDays days from enrolment to the end of the pathway, for patients on the arm
     * @param costPerPatient  cost of the blocks started, for patients on the arm (null if the protocol has no costs)
     * @param currency        the currency of the costs
     * @param dataCuts        first events at each data cut asked for ({@link CohortOptions#cuts()}); null when none was
     * @param hazardRatios    the arm's hazard ratios against each control arm asked for ({@link CohortOptions#versus()}),
     *                        per endpoint; null when none was, and on a control arm against itself
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArmResult(String arm, String label, Flow flow, List<Response> responses, List<EndpointResult> endpoints,
                            List<BlockToxicity> toxicities, Proportion remission, Proportion transplant,
                            Summary timeOnTherapyDays, Summary costPerPatient, String currency, List<DataCut> dataCuts,
                            List<HazardRatio> hazardRatios) {
        public ArmResult {
            dataCuts = dataCuts == null || dataCuts.isEmpty() ? null : List.copyOf(dataCuts);
            hazardRatios = hazardRatios == null || hazardRatios.isEmpty() ? null : List.copyOf(hazardRatios);
        }

        /** A result without data cuts. */
        public ArmResult(String arm, String label, Flow flow, List<Response> responses, List<EndpointResult> endpoints,
                         List<BlockToxicity> toxicities, Proportion remission, Proportion transplant,
                         Summary timeOnTherapyDays, Summary costPerPatient, String currency) {
            this(arm, label, flow, responses, endpoints, toxicities, remission, transplant, timeOnTherapyDays, costPerPatient,
                    currency, null, null);
        }
    }

    /**
     * The hazard ratio of the arm against a control arm on one endpoint: Cox regression on the arm of the
     * endpoint's first event of any kind (Efron ties), on the same virtual patients (docs/cohort-json.md,
     * {@code hazardRatios}).
     *
     * @param endpoint        the endpoint's id
     * @param versus          the control arm
     * @param patients        patients the endpoint counts on this arm
     * @param events          their events by the horizon
     * @param versusPatients  patients it counts on the control arm
     * @param versusEvents    their events
     * @param hazardRatio     exp(β̂), this arm's hazard over the control's (NaN without events; ±∞ exponentiated
     *                        when one arm has no event while the other has)
     * @param lower           the 95% Wald interval's lower limit, exp(β̂ − 1.96·SE)
     * @param upper           its upper limit
     * @param logHazardRatio  β̂
     * @param standardError   the standard error of β̂
     */
    public record HazardRatio(String endpoint, String versus, long patients, long events, long versusPatients, long versusEvents,
                              double hazardRatio, double lower, double upper, double logHazardRatio, double standardError) {
    }

    /**
     * The first events a trial would count at a data cut where each patient's follow-up from the
     * endpoint's origin is uniform over a window (docs/cohort-json.md, {@code dataCuts}).
     *
     * @param followUpMonths the shortest and the longest follow-up at the cut, in months
     * @param endpoints      each endpoint that counts a patient of the arm
     */
    public record DataCut(List<Double> followUpMonths, List<CutEndpoint> endpoints) {
        public DataCut {
            followUpMonths = List.copyOf(followUpMonths);
            endpoints = List.copyOf(endpoints);
        }
    }

    /**
     * @param endpoint the endpoint's id
     * @param patients patients it counts
     * @param events   each of its kinds of first event, in the endpoint's order
     */
    public record CutEndpoint(String endpoint, long patients, List<CutEvent> events) {
        public CutEndpoint {
            events = List.copyOf(events);
        }
    }

    /**
     * One kind of first event at a data cut.
     *
     * @param event         failure, relapse or death
     * @param count         the expected number of the patients counted with it at the cut (each patient with
     *                      the event counts with the chance that the follow-up reaches it)
     * @param share         count / patients: the event's cumulative incidence averaged over the follow-up window
     * @param standardError the Monte Carlo standard error of the share
     */
    public record CutEvent(String event, double count, double share, double standardError) {
    }

    /**
     * The flow of patients, in the shape of a CONSORT diagram.
     *
     * @param presented           patients who presented
     * @param screenFailures      patients failing each trial-wide criterion
     * @param enrolled            patients who met every criterion
     * @param treatmentExclusions enrolled patients excluded from a treatment by its criteria
     * @param riskAtEnrolment     enrolled patients by risk group at enrolment
     * @param notOffered          patients whose allocation stratum does not offer this arm
     * @param onArm               patients allocated to this arm (all enrolled for a single-arm protocol)
     * @param nodes               patients at each node of the pathway, in protocol order
     */
    public record Flow(long presented, List<ScreenFailure> screenFailures, long enrolled,
                       List<TreatmentExclusion> treatmentExclusions, Map<String, Long> riskAtEnrolment, long notOffered,
                       long onArm, List<NodeFlow> nodes) {
    }

    /**
     * @param criterion   the criterion's id
     * @param description what it says
     * @param failed      patients failing it
     * @param firstFailed patients for whom it is the first criterion failed (these add up to the screen failures)
     */
    public record ScreenFailure(String criterion, String description, long failed, long firstFailed) {
    }

    /**
     * @param treatment the treatment
     * @param patients  enrolled patients excluded from it
     */
    public record TreatmentExclusion(String treatment, long patients) {
    }

    /**
     * Patients at one node.
     *
     * @param id          the node's id
     * @param type        block, decision, allocation or end
     * @param label       its readable name
     * @param patients    patients who reached it
     * @param branches    for a decision, the routes taken; for an allocation, the arms given
     * @param given       for a block, patients who received it
     * @param substituted for a block, patients given its substitute instead
     * @param skipped     for a block, patients who skipped it (not eligible)
     * @param died        for a block, patients who died during it
     * @param relapsed    for a block, patients who relapsed during it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeFlow(String id, String type, String label, long patients, List<Branch> branches, Long given,
                           Long substituted, Long skipped, Long died, Long relapsed) {
    }

    /**
     * @param label    the route's label (or arm)
     * @param to       where it leads
     * @param patients patients who took it
     * @param percent  of the patients at the node
     */
    public record Branch(String label, String to, long patients, double percent) {
    }

    /**
     * MRD response at a named assessment.
     *
     * @param assessment     the assessment's id
     * @param label          its readable name
     * @param assessed       patients assessed
     * @param negative       MRD below the detection limit, of those assessed
     * @param belowThreshold MRD below each reporting threshold
     * @param remission      in complete remission at the assessment
     */
    public record Response(String assessment, String label, long assessed, Proportion negative, List<ThresholdRate> belowThreshold,
                           Proportion remission) {
    }

    /**
     * @param threshold the MRD level
     * @param rate      patients with MRD below it
     */
    public record ThresholdRate(double threshold, Proportion rate) {
    }

    /**
     * A proportion with its Monte Carlo standard error and 95% Wilson interval.
     *
     * @param count         patients with the property
     * @param of            patients considered
     * @param estimate      count / of
     * @param standardError √(p(1−p)/n)
     * @param lower         lower 95% limit
     * @param upper         upper 95% limit
     */
    public record Proportion(long count, long of, double estimate, double standardError, double lower, double upper) {
    }

    /**
     * A mean with its spread and Monte Carlo standard error.
     *
     * @param patients          patients summarised
     * @param mean              mean
     * @param standardDeviation sample standard deviation
     * @param standardError     standard error of the mean
     */
    public record Summary(long patients, double mean, double standardDeviation, double standardError) {
    }

    /**
     * A survival endpoint.
     *
     * @param endpoint   its id
     * @param label      its readable name
     * @param origin     where time starts
     * @param patients   patients counted
     * @param events     patients with an event by the horizon
     * @param landmarks  survival at the reporting landmarks (Kaplan–Meier, Greenwood, log-log 95% interval)
     * @param curve      survival every month
     * @param incidence  cumulative incidence of each kind of first event (Aalen–Johansen), when there is more than one
     */
    public record EndpointResult(String endpoint, String label, String origin, long patients, long events,
                                 List<SurvivalPoint> landmarks, List<SurvivalPoint> curve, List<Incidence> incidence) {
    }

    /**
     * Cumulative incidence of one kind of first event, with the others competing.
     *
     * @param event     failure, relapse or death
     * @param landmarks at the reporting landmarks
     * @param curve     every month
     */
    public record Incidence(String event, List<SurvivalPoint> landmarks, List<SurvivalPoint> curve) {
    }

    /**
     * An estimate at a time.
     *
     * @param years         time from the origin in years
     * @param atRisk        patients still at risk
     * @param estimate      survival (or cumulative incidence)
     * @param standardError its standard error
     * @param lower         lower 95% limit
     * @param upper         upper 95% limit
     */
    public record SurvivalPoint(double years, long atRisk, double estimate, double standardError, double lower, double upper) {
    }

    /**
     * Toxicity and death in one block.
     *
     * @param block      the block's id
     * @param label      its readable name
     * @param started    patients who started it
     * @param toxicities each toxicity's rate among them
     * @param death      deaths during the block among them
     */
    public record BlockToxicity(String block, String label, long started, List<ToxicityRate> toxicities, Proportion death) {
    }

    /**
     * @param toxicity the toxicity's id
     * @param label    its readable name
     * @param rate     its rate among patients who started the block
     */
    public record ToxicityRate(String toxicity, String label, Proportion rate) {
    }
}
