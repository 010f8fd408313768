package org.trialsim.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Route;

/**
 * The patients a route receives that its label does not describe: those who met an earlier route's
 * condition but were not drawn for it (a route with a probability, such as "MRD-negative → blinatumomab"
 * taken by 90%) and fall through to the next route whose condition they meet, which may be labelled
 * for other patients ("MRD-positive → HSCT", or a route without a condition). The flow counts each
 * patient on the route taken; the reports name beside such a route the routes whose patients it may
 * also hold, so that its count is not read as its label alone. Found from the protocol: a route after the
 * probabilistic one that every patient meeting its condition takes (the same condition, or none, with
 * no probability) catches them first.
 */
final class FallThrough {
    private FallThrough() {
    }

    /** For each route of the decision, in order, the earlier routes whose patients not drawn may reach it though it is not labelled for them. */
    static List<List<Route>> of(Node.Decision decision) {
        List<Route> routes = decision.routes();
        List<List<Route>> into = new ArrayList<>();
        for (int j = 0; j < routes.size(); j++) {
            List<Route> from = new ArrayList<>();
            for (int i = 0; i < j; i++) {
                Route r = routes.get(i);
                if (!drawn(r) || r.when() == null || Objects.equals(routes.get(j).when(), r.when())) {
                    continue;
                }
                boolean caught = false;
                for (int k = i + 1; k < j && !caught; k++) {
                    Route between = routes.get(k);
                    caught = !drawn(between) && (between.when() == null || between.when().equals(r.when()));
                }
                if (!caught) {
                    from.add(r);
                }
            }
            into.add(List.copyOf(from));
        }
        return into;
    }

    private static boolean drawn(Route r) {
        return r.probability() != null && r.probability() < 1;
    }

    /**
     * What a route may also hold: "may also hold patients who met 'mrd < 1e-4' but were not drawn (10%)
     * for 'MRD negative → HSCT'". "May": whether such a patient also meets this route's condition is not
     * decided from the protocol (two conditions may exclude each other), only that nothing before it
     * catches them.
     */
    static String note(List<Route> from) {
        List<String> parts = new ArrayList<>();
        for (Route r : from) {
            parts.add("who met '" + r.when().text() + "' but were not drawn (" + Numbers.givenPercent(1 - r.probability()) + ") for '"
                    + (r.label() == null ? r.to() : r.label()) + "'");
        }
        return "may also hold patients " + String.join(", and ", parts);
    }
}
