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
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.stats.SurvivalAccumulator;

/**
 * One CSV row per virtual patient and arm: covariates, MRD at enrolment, risk group, allocation, the
 * route through the pathway, MRD at each assessment, remission, transplant, time on therapy, cost, the
 * days of failure, relapse and death, and each survival endpoint's time and event exactly as the cohort
 * statistics count them (every column is described in docs/patient-records.md). Event days are whole
 * days rounded up, the day bins of the statistics, so that a Kaplan–Meier or cumulative incidence
 * estimate of the records gives the cohort's own to the last digit. Patients are written in index order
 * by one thread, so the file is the same whatever thread count made the statistics; the patients are
 * the same as in the statistics (same seed, same indices). A row is written as soon as it is made:
 * memory does not grow with the number of patients.
 */
public final class PatientRecords {
    private final CompiledProtocol protocol;
    private final ProtocolIndex index;
    private final double horizon;
    private final EndpointObservations observations;
    /** Each endpoint's events by name (failure, relapse, death), in the endpoint's order. */
    private final String[][] eventNames;

    /** Records of the compiled protocol's patients. */
    public PatientRecords(CompiledProtocol protocol) {
        this.protocol = protocol;
        this.index = protocol.index();
        this.horizon = index.horizonDays();
        this.observations = new EndpointObservations(index);
        this.eventNames = new String[index.endpoints()][];
        for (int e = 0; e < eventNames.length; e++) {
            eventNames[e] = index.endpoint(e).events().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        }
    }

    /** Writes the header and one row per patient for each arm the options select. */
    public void write(CohortOptions options, Writer out, Progress progress) throws IOException {
        List<String> header = new ArrayList<>(List.of("arm", "patient", "enrolled"));
        header.addAll(index.covariates());
        header.addAll(List.of("initial_mrd", "risk_at_enrolment", "risk", "allocation_day", "route"));
        for (int a = 0; a < index.assessments(); a++) {
            header.add("mrd_" + index.assessmentId(a));
        }
        header.addAll(List.of("remission_day", "transplanted", "time_on_therapy_days", "cost", "end", "failure_day",
                "relapse_day", "death_day", "death_cause"));
        for (int e = 0; e < index.endpoints(); e++) {
            header.add(index.endpointId(e) + "_days");
            header.add(index.endpointId(e) + "_event");
        }
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
        row.append(',').append(o.initialMrd()).append(',');
        if (o.enrolled()) {
            field(row, o.initialRisk() < 0 ? "" : index.riskGroups().get(o.initialRisk())).append(',');
            double risk = s[index.riskSlot()];
            field(row, risk == risk ? index.riskGroups().get((int) risk) : "").append(',');
            row.append(exact(o.allocationTime())).append(',');
            field(row, route(o));
        } else {
            row.append(",,,");
        }
        for (int a = 0; a < index.assessments(); a++) {
            double mrd = s[index.assessmentSlot(a)];
            row.append(',').append(mrd == mrd ? Double.toString(mrd) : "");
        }
        if (o.enrolled()) {
            row.append(',').append(exact(o.remissionTime()))
                    .append(',').append(o.transplanted())
                    .append(',').append(decimal(CohortAccumulator.timeUnits(o.timeOnTherapy()), CohortAccumulator.TIME_SCALE))
                    .append(',').append(decimal(CohortAccumulator.costUnits(o.cost()), CohortAccumulator.COST_SCALE))
                    .append(',').append(o.endNode() < 0 ? "" : index.nodeId(o.endNode()))
                    .append(',').append(day(o.failureTime()))
                    .append(',').append(day(o.relapseTime()))
                    .append(',').append(day(o.deathTime()))
                    .append(',').append(o.deathTime() <= horizon ? cause(o.deathCause()) : "");
        } else {
            row.append(",,,,,,,,,");
        }
        // the records are written for one arm at a time: a patient allocated at all is on the arm of the row
        boolean onArm = o.enrolled() && o.arm() >= 0;
        if (onArm) {
            observations.observe(o);
        }
        for (int e = 0; e < index.endpoints(); e++) {
            row.append(',');
            if (onArm && observations.counts(e)) {
                int status = observations.status(e);
                row.append(SurvivalAccumulator.dayBin(observations.time(e))).append(',')
                        .append(status == SurvivalAccumulator.CENSORED ? "censored" : eventNames[e][status - 1]);
            } else {
                row.append(',');
            }
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

    /**
     * An event's day as the statistics count it, whole days rounded up ({@link SurvivalAccumulator#dayBin});
     * empty when it did not happen by the horizon.
     */
    private String day(double t) {
        return t <= horizon ? Integer.toString(SurvivalAccumulator.dayBin(t)) : "";
    }

    /** A day on the pathway exactly (it reads back as the same double); empty when it never came. */
    private static String exact(double day) {
        if (!(day < Double.POSITIVE_INFINITY)) {
            return "";
        }
        return day == Math.rint(day) && Math.abs(day) < 1e15 ? Long.toString((long) day) : Double.toString(day);
    }

    /**
     * A non-negative number of units, {@code scale} (a power of ten) to the whole, as a decimal without
     * trailing zeros: 53,910 thousandths are 53.91. Exact, so the records sum to the statistics' summaries.
     */
    static String decimal(long units, double scale) {
        long whole = units / (long) scale;
        long fraction = units % (long) scale;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        // scale + fraction has the fraction's digits, with its leading zeros, after a leading 1
        StringBuilder digits = new StringBuilder(Long.toString((long) scale + fraction)).deleteCharAt(0);
        while (digits.charAt(digits.length() - 1) == '0') {
            digits.setLength(digits.length() - 1);
        }
        return whole + "." + digits;
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
