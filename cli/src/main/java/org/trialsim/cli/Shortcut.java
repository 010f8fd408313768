package org.trialsim.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Runs {@code trialsim protocols} and {@code trialsim validate <id|file>...} without picocli, when their
 * arguments are plain: no option, no argument file ({@code @file}), no {@code -} for standard input. These
 * commands take nothing else, so picocli would only hand the words over; building its model of the
 * command, by reflection over classes that no start-up archive can hold (picocli is compiled for Java 5),
 * took a fifth of a second, a third of {@code validate}'s time in a fresh JVM. Anything else (help, a usage
 * error, {@code --verbose}) goes to picocli as before; both routes run the same code, so the output,
 * messages and exit code are the same (ShortcutTest compares them).
 */
final class Shortcut {
    private Shortcut() {
    }

    /** The exit code of the command these arguments give, run here, or null if picocli must run it. */
    static Integer run(String[] args, PrintWriter out, PrintWriter err) {
        boolean protocols = args.length == 1 && args[0].equals("protocols");
        boolean validate = args.length >= 2 && args[0].equals("validate") && plain(args);
        if (!protocols && !validate) {
            return null;
        }
        try {
            return protocols ? ProtocolsCommand.list(out) : ValidateCommand.validate(List.of(args).subList(1, args.length), out, err);
        } catch (Exception e) {
            // as picocli's execution handler would (--verbose, which shows a stack trace, goes to picocli)
            return Errors.handle(e, err, false);
        }
    }

    /** Whether every word after the command is one picocli takes as it is: not empty, not an option or -, not an argument file. */
    private static boolean plain(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].isEmpty() || args[i].charAt(0) == '-' || args[i].charAt(0) == '@') {
                return false;
            }
        }
        return true;
    }
}
