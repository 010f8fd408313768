package org.trialsim.cli.report;

import java.util.ArrayList;
import java.util.List;
import org.trialsim.protocol.Protocol;
import org.trialsim.simulator.run.Provenance;

/** What every HTML report says about where its result comes from: the protocol and the provenance, and the footer line. */
final class HtmlFacts {
    private HtmlFacts() {
    }

    /** The protocol (or null, when the report has none besides its provenance) and the provenance as name–value pairs. */
    static List<String[]> of(Protocol protocol, Provenance p) {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Protocol", p.protocolId() + (protocol == null || protocol.registry() == null ? "" : " (" + protocol.registry() + ")")});
        facts.add(new String[] {"Read from", p.protocol()});
        facts.add(new String[] {"Content hash (SHA-256)", p.contentHash()});
        if (!p.settings().isEmpty()) {
            facts.add(new String[] {"Changed with --set", String.join(", ", p.settings())});
        }
        if (p.patients() != null) {
            facts.add(new String[] {"Virtual patients per arm", Numbers.count(p.patients())});
        }
        if (p.arms() != null) {
            facts.add(new String[] {"Arms", String.join(", ", p.arms())});
        }
        if (p.replicates() != null) {
            facts.add(new String[] {"Simulated trials", Numbers.count(p.replicates())});
        }
        facts.add(new String[] {"Seed", Long.toString(p.seed())});
        facts.add(new String[] {"Generator", p.generator()});
        facts.add(new String[] {"Tool", p.tool() + " " + p.version()});
        return facts;
    }

    /** The page's last line: how to make it again. */
    static String footer(Provenance p) {
        return "Made by " + p.tool() + " " + p.version() + " from " + p.protocol() + " with seed " + p.seed()
                + (p.settings().isEmpty() ? "" : " and --set " + String.join(" --set ", p.settings()))
                + ". The same command and seed give the same numbers on any machine and thread count.";
    }
}
