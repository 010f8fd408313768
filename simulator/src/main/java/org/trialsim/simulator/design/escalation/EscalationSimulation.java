package org.trialsim.simulator.design.escalation;

import java.util.ArrayList;
import java.util.List;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.run.RangeRunner;

/**
 * Simulates dose-escalation trials in calendar time and summarises them.
 *
 * <pre>{@code
 * EscalationResult result = EscalationSimulation.of(EscalationScenario.of(0.05, 0.10, 0.25, 0.40))
 *         .replicates(10_000).seed(42).run();          // rolling six and 3+3 on the same patients
 * }</pre>
 *
 * <p>Replicate r draws its patients from two streams addressed by purpose and r alone ({@code
 * escalation:arrivals} and {@code escalation:tolerance}), so a seed gives the same result for any number
 * of threads. When two designs are run, both meet the same patients in each replicate: the same arrival
 * times and the same tolerances (common random numbers), and the comparison reports their paired
 * differences. Replicates are simulated on the {@link RangeRunner} in fixed blocks of {@value #BLOCK}
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

    private final EscalationScenario scenario;
    private final List<EscalationDesign> designs;
    private final int replicates;
    private final long seed;
    private final int threads;

    private EscalationSimulation(EscalationScenario scenario, List<EscalationDesign> designs, int replicates, long seed,
                                 int threads) {
        this.scenario = scenario;
        this.designs = designs;
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
        return new EscalationSimulation(scenario, List.of(EscalationDesign.ROLLING_SIX, EscalationDesign.THREE_PLUS_THREE),
                DEFAULT_REPLICATES, DEFAULT_SEED, 1);
    }

    /**
     * The same simulation of one design, or of two different designs compared on the same patients.
     *
     * @throws IllegalArgumentException unless one or two different designs are given
     */
    public EscalationSimulation designs(EscalationDesign... chosen) {
        if (chosen == null || chosen.length < 1 || chosen.length > 2 || (chosen.length == 2 && chosen[0] == chosen[1])
                || java.util.Arrays.asList(chosen).contains(null)) {
            throw new IllegalArgumentException("designs must be one design, or two different designs to compare");
        }
        return new EscalationSimulation(scenario, List.of(chosen), replicates, seed, threads);
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
        return new EscalationSimulation(scenario, designs, count, seed, threads);
    }

    /** The same simulation with another seed. */
    public EscalationSimulation seed(long value) {
        return new EscalationSimulation(scenario, designs, replicates, value, threads);
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
        return new EscalationSimulation(scenario, designs, replicates, seed, count);
    }

    /** Runs the trials. */
    public EscalationResult run() {
        Block total = RangeRunner.of(threads, Progress.NONE).reduce(IndexRange.of(replicates), BLOCK, () -> this::block);
        List<EscalationResult.DesignSummary> summaries = new ArrayList<>(designs.size());
        for (int i = 0; i < designs.size(); i++) {
            summaries.add(total.tallies[i].summary(designs.get(i)));
        }
        EscalationResult.Comparison comparison = total.pair == null ? null : total.pair.comparison(designs.get(0), designs.get(1));
        return new EscalationResult(scenario, replicates, seed, RandomStreams.GENERATOR, summaries, comparison);
    }

    /** Simulates the replicates of a block in order. */
    private Block block(IndexRange range) {
        RandomStreams streams = new RandomStreams(seed);
        PatientStream patients = new PatientStream(scenario);
        TrialEngine[] engines = new TrialEngine[designs.size()];
        Block block = new Block();
        block.tallies = new DesignTally[designs.size()];
        for (int i = 0; i < engines.length; i++) {
            engines[i] = new TrialEngine(designs.get(i), scenario);
            block.tallies[i] = new DesignTally(scenario);
        }
        block.pair = engines.length == 2 ? new PairTally(scenario) : null;
        for (long r = range.from(); r < range.to(); r++) {
            patients.reset(streams.stream(ARRIVALS, r), streams.stream(TOLERANCE, r));
            for (int i = 0; i < engines.length; i++) {
                engines[i].run(patients);
                block.tallies[i].add(engines[i]);
            }
            if (block.pair != null) {
                block.pair.add(engines[0], engines[1]);
            }
        }
        return block;
    }

    /** The statistics of one block of replicates. */
    private static final class Block implements RangeRunner.Mergeable<Block> {
        DesignTally[] tallies;
        PairTally pair;

        @Override
        public void merge(Block o) {
            for (int i = 0; i < tallies.length; i++) {
                tallies[i].merge(o.tallies[i]);
            }
            if (pair != null) {
                pair.merge(o.pair);
            }
        }
    }
}
