package org.trialsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.trialsim.cli.report.Numbers;
import org.trialsim.cli.report.SimonReport;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.design.simon.OperatingCharacteristics;
import org.trialsim.simulator.design.simon.SimonDesign;
import org.trialsim.simulator.design.simon.SimonSearch;
import org.trialsim.simulator.design.simon.SimonSearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialsim design simon}: Simon's optimal, minimax and admissible two-stage designs, or the
 * operating characteristics of a given design, all exact.
 */
@Command(name = "simon", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find or evaluate Simon two-stage designs, exactly.",
                "Search: the optimal (smallest expected size under p0), minimax (smallest maximum size) and admissible"
                        + " designs between them, for --p0 --p1 --alpha --beta, by exact binomial enumeration. Evaluate:"
                        + " with --evaluate R1/N1,R/N, a design's chance of stopping early, expected size and chance of"
                        + " declaring the treatment promising at each --p.",
                "With --protocol, p0, p1, alpha and beta (and a fixed design's n1, r1, n and r, which is then evaluated)"
                        + " come from the protocol's phase-1-2 design."},
        footer = {"", "Examples:",
                "  trialsim design simon --p0 0.2 --p1 0.4 --alpha 0.05 --beta 0.1",
                "  trialsim design simon --evaluate 4/18,10/33 --p 0.1,0.2,0.3,0.4,0.5",
                "  trialsim design simon --protocol aall1121"})
final class SimonCommand implements Callable<Integer> {
    /** Simon's designs are computed exactly, not simulated: no extension takes part, so no injector is built for them. */
    private static final Simulator SIMON = new Simulator();

    @Spec
    CommandSpec spec;

    @Option(names = "--p0", paramLabel = "P0", converter = OptionRanges.ResponseRate.class,
            description = "The uninteresting response rate (the null hypothesis), above 0 and below 1.")
    Double p0;

    @Option(names = "--p1", paramLabel = "P1", converter = OptionRanges.ResponseRate.class,
            description = "The interesting response rate, above 0 and below 1, and above p0.")
    Double p1;

    @Option(names = "--alpha", paramLabel = "A", converter = OptionRanges.ErrorRate.class,
            description = "Largest type I error: P(declared promising | p0), above 0 and below 0.5.")
    Double alpha;

    @Option(names = "--beta", paramLabel = "B", converter = OptionRanges.ErrorRate.class,
            description = "Largest type II error: 1 - power at p1, above 0 and below 0.5.")
    Double beta;

    @Option(names = "--nmax", paramLabel = "N", converter = OptionRanges.SimonN.class,
            description = "Largest total size searched, from 2 to 2,000 (default: the larger of "
                    + SimonSearch.DEFAULT_MAX_N + " and " + SimonSearch.DEFAULT_MAX_N_FACTOR + " times the single-stage size).")
    Integer nmax;

    @Option(names = "--evaluate", paramLabel = "R1/N1,R/N", converter = OptionRanges.SimonDesignText.class,
            description = "Evaluate this design instead of searching, e.g. 4/18,10/33; N from 2 to 2,000.")
    SimonDesign evaluate;

    @Option(names = "--p", split = ",", paramLabel = "P", converter = OptionRanges.Probability.class,
            description = "True response rates at which to evaluate, each from 0 to 1, at most 1,000 of them (default: 0.05 to 0.95 by 0.05, and p0 and p1 when known).")
    List<Double> p;

    @Mixin
    ProtocolOption protocol;

