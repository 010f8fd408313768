package org.trialsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialsim.cli.report.CohortReport;
import org.trialsim.cli.report.EscalationReport;
import org.trialsim.cli.report.ExploreReport;
import org.trialsim.cli.report.Format;
import org.trialsim.cli.report.Numbers;
import org.trialsim.cli.report.Report;
import org.trialsim.cli.report.SavedResult;
import org.trialsim.cli.report.TrialReport;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.run.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trialsim report RESULT.json}: the HTML page of a result saved with {@code --format json},
 * without simulating again. The page names the protocol's parts by their labels, so the protocol is
 * loaded again (from where the result says it was read, with its --set changes) and must have the
 * content hash the result records.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the HTML page of a result saved by 'simulate', 'trial', 'explore' or 'escalate' with --format json, without"
                + " simulating again: the same page as --format html gives.",
                "The protocol is read again from where the result says it came from, with the result's --set changes, and must"
                        + " be the same (its content hash is checked); --protocol says where it is now."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULT.json", description = "A result written with --format json, or - for standard input.")
    String file;

    @Option(names = "--protocol", paramLabel = "ID|FILE",
            description = "Where the result's protocol is now, when not where the result says it was read from.")
    String protocol;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws Exception {
        SavedResult saved;
        try {
            saved = SavedResult.read(read(file));
        } catch (SavedResult.NotAResult e) {
            throw new UserException(ExitCode.INVALID_INPUT, name() + " " + e.getMessage());
        }
        Report report;
        if (saved instanceof SavedResult.Cohort c) {
            report = new CohortReport(c.result(), protocolOf(c.result().provenance()).protocol());
        } else if (saved instanceof SavedResult.Trial t) {
            report = new TrialReport(t.result(), protocolOf(t.result().provenance()).protocol());
        } else if (saved instanceof SavedResult.Explore x) {
            // the page names the cells by their labels and needs nothing from the protocol
            report = ExploreReport.of(x.result());
        } else {
            SavedResult.Escalation e = (SavedResult.Escalation) saved;
            LoadedProtocol loaded = e.protocolSource() == null && protocol == null ? null
                    : load(e.protocolSource(), List.of(), e.contentHash());
            report = new EscalationReport(e.result(), doses(loaded, e.result().scenario().dltProbabilities().size()), unit(loaded), loaded);
        }
        output.emit(spec, w -> report.write(Format.HTML, w));
        return ExitCode.OK;
    }

    private String name() {
        return file.equals(ProtocolArgument.STANDARD_INPUT) ? ProtocolArgument.STANDARD_INPUT_NAME : "'" + file + "'";
    }

    /** The file's bytes, at most {@link SavedResult#MAX_BYTES}; a pipe is read only so far. */
    private static byte[] read(String file) throws IOException {
        Path path = Path.of(file);
        if (!file.equals(ProtocolArgument.STANDARD_INPUT) && Files.isDirectory(path)) {
            throw new UserException(ExitCode.IO, "'" + file + "' is a directory, not a result file");
        }
        try (InputStream in = file.equals(ProtocolArgument.STANDARD_INPUT) ? System.in : Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(SavedResult.MAX_BYTES + 1);
            if (bytes.length > SavedResult.MAX_BYTES) {
                throw new UserException(ExitCode.INVALID_INPUT, "'" + file + "' is larger than a result can be (" + Numbers.count(SavedResult.MAX_BYTES)
                        + " bytes; docs/limits.md)");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCode.IO, "'" + file + "' does not exist");
        }
    }

    private LoadedProtocol protocolOf(Provenance p) throws IOException, ProtocolException {
        String source = p.protocol().startsWith("builtin:") ? p.protocolId() : p.protocol();
        return load(source, p.settings(), p.contentHash());
    }

    /** The protocol (--protocol, else the source), with the settings, checked to have the result's content hash. */
    private LoadedProtocol load(String source, List<String> settings, String contentHash) throws IOException, ProtocolException {
        String from = protocol != null ? protocol : source != null && source.startsWith("builtin:")
                ? source.substring("builtin:".length()).replaceFirst("\\.yaml$", "") : source;
        if (from == null || from.equals(ProtocolArgument.STANDARD_INPUT_NAME)) {
            throw UserException.usage("the result was made from a protocol read from standard input; say where it is with --protocol"
                    + " ID|FILE");
        }
        List<Setting> parsed = new ArrayList<>();
        for (String s : settings) {
            parsed.add(Setting.parse(s));
        }
        LoadedProtocol loaded;
        try {
            loaded = ProtocolArgument.load(from, parsed);
        } catch (UserException e) {
            throw new UserException(e.exitCode(), "the result's protocol: " + e.getMessage() + (protocol == null
                    ? "; say where it is now with --protocol ID|FILE" : ""));
        }
        if (contentHash != null && !contentHash.equals(loaded.contentHash())) {
            throw new UserException(ExitCode.INVALID_INPUT, "the protocol " + from + (settings.isEmpty() ? "" : " with the result's --set changes")
                    + " is not the one the result was made from: its content hash is " + loaded.contentHash().substring(0, 12)
                    + "…, the result's " + contentHash.substring(0, Math.min(12, contentHash.length())) + "…; give the protocol it was"
                    + " made from with --protocol ID|FILE");
        }
        return loaded;
    }

    /** The doses of the protocol's escalation levels, when it has one with as many levels as the result. */
    private static List<Double> doses(LoadedProtocol loaded, int levels) {
        if (loaded != null && loaded.protocol().design() instanceof Design.EarlyPhase e && e.escalation() != null
                && e.escalation().levels().size() == levels) {
            return e.escalation().levels().stream().map(Design.DoseLevel::dose).toList();
        }
        return List.of();
    }

    private static String unit(LoadedProtocol loaded) {
        if (loaded != null && loaded.protocol().design() instanceof Design.EarlyPhase e && e.escalation() != null) {
            return e.escalation().levels().stream().map(Design.DoseLevel::unit).filter(u -> u != null).findFirst().orElse(null);
        }
        return null;
    }
}
