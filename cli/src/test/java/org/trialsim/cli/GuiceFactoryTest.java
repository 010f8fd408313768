package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/** The injector started on a thread of its own is the one the command then gets its simulator from. */
class GuiceFactoryTest {

    private static CommandSpec simulate() {
        return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "simulate")
                .getSubcommands().get("simulate").getCommandSpec();
    }

    @Test
    void aPreparedSimulatorIsTheOneAskedFor() throws Exception {
        CommandSpec spec = simulate();
        GuiceFactory.prepareSimulator(spec);
        GuiceFactory.prepareSimulator(spec); // a second start does not build a second injector

        assertThat(GuiceFactory.simulator(spec)).as("a singleton of one injector").isNotNull().isSameAs(GuiceFactory.simulator(spec));
    }

    @Test
    void anUnpreparedSimulatorIsBuiltWhenAskedFor() throws Exception {
        assertThat(GuiceFactory.simulator(simulate())).isNotNull();
    }
}
