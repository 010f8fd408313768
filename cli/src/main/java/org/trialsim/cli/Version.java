package org.trialsim.cli;

import org.trialsim.protocol.TrialsimVersion;
import picocli.CommandLine;

/** Supplies {@code --version}. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"trialsim " + TrialsimVersion.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
