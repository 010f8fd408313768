package org.trialsim.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.trialsim.cli.report.Format;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --format}: how a command writes its result, one of the formats of its report. A command
 * declares it with the formats, {@code @Mixin FormatOption format = new FormatOption(CohortReport.FORMATS);},
 * and its help lists exactly those, and any other is refused while the command line is parsed, in the
 * shape of every refused value: "--format must be table or json, not csv" (exit code 2).
 *
 * <p>An annotation cannot vary by command, so the option is declared once here, and when the command
 * line is built, {@link #restrict} gives each command's option its converter and its list of values.
 * (Not picocli's model transformer on this mixin: it is not applied to subcommands added one by one,
 * which is how {@link TrialsimCommand#addSubcommands} adds them.) The formats are a plain set: the
 * commands are built whenever trialsim starts, and a report's writers are made only when it is written.
 */
final class FormatOption {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "How the result is written: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    private final Set<Format> formats;

    /** The option of a command that writes one report, or one of several (the union of their formats). */
    @SafeVarargs
    FormatOption(Set<Format>... reports) {
        Set<Format> all = EnumSet.noneOf(Format.class);
        for (Set<Format> report : reports) {
            all.addAll(report);
        }
        this.formats = all;
    }

    /** The format given, or the default. */
    Format get() {
        return format;
    }

    /** Reads a format's name, in any case, and refuses one the command's reports lack. */
    private static final class Converter implements ITypeConverter<Format> {
        private final Set<Format> formats;

        Converter(Set<Format> formats) {
            this.formats = formats;
        }

        @Override
        public Format convert(String text) {
            Format f = Format.named(text);
            if (f == null || !formats.contains(f)) {
                throw new RefusedValue(Format.list(formats), text);
            }
            return f;
        }
    }

    /**
     * Replaces the --format of every command in this command line, as its annotation made it, with one
     * that accepts the command's formats and lists them, in the same place among the command's options
     * (their order in help). Applying it twice changes nothing more.
     */
    static void restrict(CommandLine commandLine) {
        CommandSpec command = commandLine.getCommandSpec();
        for (CommandSpec mixin : command.mixins().values()) {
            if (mixin.userObject() instanceof FormatOption option) {
                replace(command, command.findOption("--format"), option.formats);
            }
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            restrict(sub);
        }
    }

    // loops rather than streams and method references: this runs for every command whenever trialsim starts
    private static void replace(CommandSpec command, OptionSpec annotated, Set<Format> formats) {
        List<String> names = new ArrayList<>();
        for (Format f : formats) {
            names.add(f.id());
        }
        OptionSpec restricted = annotated.toBuilder().converters(new Converter(formats)).completionCandidates(names).build();
        List<OptionSpec> options = command.options();
        List<OptionSpec> after = new ArrayList<>(options.subList(options.indexOf(annotated) + 1, options.size()));
        command.remove(annotated);
        for (OptionSpec o : after) {
            command.remove(o);
        }
        command.addOption(restricted);
        for (OptionSpec o : after) {
            command.addOption(o);
        }
    }
}
