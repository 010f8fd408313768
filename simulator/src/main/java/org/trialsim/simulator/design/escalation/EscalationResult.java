package org.trialsim.simulator.design.escalation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.trialsim.simulator.stats.Estimate;

/**
 * What the simulated dose-escalation trials showed, for each design, with Monte Carlo standard errors.
 *
 * @param scenario    the scenario simulated
 * @param replicates  the number of trials simulated per design
 * @param seed        the seed
 * @param generator   the random generator and how its streams are derived, for provenance
 * @param doseFinding the settings of the target-based designs (BOIN, the CRM and their time-to-event
 *                    versions); null when none was run
 * @param boin        BOIN's boundaries, when BOIN or TITE-BOIN was run; otherwise null
 * @param designs     one summary per design, in the order asked for
 * @param differences the first design minus each other one, trial by trial on the same patients, in the
 *                    order of the designs; empty when one design was run
 */
public record EscalationResult(EscalationScenario scenario, int replicates, long seed, String generator,
                               @JsonInclude(JsonInclude.Include.NON_NULL) DoseFinding doseFinding,
                               @JsonInclude(JsonInclude.Include.NON_NULL) BoinBoundaries boin, List<DesignSummary> designs,
                               @JsonIgnore List<Comparison> differences) {
    /** Makes immutable copies. */
    public EscalationResult {
        designs = List.copyOf(designs);
        differences = List.copyOf(differences);
    }

    /**
     * Reads a result back from its JSON (for {@code trialsim report}), where the comparisons are written
     * as {@link #comparison} (two designs) or {@link #comparisonsOfMore} (more).
     */
    @JsonCreator
    static EscalationResult read(@JsonProperty("scenario") EscalationScenario scenario, @JsonProperty("replicates") int replicates,
                                 @JsonProperty("seed") long seed, @JsonProperty("generator") String generator,
                                 @JsonProperty("doseFinding") DoseFinding doseFinding, @JsonProperty("boin") BoinBoundaries boin,
                                 @JsonProperty("designs") List<DesignSummary> designs, @JsonProperty("comparison") Comparison comparison,
                                 @JsonProperty("comparisons") List<Comparison> comparisonsOfMore) {
        List<Comparison> differences = comparisonsOfMore != null ? comparisonsOfMore
                : comparison != null ? List.of(comparison) : List.of();
        return new EscalationResult(scenario, replicates, seed, generator, doseFinding, boin, designs, differences);
    }

    /**
     * The first design minus the second, when exactly two were run; otherwise null. The JSON keeps this one
     * comparison of two designs under its name of old, and gives {@link #comparisonsOfMore} for more.
     */
    @JsonProperty("comparison")
    public Comparison comparison() {
        return designs.size() == 2 ? differences.get(0) : null;
    }

    /** The comparisons of the first design with each other one, when more than two were run; otherwise null. */
    @JsonProperty("comparisons")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public List<Comparison> comparisonsOfMore() {
        return designs.size() > 2 ? differences : null;
    }

    /**
     * One design's operating characteristics.
     *
     * @param design                the design
     * @param mtdAtLevel            the probability of declaring each level the MTD: index 0 is "no MTD"
     *                              (the lowest level was too toxic), index d is level d; choosing the
     *                              highest level means its DLT rate was acceptable (the MTD was not reached)
     * @param correctSelection      the probability of declaring the true MTD (no MTD, when even the first
     *                              level is above the target)
     * @param patients              the mean number of patients treated
     * @param patientsDistribution  the distribution of the number of patients treated
     * @param patientsAtLevel       the mean number treated at each level: index 0 unused (0), index d level d
     * @param dltsAtLevel           the mean number with a DLT at each level: index 0 unused (0), index d level d
     * @param dlts                  the mean number of patients with a DLT
     * @param dltsDistribution      the distribution of the number of patients with a DLT
     * @param patientsAboveTrueMtd  the mean number treated at a level above the true MTD
     * @param durationDays          the mean time from opening to the end of the trial, in days: to the MTD
     *                              decision for the rule designs, to the last answer of the last cohort for the
     *                              others (or to the decision that stopped them)
     * @param durationSdDays        the standard deviation of that time
     * @param suspendedDays         the mean time accrual was suspended, in days
     * @param lostPatients          the mean number of patients lost because they arrived while accrual was
     *                              suspended (0 when patients wait)
     * @param waitDays              the mean wait of an enrolled patient for a slot, averaged over trials (0
     *                              when patients are lost)
     * @param leftWaiting           the mean number of patients still waiting when the trial ended (0 when
     *                              patients are lost)
     */
    public record DesignSummary(EscalationDesign design, List<Estimate> mtdAtLevel, Estimate correctSelection,
                                Estimate patients, CountDistribution patientsDistribution, List<Estimate> patientsAtLevel,
                                List<Estimate> dltsAtLevel, Estimate dlts, CountDistribution dltsDistribution, Estimate patientsAboveTrueMtd,
                                Estimate durationDays, Estimate durationSdDays, Estimate suspendedDays,
                                Estimate lostPatients, Estimate waitDays, Estimate leftWaiting) {
        /** Makes immutable copies. */
        public DesignSummary {
            mtdAtLevel = List.copyOf(mtdAtLevel);
            patientsAtLevel = List.copyOf(patientsAtLevel);
            dltsAtLevel = List.copyOf(dltsAtLevel);
        }
    }

    /**
     * Differences between two designs run on the same patients (same arrival times, same tolerances),
     * first minus second, averaged over trials; the standard errors are those of the paired differences,
     * which common random numbers make much smaller than the two designs' own errors combined.
     *
     * @param first               the first design
     * @param second              the second design
     * @param durationDays        difference in time to the MTD decision
     * @param patients            difference in patients treated
     * @param dlts                difference in patients with a DLT
     * @param patientsAboveTrueMtd difference in patients treated above the true MTD
     * @param suspendedDays       difference in days with accrual suspended
     * @param correctSelection    difference in the probability of declaring the true MTD
     * @param sameMtd             the probability that both declare the same level (or both none)
     */
    public record Comparison(EscalationDesign first, EscalationDesign second, Estimate durationDays, Estimate patients,
                             Estimate dlts, Estimate patientsAboveTrueMtd, Estimate suspendedDays,
                             Estimate correctSelection, Estimate sameMtd) {
    }
}
