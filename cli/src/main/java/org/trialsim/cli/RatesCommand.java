package org.trialsim.cli;

import java.util.concurrent.Callable;
import org.trialsim.cli.report.Numbers;
import org.trialsim.cli.report.SampleSizeReport;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.design.sizing.Looks;
import org.trialsim.simulator.design.sizing.RatesResult;
import org.trialsim.simulator.design.sizing.RatesSizing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialsim design rates}: the analytic sample size of a comparison of two response rates (with a
 * margin, Farrington-Manning) or of one rate with a fixed rate, as rpact's getSampleSizeRates.
 */
@Command(name = "rates", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analytic sample size of a comparison of response rates, by the normal approximation.",
                "Two arms (--p1 and --p2): H0: p1 - p2 <= --margin (0 for superiority, below 0 for non-inferiority), the variance"
                        + " under H0 at Farrington and Manning's restricted maximum-likelihood rates. One arm (--p1 and --p0):"
                        + " H0: p <= p0. Inflated for a group-sequential design. As rpact's getSampleSizeRates.",
                "With --protocol, a single-arm-response design gives p0, p1 and alpha, and a randomized design its analysis;"
                        + " options override them."},
        footer = {"", "Examples:",
                "  trialsim design rates --p1 0.5 --p2 0.3",
                "  trialsim design rates --p1 0.6 --p2 0.6 --margin -0.1 --allocation 2",
                "  trialsim design rates --p1 0.4 --p0 0.2",
                "  trialsim design rates --protocol cccg-blina-d19"})
final class RatesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--p1", paramLabel = "P", converter = OptionRanges.ResponseRate.class,
            description = "Assumed response rate of the experimental arm (or of the one arm), above 0 and below 1.")
    Double p1;

    @Option(names = "--p2", paramLabel = "P", converter = OptionRanges.ResponseRate.class,
            description = "Assumed response rate of the control arm, above 0 and below 1: two arms.")
    Double p2;

    @Option(names = "--p0", paramLabel = "P", converter = OptionRanges.ResponseRate.class,
            description = "The fixed rate one arm is tested against, above 0 and below 1: one arm.")
    Double p0;

    @Option(names = "--margin", paramLabel = "D", converter = OptionRanges.RateDifference.class,
            description = "Two arms: the difference p1 - p2 under H0 (rpact's thetaH0), above -1 and below 1 (default 0).")
    Double margin;

    @Option(names = "--allocation", paramLabel = "R", converter = OptionRanges.Allocation.class,
            description = "Two arms: experimental patients per control patient, from 0.01 to 100 (default 1).")
    Double allocation;

    @Mixin
    SequentialOptions sequential;

    @Option(names = "--protocol", paramLabel = "ID|FILE",
            description = "Take p0, p1 and alpha from this protocol's single-arm-response design, or the analysis of its randomized"
                    + " design: a built-in protocol id, a protocol file, or - for standard input.")
    String protocol;

    @Mixin
    FormatOption format = new FormatOption(SampleSizeReport.FORMATS);

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws Exception {
        LoadedProtocol loaded = protocol == null ? null : ProtocolArgument.load(protocol);
        Design.Analysis analysis = null;
        if (loaded != null) {
            Design d = loaded.protocol().design();
            if (d instanceof Design.SingleArmResponse s) {
                String from = "the protocol " + loaded.protocol().id() + "'s design.";
                if (p2 == null) {
                    p0 = p0 != null ? p0 : OptionRanges.RESPONSE_RATE.check(from + "historicalRate (override with --p0)", s.historicalRate());
                    if (p1 == null && s.expectedRate() != null) {
                        p1 = OptionRanges.RESPONSE_RATE.check(from + "expectedRate (override with --p1)", s.expectedRate());
                    }
                }
                if (sequential.alpha == null && s.alpha() != null) {
                    sequential.alpha = OptionRanges.ERROR_RATE.check(from + "alpha (override with --alpha)", s.alpha());
                }
            } else if (d instanceof Design.Randomized r) {
                analysis = r.analysis();
            } else {
                throw UserException.usage("the protocol " + loaded.protocol().id() + " has no single-arm-response or randomized design:"
                        + " design rates --protocol takes its rates or analysis from one" + SimonCommand.describe(d));
            }
        }
        if (p1 == null || (p0 == null) == (p2 == null)) {
            throw UserException.usage("give --p1 and either --p2 (two arms) or --p0 (one arm against a fixed rate)");
        }
        if (p0 != null && (margin != null || allocation != null)) {
            throw UserException.usage("--margin and --allocation are for two arms (--p2); one arm is tested against --p0");
        }
        Looks design = sequential.design(analysis);
        double power = sequential.power(design.alpha());
        RatesSizing question;
        if (p2 != null) {
            double m = margin == null ? 0 : margin;
            if (!(p1 - p2 > m)) {
                throw UserException.usage("--p1 - --p2 (" + Numbers.given(p1 - p2) + ") must be above --margin (" + Numbers.given(m)
                        + "): the trial tests whether the experimental rate exceeds the control rate plus the margin");
            }
            question = RatesSizing.twoSample(p1, p2, m, allocation == null ? 1 : allocation, design);
        } else {
            if (!(p1 > p0)) {
                throw UserException.usage("--p1 (" + Numbers.given(p1) + ") must be above --p0 (" + Numbers.given(p0)
                        + "): the trial looks for a response rate better than the fixed one");
            }
            question = RatesSizing.oneSample(p1, p0, design);
        }
        RatesResult result = question.sampleSize(power);
        SampleSizeReport report = SampleSizeReport.rates(result, design.spending().id(),
                design.betaSpending() == null ? null : design.betaSpending().id(), loaded);
        output.emit(spec, w -> report.write(format.get(), w));
        return ExitCode.OK;
    }
}
