package org.trialsim.cli;

import java.util.List;
import org.trialsim.cli.report.Numbers;
import org.trialsim.protocol.Design;
import org.trialsim.simulator.design.sizing.Looks;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The error rates and looks of an analytic sample size ({@code design survival}, {@code design rates}):
 * one-sided α, target power, information fractions, α spending and non-binding futility bounds (fixed, or
 * from β spending), made
 * into {@link Looks} (one look at fraction 1 for a fixed design). A protocol's
 * {@code design.analysis} fills in what the options leave out.
 */
final class SequentialOptions {
    /** The one-sided α when neither the option nor a protocol gives one. */
    static final double DEFAULT_ALPHA = 0.025;
    /** The power when none is given, as rpact's default beta = 0.2. */
    static final double DEFAULT_POWER = 0.8;

    @Option(names = "--alpha", paramLabel = "A", converter = OptionRanges.ErrorRate.class,
            description = "One-sided type I error, above 0 and below 0.5 (default: the protocol's, else 0.025).")
    Double alpha;

    @Option(names = "--power", paramLabel = "P", converter = OptionRanges.OpenProbability.class,
            description = "Target power, above 0 and below 1, and above alpha (default 0.8).")
    Double power;

    @Option(names = "--looks", split = ",", paramLabel = "T", converter = OptionRanges.InformationFraction.class,
            description = "Information fractions of the looks, increasing and ending with 1, each above 0 and at most 1, at most "
                    + OptionRanges.MAX_LOOKS + " (default: the protocol's, else one look, 1).")
    List<Double> looks;

    @Option(names = "--spending", paramLabel = "NAME", converter = Spending.class,
            description = "Alpha spending over the looks: obrien-fleming or pocock, Lan-DeMets type (default: the protocol's, else"
                    + " obrien-fleming).")
    String spending;

    @Option(names = "--futility", split = ",", paramLabel = "Z", converter = OptionRanges.FutilityZ.class,
            description = "Non-binding futility bounds on the z scale, one per interim look (stop if Z is at most it), each from -10"
                    + " to 10 (default: the protocol's, else none).")
    List<Double> futility;

    @Option(names = "--beta-spending", paramLabel = "NAME", converter = Spending.class,
            description = "Non-binding futility bounds from beta spending instead of --futility: obrien-fleming or pocock, Lan-DeMets"
                    + " type, beta = 1 - --power (rpact's typeBetaSpending bsOF or bsP; default none).")
    String betaSpending;

    /** The alpha given, the protocol's, or the default. */
    double alpha(Design.Analysis fromProtocol) {
        if (alpha != null) {
            return alpha;
        }
        if (fromProtocol != null && fromProtocol.alpha() != null) {
            return OptionRanges.ERROR_RATE.check("the protocol's design.analysis.alpha (override with --alpha)", fromProtocol.alpha());
        }
        return DEFAULT_ALPHA;
    }

    /** The target power, checked against alpha. */
    double power(double alpha) {
        double p = power == null ? DEFAULT_POWER : power;
        if (!(p > alpha)) {
            throw UserException.usage("--power (" + Numbers.given(p) + ") must be above the one-sided alpha (" + Numbers.given(alpha)
                    + "): a test that rejects no more often under the alternative than under the null has no power to size");
        }
        return p;
    }

    /** The design of the looks, from the options and the protocol's analysis. */
    Looks design(Design.Analysis fromProtocol) {
        double a = alpha(fromProtocol);
        List<Double> t = looks != null ? looks
                : fromProtocol != null && !fromProtocol.informationFractions().isEmpty() ? fromProtocol.informationFractions() : List.of(1.0);
        String where = looks != null ? "--looks" : "the protocol's design.analysis.informationFractions (override with --looks)";
        if (t.size() > OptionRanges.MAX_LOOKS) {
            throw UserException.usage(where + " gives " + t.size() + " looks; at most " + OptionRanges.MAX_LOOKS);
        }
        for (int k = 0; k < t.size(); k++) {
            if (k > 0 && !(t.get(k) > t.get(k - 1))) {
                throw UserException.usage(where + " must increase, but " + Numbers.given(t.get(k)) + " follows " + Numbers.given(t.get(k - 1)));
            }
        }
        if (t.get(t.size() - 1) != 1) {
            throw UserException.usage(where + " must end with 1, the final look at the full information, not "
                    + Numbers.given(t.get(t.size() - 1)));
        }
        String name = spending != null ? spending
                : fromProtocol != null && fromProtocol.spending() != null ? fromProtocol.spending() : Design.Analysis.OBRIEN_FLEMING;
        Looks.Spending function = switch (name) {
            case Design.Analysis.OBRIEN_FLEMING -> Looks.Spending.OBRIEN_FLEMING;
            case Design.Analysis.POCOCK -> Looks.Spending.POCOCK;
            default -> throw UserException.usage("the protocol's design.analysis.spending is " + name + "; the analytic sample size"
                    + " knows obrien-fleming and pocock (override with --spending)");
        };
        List<Double> bounds = futility != null ? futility : fromProtocol != null ? fromProtocol.futilityBounds() : List.of();
        String boundsWhere = futility != null ? "--futility" : "the protocol's design.analysis.futilityBounds (override with --futility)";
        if (!bounds.isEmpty() && bounds.size() != t.size() - 1) {
            throw UserException.usage(boundsWhere + " gives " + bounds.size() + " bounds for " + (t.size() - 1)
                    + " interim looks: one per interim look, none at the final one");
        }
        double[] fractions = t.stream().mapToDouble(Double::doubleValue).toArray();
        if (betaSpending != null) {
            if (futility != null) {
                throw UserException.usage("give --futility or --beta-spending, not both: both set the futility bounds");
            }
            // --beta-spending replaces a protocol's fixed bounds; beta is what the target power leaves
            Looks.Spending beta = betaSpending.equals(Design.Analysis.POCOCK) ? Looks.Spending.POCOCK : Looks.Spending.OBRIEN_FLEMING;
            return Looks.of(a, function, fractions, new double[0]).withBetaSpending(beta, 1 - power(a));
        }
        try {
            return Looks.of(a, function, fractions, bounds.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw UserException.usage(boundsWhere + ": " + e.getMessage());
        }
    }

    /** The spending functions the analytic calculators know. */
    static final class Spending implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (!text.equals(Design.Analysis.OBRIEN_FLEMING) && !text.equals(Design.Analysis.POCOCK)) {
                throw new RefusedValue("obrien-fleming or pocock", text);
            }
            return text;
        }
    }
}
