package org.trialsim.simulator.cohort;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.ControlCharacters;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.PatientSimulator;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.random.RandomStreams;

/**
 * One CSV row per virtual patient and arm: covariates, enrolment, risk group, allocation, the route
 * through the pathway, MRD at each assessment, transplant, time on therapy, cost, and the days of
 * failure, relapse and death (empty when they did not happen by the horizon). Patients are written in
 * index order by one thread, so the file is the same whatever thread count made the statistics; the
 * patients are the same as in the statistics (same seed, same indices).
 */
public final class PatientRecords {
    private final CompiledProtocol protocol;
    private final ProtocolIndex index;

    /** Records of the compiled protocol's patients. */
    public PatientRecords(CompiledProtocol protocol) {
        this.protocol = protocol;
        this.index = new ProtocolIndex(protocol);
    }

    /** Writes the header and one row per patient for each arm the options select. */
    public void write(CohortOptions options, Writer out, Progress progress) throws IOException {
        List<String> header = new ArrayList<>(List.of("arm", "patient", "enrolled"));
        header.addAll(index.covariates());
        header.addAll(List.of("risk_at_enrolment", "risk", "allocation_day", "route"));
        for (int a = 0; a < index.assessments(); a++) {
            header.add("mrd_" + index.assessmentId(a));
        }
        header.addAll(List.of("transplanted", "time_on_therapy_days", "cost", "end", "failure_day", "relapse_day", "death_day",
                "death_cause"));
        out.write(String.join(",", header));
        out.write('\n');
        List<String> arms = protocol.arms();
        List<Integer> toRun = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            if (options.arm() == null || arms.get(a).equals(options.arm())) {
                toRun.add(a);
            }
        }
        PatientSimulator simulator = new PatientSimulator(protocol, new RandomStreams(options.seed()));
        long total = options.patients() * toRun.size();
        long done = 0;
        StringBuilder row = new StringBuilder(256);
        for (int arm : toRun) {
            ArmPolicy policy = ArmPolicy.forced(arm);
            for (long patient = 0; patient < options.patients(); patient++) {
                PatientOutcome o = simulator.simulate(patient, policy);
                row.setLength(0);
                format(arms.get(arm), o, row);
                out.write(row.toString());
                if (++done % 65536 == 0) {
                    progress.update(done, total);
                }
            }
        }
        progress.update(total, total);
    }

    private void format(String armRun, PatientOutcome o, StringBuilder row) {
        double[] s = o.state();
        field(row, armRun).append(',').append(o.index()).append(',').append(o.enrolled());
        for (int c = 0; c < index.covariates().size(); c++) {
            field(row.append(','), index.covariateText(c, s[index.covariateSlot(c)]));
        }
        row.append(',');
        if (o.enrolled()) {
            field(row, o.initialRisk() < 0 ? "" : index.riskGroups().get(o.initialRisk())).append(',');
            double risk = s[index.riskSlot()];
            field(row, risk == risk ? index.riskGroups().get((int) risk) : "").append(',');
            row.append(day(o.allocationTime())).append(',');
            field(row, route(o));
        } else {
            row.append(",,,");
        }
        for (int a = 0; a < index.assessments(); a++) {
            double mrd = s[index.assessmentSlot(a)];
            row.append(',').append(mrd == mrd ? Double.toString(mrd) : "");
        }
        if (o.enrolled()) {
            row.append(',').append(o.transplanted()).append(',').append(day(o.timeOnTherapy())).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", o.cost())).append(',')
                    .append(o.endNode() < 0 ? "" : index.nodeId(o.endNode())).append(',')
                    .append(day(o.failureTime())).append(',').append(day(o.relapseTime())).append(',').append(day(o.deathTime()))
                    .append(',').append(cause(o.deathCause()));
        } else {
            row.append(",,,,,,,,");
        }
        row.append('\n');
    }

    private String route(PatientOutcome o) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < o.pathLength(); i++) {
            int node = o.pathNode(i);
            if (r.length() > 0) {
                r.append(" > ");
            }
            r.append(index.nodeId(node));
            int choice = o.pathChoice(i);
            switch (index.nodeType(node)) {
                case "decision" -> r.append(" [").append(index.routeLabel(node, choice)).append(']');
                case "allocation" -> r.append(" [").append(index.arms().get(choice)).append(']');
                case "block" -> {
                    if (choice == PatientOutcome.SKIPPED) {
                        r.append(" [skipped]");
                    } else if (choice == PatientOutcome.SUBSTITUTED) {
                        r.append(" [substituted]");
                    }
                }
                default -> {
                }
            }
        }
        if (o.notOffered()) {
            r.append(r.length() > 0 ? " > " : "").append(index.nodeId(o.allocationNode())).append(" [arm not offered]");
        }
        return r.toString();
    }

    private double horizon() {
        return index.horizonDays();
    }

    private String day(double t) {
        if (!(t <= horizon())) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f", t);
    }

    private static String cause(int cause) {
        return switch (cause) {
            case PatientOutcome.DIED_IN_BLOCK -> "during a block";
            case PatientOutcome.DIED_IN_REMISSION -> "in remission";
            case PatientOutcome.DIED_AFTER_EVENT -> "after relapse or failure";
            default -> "";
        };
    }

    private static StringBuilder field(StringBuilder row, String text) {
        // levels and route labels are the protocol author's text: control characters are made visible
        String value = ControlCharacters.visible(text);
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
            return row.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return row.append(value);
    }
}
