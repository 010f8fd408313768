package org.trialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialsim.protocol.ControlCharacters;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialsim validate <file>...}: checks protocol files and reports every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check protocol files (or built-in ids) and report every problem at once, with its line and column.",
                "Exits 0 when all are valid (warnings are printed), 3 when any has errors."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Protocol files (YAML or JSON), built-in ids, or - for standard input.")
    List<String> files;

    @Override
    public Integer call() throws Exception {
        return validate(files, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Validates each file in turn, valid ones on {@code out} and problems on {@code err}; the exit code of the worst. */
    static int validate(List<String> files, PrintWriter out, PrintWriter err) throws IOException {
        int exit = ExitCode.OK;
        for (String file : files) {
            try {
                LoadedProtocol loaded = ProtocolArgument.load(file);
                int n = loaded.warnings().size();
                // a valid file without warnings needs nothing of Errors, which on Java 25 no start-up cache can hold (it
                // implements a picocli interface, and picocli's class files are too old), so that it would be read,
                // verified and its lambdas spun in every run
                if (n > 0) {
                    Errors.printProblems(loaded.warnings(), err);
                }
                out.println(ControlCharacters.visible(file) + ": valid" + (n == 0 ? "" : " (" + n + (n == 1 ? " warning)" : " warnings)")));
            } catch (ProtocolException e) {
                Errors.printProblems(e, err);
                exit = Math.max(exit, ExitCode.INVALID_INPUT);
            } catch (UserException e) {
                err.println("trialsim: " + Errors.visible(e.getMessage()));
                exit = Math.max(exit, e.exitCode());
            }
        }
        return exit;
    }
}
