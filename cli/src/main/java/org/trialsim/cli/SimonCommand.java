package org.trialsim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
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
                        + " declaring the treatment promising at each --p."},
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

    @Option(names = "--protocol", paramLabel = "ID|FILE",
            description = "Take p0, p1, alpha, beta (and a fixed n1, r1, n, r) from this protocol's phase-1-2 design;"
                    + " options given here override it.")
    String protocol;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    DesignOutput.Format format;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws Exception {
        LoadedProtocol loaded = protocol == null ? null : ProtocolArgument.load(protocol);
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
            throw UserException.usage("--p1 (" + DesignOutput.num(p1) + ") must be above --p0 (" + DesignOutput.num(p0)
                    + "): the trial looks for a response rate better than the uninteresting one");
        }
        if (p != null && p.size() > OptionRanges.MAX_RATES) {
            throw UserException.usage(String.format(Locale.ROOT, "--p gives %,d rates; at most %,d", p.size(), OptionRanges.MAX_RATES));
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

        if (format == DesignOutput.Format.JSON) {
            ObjectNode root = DesignOutput.envelope("design simon", loaded);
            ObjectNode params = root.putObject("parameters");
            putIfKnown(params, "p0", p0);
            putIfKnown(params, "p1", p1);
            putIfKnown(params, "alpha", alpha);
            putIfKnown(params, "beta", beta);
            if (found != null) {
                root.set("search", Json.tree(found));
            }
            if (given != null) {
                ObjectNode ev = root.putObject("evaluation");
                ev.set("design", Json.tree(given));
                ArrayNode rows = ev.putArray("operatingCharacteristics");
                curve.forEach(oc -> rows.add(Json.tree(oc)));
            }
            output.emit(spec, w -> Json.write(root, w));
        } else {
            StringBuilder sb = new StringBuilder();
            if (found != null) {
                searchTable(found, sb);
            }
            if (given != null) {
                if (found != null) {
                    sb.append(System.lineSeparator());
                }
                evaluationTable(given, curve, sb, loaded != null && evaluate == null);
            }
            String text = sb.toString().replaceAll("(?m)[ \t]+$", "");
            output.emit(spec, w -> w.write(text));
        }
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

    private static void putIfKnown(ObjectNode node, String name, Double v) {
        if (v != null) {
            node.put(name, v);
        }
    }

    static void searchTable(SimonSearchResult r, StringBuilder sb) {
        String nl = System.lineSeparator();
        sb.append("Simon two-stage designs: p0 = ").append(DesignOutput.num(r.p0())).append(" against p1 = ")
                .append(DesignOutput.num(r.p1())).append(", type I error <= ").append(DesignOutput.num(r.alpha()))
                .append(", power >= ").append(DesignOutput.num(1 - r.beta())).append(nl);
        sb.append("Exact enumeration of all designs with n <= ").append(r.maxN())
                .append("; none can have n < ").append(r.singleStageSize()).append(" (the single-stage size).").append(nl)
                .append(nl);
        sb.append(String.format(Locale.ROOT, "%-11s %-8s %-8s %8s %8s %8s %8s %8s   %s%n", "design", "stage 1", "total",
                "EN(p0)", "PET(p0)", "EN(p1)", "type I", "power", "best for q in"));
        sb.append(String.format(Locale.ROOT, "%-11s %-8s %-8s %8s %8s %8s %8s %8s   %s%n", "", "r1/n1", "r/n", "", "", "",
                "error", "", ""));
        List<SimonSearchResult.Candidate> a = r.admissible();
        for (int i = 0; i < a.size(); i++) {
            SimonSearchResult.Candidate c = a.get(i);
            String name = a.size() == 1 ? "both" : i == 0 ? "minimax" : i == a.size() - 1 ? "optimal" : "admissible";
            SimonDesign d = c.design();
            sb.append(String.format(Locale.ROOT, "%-11s %-8s %-8s %8.2f %8.3f %8.2f %8.4f %8.4f   %.3f to %.3f%n", name,
                    d.r1() + "/" + d.n1(), d.r() + "/" + d.n(), c.underP0().expectedSampleSize(),
                    c.underP0().earlyStopProbability(), c.underP1().expectedSampleSize(), c.alpha(), c.power(),
                    c.qLow(), c.qHigh()));
        }
        sb.append(nl);
        sb.append("Stop after stage 1 if at most r1 of the first n1 patients respond; otherwise enrol n in all and")
                .append(nl).append("call the treatment promising if more than r respond in all. EN: expected number enrolled;")
                .append(nl).append("PET: chance of stopping after stage 1. Optimal: smallest EN(p0) (Simon 1989); minimax:")
                .append(nl).append("smallest n; admissible: smallest q n + (1 - q) EN(p0) for the weights q shown (Jung et al.")
                .append(nl).append("2004). Type I error and power are exact.").append(nl);
        if (r.optimalNearLimit()) {
            sb.append("Note: the optimal design's n is close to the largest n searched; a larger --nmax may find a design")
                    .append(nl).append("with a smaller EN(p0).").append(nl);
        }
    }

    private void evaluationTable(SimonDesign d, List<OperatingCharacteristics> curve, StringBuilder sb, boolean fromProtocol) {
        evaluationTable(d, curve, sb, fromProtocol, p0, p1, alpha, beta);
    }

    static void evaluationTable(SimonDesign d, List<OperatingCharacteristics> curve, StringBuilder sb, boolean fromProtocol,
                                Double p0, Double p1, Double alpha, Double beta) {
        String nl = System.lineSeparator();
        sb.append("Simon two-stage design ").append(d).append(fromProtocol ? " (the protocol's)" : "").append(": stop if at most ")
                .append(d.r1()).append(" of the first ").append(d.n1()).append(" respond;").append(nl)
                .append("promising if more than ").append(d.r()).append(" of all ").append(d.n()).append(" respond. Exact.")
                .append(nl).append(nl);
        sb.append(String.format(Locale.ROOT, "%-8s %-9s %14s %14s %18s%n", "true p", "", "P(stop after", "expected", "P(declared"));
        sb.append(String.format(Locale.ROOT, "%-8s %-9s %14s %14s %18s%n", "", "", "stage 1)", "patients", "promising)"));
        for (OperatingCharacteristics oc : curve) {
            String mark = "";
            if (p0 != null && Math.abs(oc.p() - p0) < 1e-12) {
                mark = "p0";
            } else if (p1 != null && Math.abs(oc.p() - p1) < 1e-12) {
                mark = "p1";
            }
            String note = mark.equals("p0") ? "  type I error" : mark.equals("p1") ? "  power" : "";
            if (mark.equals("p0") && alpha != null) {
                note += oc.rejectProbability() <= alpha ? " <= " + DesignOutput.num(alpha) : ", ABOVE alpha " + DesignOutput.num(alpha);
            }
            if (mark.equals("p1") && beta != null) {
                note += oc.rejectProbability() >= 1 - beta ? " >= " + DesignOutput.num(1 - beta)
                        : ", BELOW " + DesignOutput.num(1 - beta);
            }
            sb.append(String.format(Locale.ROOT, "%-8s %-9s %14.4f %14.2f %18.4f%s%n", DesignOutput.num(oc.p(), 4), mark,
                    oc.earlyStopProbability(), oc.expectedSampleSize(), oc.rejectProbability(), note));
        }
    }
}
