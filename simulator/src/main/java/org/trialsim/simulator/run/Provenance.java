package org.trialsim.simulator.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.TrialsimVersion;
import org.trialsim.simulator.random.RandomStreams;

/**
 * Where a simulated result comes from, enough to reproduce it: the tool and its version, the protocol
 * as run (its id, where it was read from, the hash of its content after the {@code --set} changes, and
 * those changes), the seed and generator, and how much was simulated. Cohort and trial results carry
 * one; a count that does not apply to a result is null and left out of its JSON, so each result's JSON
 * names only its own ({@code patients} and {@code arms} for a cohort, {@code replicates} for a trial;
 * docs/cohort-json.md, docs/trial-json.md).
 *
 * @param tool        {@value #TOOL}
 * @param version     the trialsim version
 * @param protocolId  the protocol's id
 * @param protocol    the built-in or file it was read from
 * @param contentHash SHA-256 of the protocol's canonical form as run (after any --set changes)
 * @param settings    the --set changes the protocol was loaded with, as path=value, in order
 * @param seed        the seed
 * @param generator   the random generator and how its streams are derived
 * @param patients    a cohort's virtual patients per arm; null for a trial
 * @param replicates  a trial's simulated trials; null for a cohort
 * @param arms        the arms a cohort simulated; null for a trial
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String tool, String version, String protocolId, String protocol, String contentHash,
                         List<String> settings, long seed, String generator, Long patients, Integer replicates,
                         List<String> arms) {
    /** The tool's name, as results and reports give it. */
    public static final String TOOL = "trialsim";

    /** Makes immutable copies of the lists. */
    public Provenance {
        settings = List.copyOf(settings);
        arms = arms == null ? null : List.copyOf(arms);
    }

    /**
     * The provenance of a cohort simulated from a protocol.
     *
     * @param loaded   the protocol as run
     * @param seed     the seed
     * @param patients virtual patients per arm
     * @param arms     the arms simulated, in order
     */
    public static Provenance ofCohort(LoadedProtocol loaded, long seed, long patients, List<String> arms) {
        return new Provenance(TOOL, TrialsimVersion.get(), loaded.protocol().id(), loaded.source(), loaded.contentHash(),
                loaded.settings(), seed, RandomStreams.GENERATOR, patients, null, arms);
    }

    /**
     * The provenance of a trial design's operating characteristics, simulated from a protocol.
     *
     * @param loaded     the protocol as run
     * @param seed       the seed
     * @param replicates simulated trials
     */
    public static Provenance ofTrials(LoadedProtocol loaded, long seed, int replicates) {
        return new Provenance(TOOL, TrialsimVersion.get(), loaded.protocol().id(), loaded.source(), loaded.contentHash(),
                loaded.settings(), seed, RandomStreams.GENERATOR, null, replicates, null);
    }
}
