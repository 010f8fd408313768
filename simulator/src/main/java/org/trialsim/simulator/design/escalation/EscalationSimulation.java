package org.trialsim.simulator.design.escalation;

import java.util.ArrayList;
import java.util.List;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.run.RangeRunner;

/**
 * Simulates dose-finding trials in calendar time and summarises them.
 *
 * <pre>{@code
 * EscalationResult result = EscalationSimulation.of(EscalationScenario.of(0.05, 0.10, 0.25, 0.40))
 *         .replicates(10_000).seed(42).run();          // rolling six and 3+3 on the same patients
 * EscalationResult all = EscalationSimulation.of(scenario).designs(EscalationDesign.values())
 *         .doseFinding(DoseFinding.defaults(scenario).withMaxPatients(24)).run();   // all six
 * }</pre>
 *
 * <p>Replicate r draws its patients from streams addressed by purpose and r alone ({@code
 * escalation:arrivals}, {@code escalation:tolerance} and, when DLTs occur within the window, {@code
 * escalation:onset}), so a seed gives the same result for any number of threads. When several designs are
 * run, all meet the same patients in each replicate: the same arrival times, tolerances and onsets (common
 * random numbers), and the comparisons report the first design's paired differences from each other one. Replicates are simulated on the {@link RangeRunner} in fixed blocks of {@value #BLOCK}
 * whose statistics are merged in block order, which keeps the floating-point sums identical however the
 * blocks are spread over threads.
 */
public final class EscalationSimulation {
    /** The default number of trials simulated per design. */
    public static final int DEFAULT_REPLICATES = 10_000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 1;
    /** The number of replicates simulated, in order, by one task. */
    static final int BLOCK = 500;

    private static final long ARRIVALS = RandomStreams.purpose("escalation:arrivals");
    private static final long TOLERANCE = RandomStreams.purpose("escalation:tolerance");
    private static final long ONSET = RandomStreams.purpose("escalation:onset");

    private final EscalationScenario scenario;
    private final List<EscalationDesign> designs;
    private final DoseFinding doseFinding;
    private final int replicates;
    private final long seed;
    private final int threads;

