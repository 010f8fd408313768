package org.trialsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;

/**
 * The protocol of a {@code simulate} or {@code trial} command line, read on a thread of its own while
 * picocli builds the command's model on the main thread (about 0.1 s of processor time in a fresh JVM,
 * as long as reading and validating a built-in): the word right after the command's name, which is the
 * protocol argument when it is not an option, read as the command reads it without {@code --set}. The
 * command takes it only if it then loads that same argument without changes, and only if it was read
 * without a problem: a problem is met again on the command's own thread, where it is reported as it
 * always was. Only a built-in id or a regular file is read ahead, as reading twice is harmless for them
 * (not for a pipe or standard input), and no command line with {@code --set}, whose protocol is another.
 */
final class ReadAhead {
    private final String argument;
    private final FutureTask<LoadedProtocol> reading;

    private ReadAhead(String argument) {
        this.argument = argument;
        this.reading = new FutureTask<>(() -> ProtocolArgument.load(argument));
    }

    /**
     * Starts reading the protocol these arguments name right after {@code simulate} or {@code trial}, the
     * first of the two they hold; null if none is read. The command's name is matched as a word (its
     * model, whose annotation parsing is the first a fresh JVM does, is not asked for, so the reading
     * starts sooner): should the word be something else, such as {@code trialsim show trial}, no command
     * takes what was read.
     */
    static ReadAhead start(String[] args) {
        int command = -1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("@") || args[i].startsWith("--set")) {
                return null; // an argument file may hold anything; --set changes the protocol
            }
            if (command < 0 && (args[i].equals(SimulateCommand.NAME) || args[i].equals(TrialCommand.NAME))) {
                command = i;
            }
        }
        String word = command >= 0 && command + 1 < args.length ? args[command + 1] : "";
        if (word.isEmpty() || word.startsWith("-") || !builtInOrRegularFile(word)) {
            return null;
        }
        ReadAhead ahead = new ReadAhead(word);
        Thread thread = new Thread(ahead.reading, "trialsim-read-ahead");
        thread.setDaemon(true);
        thread.start();
        return ahead;
    }

    private static boolean builtInOrRegularFile(String word) {
        try {
            return BuiltinProtocols.exists(word) || Files.isRegularFile(Path.of(word));
        } catch (RuntimeException e) {
            return false; // not a path
        }
    }

    /** The protocol read ahead, if it is this argument's and was read without a problem; else null. */
    LoadedProtocol take(String protocol) throws InterruptedException {
        if (!argument.equals(protocol)) {
            return null;
        }
        try {
            return reading.get();
        } catch (ExecutionException e) {
            return null;
        }
    }
}