    @Mixin
    FormatOption format = new FormatOption(SimonReport.FORMATS);

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws Exception {
        LoadedProtocol loaded = protocol.load();
        Design.TwoStage fromProtocol = loaded == null ? null : twoStageOf(loaded);
        if (fromProtocol != null) {
            // the options were checked as they were parsed; the protocol's values are checked against the same ranges
            String from = "the protocol " + loaded.protocol().id() + "'s design.twoStage.";
            p0 = p0 != null ? p0 : fromProtocol(fromProtocol.p0(), OptionRanges.RESPONSE_RATE, from + "p0", "--p0");
            p1 = p1 != null ? p1 : fromProtocol(fromProtocol.p1(), OptionRanges.RESPONSE_RATE, from + "p1", "--p1");
            alpha = alpha != null ? alpha : fromProtocol(fromProtocol.alpha(), OptionRanges.ERROR_RATE, from + "alpha", "--alpha");
            beta = beta != null ? beta : fromProtocol(fromProtocol.beta(), OptionRanges.ERROR_RATE, from + "beta", "--beta");
        }
        if (p0 != null && p1 != null && !(p1 > p0)) {
            throw UserException.usage("--p1 (" + Numbers.given(p1) + ") must be above --p0 (" + Numbers.given(p0)
                    + "): the trial looks for a response rate better than the uninteresting one");
        }
        if (p != null && p.size() > OptionRanges.MAX_RATES) {
            throw UserException.usage("--p gives " + Numbers.count(p.size()) + " rates; at most " + Numbers.count(OptionRanges.MAX_RATES));
        }

        SimonDesign given = evaluate != null ? evaluate : fixedDesign(fromProtocol, loaded);
        boolean search = evaluate == null && alpha != null && beta != null;
        if (!search && given == null) {
            throw UserException.usage("say what to compute: give --p0, --p1, --alpha and --beta to search for designs, or"
                    + " --evaluate R1/N1,R/N (e.g. 4/18,10/33) to evaluate one" + missing());
        }
        if (search && (p0 == null || p1 == null)) {
            throw UserException.usage("a search needs --p0 and --p1 as well as --alpha and --beta" + missing());
        }

        SimonSearchResult found = null;
        if (search) {
            try {
                SimonSearch s = SimonSearch.of(p0, p1, alpha, beta);
                if (nmax != null) {
                    s = s.maxN(nmax);
                }
                found = SIMON.simon(s);
            } catch (IllegalArgumentException e) {
                throw UserException.usage(e.getMessage().replace("raise maxN", "raise --nmax"));
            }
        }
        List<OperatingCharacteristics> curve = given == null ? List.of() : SIMON.simon(given, rates());

        SimonReport report = new SimonReport(new SimonReport.Parameters(p0, p1, alpha, beta), found,
                given == null ? null : new SimonReport.Evaluation(given, curve, loaded != null && evaluate == null), loaded);
        output.emit(spec, w -> report.write(format.get(), w));
        return ExitCode.OK;
    }

    private Design.TwoStage twoStageOf(LoadedProtocol loaded) {
        Design d = loaded.protocol().design();
        if (d instanceof Design.EarlyPhase e && e.twoStage() != null) {
            return e.twoStage();
        }
        throw UserException.usage("the protocol " + loaded.protocol().id() + " has no two-stage design: --protocol needs a"
                + " 'phase-1-2' design with a 'twoStage' part" + describe(d));
    }

    static String describe(Design d) {
        if (d == null) {
            return " (it has no design section)";
        }
        return " (its design is of type " + Design.typeOf(d) + ")";
    }

    private static Double fromProtocol(Double value, NumberRange range, String what, String option) {
        return value == null ? null : range.check(what + " (override with " + option + ")", value);
    }

    private static SimonDesign fixedDesign(Design.TwoStage t, LoadedProtocol loaded) {
        if (t == null || t.n1() == null || t.r1() == null || t.n() == null || t.r() == null) {
            return null;
        }
        // evaluating a design sums over every outcome of its n patients: the same cap as --evaluate
        OptionRanges.SIMON_N.check("the protocol " + loaded.protocol().id() + "'s design.twoStage.n (evaluate another design"
                + " with --evaluate)", t.n());
        try {
            return SimonDesign.of(t.r1(), t.n1(), t.r(), t.n());
        } catch (IllegalArgumentException e) {
            throw UserException.usage("the protocol's two-stage design is impossible: " + e.getMessage());
        }
    }

    private String missing() {
        List<String> absent = new ArrayList<>();
        if (p0 == null) {
            absent.add("--p0");
        }
        if (p1 == null) {
            absent.add("--p1");
        }
        if (alpha == null) {
            absent.add("--alpha");
        }
        if (beta == null) {
            absent.add("--beta");
        }
        return absent.isEmpty() ? "" : " (missing: " + String.join(", ", absent) + ")";
    }

    private double[] rates() {
        TreeSet<Double> set = new TreeSet<>();
        if (p != null) {
            set.addAll(p);
        } else {
            for (int i = 1; i <= 19; i++) {
                set.add(i / 20.0);
            }
            if (p0 != null) {
                set.add(p0);
            }
            if (p1 != null) {
                set.add(p1);
            }
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