    private EscalationSimulation(EscalationScenario scenario, List<EscalationDesign> designs, DoseFinding doseFinding,
                                 int replicates, long seed, int threads) {
        this.scenario = scenario;
        this.designs = designs;
        this.doseFinding = doseFinding;
        this.replicates = replicates;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * A simulation of the scenario with both designs (rolling six first, then 3+3),
     * {@value #DEFAULT_REPLICATES} replicates, seed {@value #DEFAULT_SEED}, one thread.
     */
    public static EscalationSimulation of(EscalationScenario scenario) {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario must be given");
        }
        return new EscalationSimulation(scenario, List.of(EscalationDesign.ROLLING_SIX, EscalationDesign.THREE_PLUS_THREE), null,
                DEFAULT_REPLICATES, DEFAULT_SEED, 1);
    }

    /**
     * The same simulation of one design, or of several different designs compared on the same patients (the
     * first with each other one). BOIN, the CRM and their time-to-event versions take their settings from
     * {@link #doseFinding}, by default {@link DoseFinding#defaults}.
     *
     * @throws IllegalArgumentException unless one or more different designs are given
     */
    public EscalationSimulation designs(EscalationDesign... chosen) {
        if (chosen == null || chosen.length < 1 || java.util.Arrays.asList(chosen).contains(null)
                || java.util.Arrays.stream(chosen).distinct().count() != chosen.length) {
            throw new IllegalArgumentException("designs must be one design, or several different designs to compare");
        }
        return new EscalationSimulation(scenario, List.of(chosen), doseFinding, replicates, seed, threads);
    }

    /**
     * The same simulation with these settings for BOIN, the CRM and their time-to-event versions.
     *
     * @throws IllegalArgumentException if settings is null
     */
    public EscalationSimulation doseFinding(DoseFinding settings) {
        if (settings == null) {
            throw new IllegalArgumentException("doseFinding settings must be given");
        }
        return new EscalationSimulation(scenario, designs, settings, replicates, seed, threads);
    }

    /**
     * The same simulation with another number of trials per design.
     *
     * @throws IllegalArgumentException unless at least 1
     */
    public EscalationSimulation replicates(int count) {
        if (!(count >= 1)) {
            throw new IllegalArgumentException("replicates must be at least 1, not " + count);
        }
        return new EscalationSimulation(scenario, designs, doseFinding, count, seed, threads);
    }

    /** The same simulation with another seed. */
    public EscalationSimulation seed(long value) {
        return new EscalationSimulation(scenario, designs, doseFinding, replicates, value, threads);
    }

    /**
     * The same simulation on this many threads; the result does not depend on it.
     *
     * @throws IllegalArgumentException unless at least 1
     */
    public EscalationSimulation threads(int count) {
        if (!(count >= 1)) {
            throw new IllegalArgumentException("threads must be at least 1, not " + count);
        }
        return new EscalationSimulation(scenario, designs, doseFinding, replicates, seed, count);
    }

    /**
     * Runs the trials.
     *
     * @throws IllegalArgumentException if a target-based design is run with settings that do not fit the
     *                                  scenario ({@link DoseFinding}): a target outside (0.05, 0.6), a skeleton
     *                                  without one probability per level, a sample size not a whole number of cohorts
     */
    public EscalationResult run() {
        DoseFinding settings = settings();
        Block total = RangeRunner.of(threads, Progress.NONE).reduce(IndexRange.of(replicates), BLOCK, () -> range -> block(range, settings));
        List<EscalationResult.DesignSummary> summaries = new ArrayList<>(designs.size());
        for (int i = 0; i < designs.size(); i++) {
            summaries.add(total.tallies[i].summary(designs.get(i)));
        }
        List<EscalationResult.Comparison> comparisons = new ArrayList<>();
        for (int i = 1; i < designs.size(); i++) {
            comparisons.add(total.pairs[i - 1].comparison(designs.get(0), designs.get(i)));
        }
        BoinBoundaries boin = designs.contains(EscalationDesign.BOIN) || designs.contains(EscalationDesign.TITE_BOIN)
                ? BoinBoundaries.of(scenario.targetDltRate(), settings.safeRate(), settings.toxicRate(), settings.maxPatients()) : null;
        return new EscalationResult(scenario, replicates, seed, RandomStreams.GENERATOR, settings, boin, summaries, comparisons);
    }

    /** The settings of the target-based designs, checked against the scenario; null when none is run. */
    private DoseFinding settings() {
        if (designs.stream().noneMatch(EscalationDesign::targetBased)) {
            return null;
        }
        DoseFinding settings = doseFinding == null ? DoseFinding.defaults(scenario) : doseFinding;
        settings.check(scenario, designs);
        return settings;
    }

    /** Simulates the replicates of a block in order. */
    private Block block(IndexRange range, DoseFinding settings) {
        RandomStreams streams = new RandomStreams(seed);
        PatientStream patients = new PatientStream(scenario);
        TrialEngine[] engines = new TrialEngine[designs.size()];
        Block block = new Block();
        block.tallies = new DesignTally[designs.size()];
        block.pairs = new PairTally[designs.size() - 1];
        for (int i = 0; i < engines.length; i++) {
            DoseFinder finder = designs.get(i).finder(scenario, settings);
            engines[i] = new TrialEngine(finder, scenario);
            block.tallies[i] = new DesignTally(scenario, finder.capacity());
            if (i > 0) {
                block.pairs[i - 1] = new PairTally(scenario);
            }
        }
        for (long r = range.from(); r < range.to(); r++) {
            patients.reset(streams.stream(ARRIVALS, r), streams.stream(TOLERANCE, r),
                    patients.drawsOnsets() ? streams.stream(ONSET, r) : null);
            for (int i = 0; i < engines.length; i++) {
                engines[i].run(patients);
                block.tallies[i].add(engines[i]);
            }
            for (int i = 1; i < engines.length; i++) {
                block.pairs[i - 1].add(engines[0], engines[i]);
            }
        }
        return block;
    }

    /** The statistics of one block of replicates. */
    private static final class Block implements RangeRunner.Mergeable<Block> {
        DesignTally[] tallies;
        PairTally[] pairs;

        @Override
        public void merge(Block o) {
            for (int i = 0; i < tallies.length; i++) {
                tallies[i].merge(o.tallies[i]);
            }
            for (int i = 0; i < pairs.length; i++) {
                pairs[i].merge(o.pairs[i]);
            }
        }
    }
}
