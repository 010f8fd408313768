package org.trialsim.simulator.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.trialsim.protocol.ArmHazardRatios;
import org.trialsim.protocol.Condition;
import org.trialsim.protocol.Covariate;
import org.trialsim.protocol.Criterion;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.EventRule;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.MrdResponse;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Route;
import org.trialsim.protocol.Stratum;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.protocol.Toxicity;
import org.trialsim.protocol.condition.Check;
import org.trialsim.protocol.condition.ConditionCompiler;
import org.trialsim.protocol.condition.ConditionSyntaxException;
import org.trialsim.protocol.condition.ProtocolVariables;
import org.trialsim.protocol.condition.Symbols;
import org.trialsim.protocol.condition.VariableType;
import org.trialsim.simulator.hazard.Hazards;
import org.trialsim.simulator.hazard.PiecewiseConstantHazard;
import org.trialsim.simulator.random.RandomStreams;

/**
 * A validated protocol compiled for simulation: nodes, covariates, criteria and rules as arrays,
 * conditions as {@link Check}s, hazard curves as {@link PiecewiseConstantHazard}s, and the random-stream purpose of each
 * part. Built once per run; immutable and shared by all threads.
 */
public final class CompiledProtocol {
    final LoadedProtocol loaded;
    final Protocol protocol;
    final Symbols symbols;
    final int slots;

    final String[] covariateNames;
    final int[] covariateSlots;
    final ValueSampler[] covariateSamplers;
    final long[] covariatePurposes;
    final ValueSampler initialMrd;
    final long initialMrdPurpose = RandomStreams.purpose("initial-mrd");

    final String[] criterionIds;
    final Check[] criterionChecks;
    final boolean[] criterionExcludes;
    /** For each criterion, the slot of its treatment's eligibility flag, or -1 for trial-wide criteria. */
    final int[] criterionTreatmentSlot;
    final String[] treatments;
    final int[] treatmentSlots;

    final String[] riskGroups;
    final Check[] riskRuleChecks;
    final int[] riskRuleGroups;

    final String[] arms;
    final String[] nodeIds;
    final CompiledNode[] nodes;
    final int start;
    final double remissionBelow;
    /** For each node, whether an MRD assessment can follow from it (its own included): if not, no MRD change can be seen. */
    final boolean[] mrdAssessedLater;

    final String[] assessmentIds;
    final int[] assessmentSlots;
    /** For each assessment, the slot of its "assessed" flag. */
    final int[] assessedSlots;
    final double[] assessmentDetectionLimits;
    /** For each assessment, a log10 MRD below which it is certainly undetected (a margin under log10 of the limit). */
    final double[] assessmentUndetectedBelow;
    final double[][] assessmentThresholds;
    /** For each assessment, its drift: the change of log10 MRD per day of enrolment after the start of accrual (0: none). */
    final double[] assessmentDriftPerDay;

    final Rule[] relapseRules;
    final Rule[] deathInRemissionRules;
    /** The slots the relapse and death-in-remission rules read, with MRD (which says whether they apply). */
    final boolean[] readByRemissionRules;
    final Rule[] deathAfterEventRules;
    /** For each arm, the ratio multiplying every relapse rule's hazard (outcomes.armHazardRatios); 1 where none is given. */
    final double[] relapseArmRatios;
    /** The same for death in remission. */
    final double[] deathInRemissionArmRatios;
    /** The same for death after an event. */
    final double[] deathAfterEventArmRatios;
    final long relapsePurpose = RandomStreams.purpose("relapse");
    final long deathInRemissionPurpose = RandomStreams.purpose("death-in-remission");
    final long deathAfterEventPurpose = RandomStreams.purpose("death-after-event");

    final double horizonDays;
    final String[] endpointIds;
    final Endpoint[] endpoints;

    final int mrdSlot;
    final int riskSlot;
    final int armSlot;

    /** Names and slots for code outside the engine. */
    private final ProtocolIndex index;
    /** The compiler of conditions over this protocol's symbols, for the parts compiled outside the engine (the trial design). */
    private final ConditionCompiler compiler;
    /** Each hazard curve of the outcomes, by id. */
    private final Map<String, PiecewiseConstantHazard> curves;

    /** An outcome rule: the first whose check holds gives the hazard. */
    record Rule(String label, Check when, PiecewiseConstantHazard hazard, double hazardRatio, double curedFraction) {
    }

    private CompiledProtocol(LoadedProtocol loaded) {
        this.loaded = loaded;
        this.protocol = loaded.protocol();
        this.symbols = ProtocolVariables.of(protocol);
        this.slots = symbols.slotCount();
        this.compiler = new ConditionCompiler(symbols);

        Map<String, Covariate> covariates = protocol.population().covariates();
        covariateNames = covariates.keySet().toArray(String[]::new);
        covariateSlots = new int[covariateNames.length];
        covariateSamplers = new ValueSampler[covariateNames.length];
        covariatePurposes = new long[covariateNames.length];
        for (int i = 0; i < covariateNames.length; i++) {
            covariateSlots[i] = symbols.slot(covariateNames[i]);
            covariateSamplers[i] = ValueSampler.of(covariates.get(covariateNames[i]).distribution(), symbols::slot, this::levels);
            covariatePurposes[i] = RandomStreams.purpose("covariate:" + covariateNames[i]);
        }
        initialMrd = protocol.population().initialMrd() == null ? new ValueSampler.Constant(1.0)
                : ValueSampler.of(protocol.population().initialMrd(), symbols::slot, this::levels);

        List<String> treatmentList = new ArrayList<>(ProtocolVariables.treatments(protocol));
        treatments = treatmentList.toArray(String[]::new);
        treatmentSlots = treatmentList.stream().mapToInt(t -> symbols.slot(ProtocolVariables.ELIGIBLE + t)).toArray();
        criterionIds = protocol.eligibility().keySet().toArray(String[]::new);
        criterionChecks = new Check[criterionIds.length];
        criterionExcludes = new boolean[criterionIds.length];
        criterionTreatmentSlot = new int[criterionIds.length];
        for (int i = 0; i < criterionIds.length; i++) {
            Criterion c = protocol.eligibility().get(criterionIds[i]);
            criterionChecks[i] = compile(compiler, c.condition());
            criterionExcludes[i] = c.exclude() != null;
            criterionTreatmentSlot[i] = c.treatment() == null ? -1 : symbols.slot(ProtocolVariables.ELIGIBLE + c.treatment());
        }

        riskGroups = protocol.riskGroups().groups().keySet().toArray(String[]::new);
        List<String> riskList = List.of(riskGroups);
        riskRuleChecks = protocol.riskGroups().initial().stream().map(r -> compile(compiler, r.when())).toArray(Check[]::new);
        riskRuleGroups = protocol.riskGroups().initial().stream().mapToInt(r -> riskList.indexOf(r.group())).toArray();
        arms = protocol.arms().keySet().toArray(String[]::new);

        assessmentIds = protocol.assessments().keySet().toArray(String[]::new);
        assessmentSlots = new int[assessmentIds.length];
        assessedSlots = new int[assessmentIds.length];
        assessmentDetectionLimits = new double[assessmentIds.length];
        assessmentUndetectedBelow = new double[assessmentIds.length];
        assessmentThresholds = new double[assessmentIds.length][];
        assessmentDriftPerDay = new double[assessmentIds.length];
        for (int i = 0; i < assessmentIds.length; i++) {
            var a = protocol.assessments().get(assessmentIds[i]);
            assessmentSlots[i] = symbols.slot(ProtocolVariables.MRD_AT + assessmentIds[i]);
            assessedSlots[i] = symbols.slot(ProtocolVariables.ASSESSED + assessmentIds[i]);
            assessmentDetectionLimits[i] = a.detectionLimit();
            // 10^(log10(limit) - 1e-9) is below the limit by far more than the rounding of log10 and pow
            assessmentUndetectedBelow[i] = Math.log10(a.detectionLimit()) - 1e-9;
            assessmentThresholds[i] = a.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
            assessmentDriftPerDay[i] = a.drift() == null ? 0 : a.drift().log10PerYear() / TimeUnits.DAYS_PER_YEAR;
        }

        nodeIds = protocol.pathway().nodes().keySet().toArray(String[]::new);
        Map<String, Integer> nodeIndex = new HashMap<>();
        for (int i = 0; i < nodeIds.length; i++) {
            nodeIndex.put(nodeIds[i], i);
        }
        nodes = new CompiledNode[nodeIds.length];
        for (int i = 0; i < nodeIds.length; i++) {
            nodes[i] = compileNode(i, protocol.pathway().nodes().get(nodeIds[i]), nodeIndex, compiler, riskList);
        }
        start = nodeIndex.get(protocol.pathway().start());
        remissionBelow = protocol.pathway().remissionBelow();
        mrdAssessedLater = new boolean[nodes.length];
        boolean[] known = new boolean[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            assessedLater(i, known);
        }

        Map<String, PiecewiseConstantHazard> hazards = new HashMap<>();
        protocol.outcomes().curves().forEach((id, curve) -> hazards.put(id, Hazards.of(curve)));
        curves = Map.copyOf(hazards);
        relapseRules = rules(protocol.outcomes().relapse(), hazards, compiler);
        deathInRemissionRules = rules(protocol.outcomes().deathInRemission(), hazards, compiler);
        deathAfterEventRules = rules(protocol.outcomes().deathAfterEvent(), hazards, compiler);
        relapseArmRatios = armRatios(ArmHazardRatios::relapse);
        deathInRemissionArmRatios = armRatios(ArmHazardRatios::deathInRemission);
        deathAfterEventArmRatios = armRatios(ArmHazardRatios::deathAfterEvent);
        readByRemissionRules = new boolean[slots];
        for (Rule r : relapseRules) {
            markSlotsRead(r.when(), readByRemissionRules);
        }
        for (Rule r : deathInRemissionRules) {
            markSlotsRead(r.when(), readByRemissionRules);
        }

        horizonDays = protocol.followUp().horizonYears() * TimeUnits.DAYS_PER_YEAR;
        endpointIds = protocol.endpoints().keySet().toArray(String[]::new);
        endpoints = protocol.endpoints().values().toArray(Endpoint[]::new);

        mrdSlot = symbols.slot(ProtocolVariables.MRD);
        readByRemissionRules[mrdSlot] = true;
        riskSlot = symbols.slot(ProtocolVariables.RISK);
        armSlot = symbols.slot(ProtocolVariables.ARM);
        // an arm's ratios change the hazard in remission when the arm is allocated
        readByRemissionRules[armSlot] |= Arrays.stream(relapseArmRatios).anyMatch(r -> r != 1)
                || Arrays.stream(deathInRemissionArmRatios).anyMatch(r -> r != 1);
        index = new ProtocolIndex(this);
    }

    /** Compiles a validated protocol. */
    public static CompiledProtocol of(LoadedProtocol loaded) {
        return new CompiledProtocol(loaded);
    }

    /**
     * The hazard of an endpoint's first event for every enrolled patient given the arm, when the
     * protocol makes it a known multiple of one curve from enrolment; otherwise empty, and the effect
     * of a comparison must be estimated by simulation. See {@link ClosedFormHazards} for when it is known.
     */
    public Optional<ScaledHazard> closedFormHazard(int arm, EndpointTime endpoint) {
        return new ClosedFormHazards(this).of(arm, endpoint);
    }

    /** The names and state slots of the protocol's parts, for the code that reads patients' outcomes. */
    public ProtocolIndex index() {
        return index;
    }

    /** The protocol's variables (covariates, MRD, risk, arm, …) and their slots in the state vector. */
    public Symbols symbols() {
        return symbols;
    }

    /**
     * Compiles a condition of the validated protocol over its symbols.
     *
     * @throws IllegalArgumentException if the condition does not compile (the protocol was not validated)
     */
    public Check condition(String text) {
        try {
            return compiler.compile(text);
        } catch (ConditionSyntaxException e) {
            throw new IllegalArgumentException("the protocol was not validated: " + e.describe(), e);
        }
    }

    /** The hazard of the outcome curve with the given id, as the engine uses it. */
    public PiecewiseConstantHazard curve(String id) {
        PiecewiseConstantHazard curve = curves.get(id);
        if (curve == null) {
            throw new IllegalArgumentException("the protocol has no curve '" + id + "'; it was not validated");
        }
        return curve;
    }

    /** The protocol as loaded. */
    public LoadedProtocol loaded() {
        return loaded;
    }

    /** The arm ids, in order. */
    public List<String> arms() {
        return List.of(arms);
    }

    /** The number of strata of an allocation node. */
    public int strata(int node) {
        return ((CompiledNode.Allocation) nodes[node]).strataArms().length;
    }

    /** The arms (indices) a stratum of an allocation node allocates to. */
    public int[] strataArms(int node, int stratum) {
        return ((CompiledNode.Allocation) nodes[node]).strataArms()[stratum];
    }

    /** The index of the MRD assessment with this id (as {@link PatientOutcome#assessmentDay} takes it), or -1. */
    public int assessment(String id) {
        return Arrays.asList(assessmentIds).indexOf(id);
    }

    /** The slot of the state vector that holds the MRD measured at an assessment (NaN until it is made). */
    public int assessmentSlot(int assessment) {
        return assessmentSlots[assessment];
    }

    /** The allocation weights of those arms. */
    public int[] strataWeights(int node, int stratum) {
        return ((CompiledNode.Allocation) nodes[node]).weights()[stratum];
    }

    /** The follow-up horizon in days. */
    public double horizonDays() {
        return horizonDays;
    }

    private List<String> levels(String covariate) {
        VariableType type = symbols.variable(covariate).type();
        if (type instanceof VariableType.Category c) {
            return c.levels();
        }
        return List.of("false", "true");
    }

    private double[] armRatios(ToDoubleFunction<ArmHazardRatios> ratio) {
        Map<String, ArmHazardRatios> given = protocol.outcomes().armHazardRatios();
        return Arrays.stream(arms).mapToDouble(arm -> given.containsKey(arm) ? ratio.applyAsDouble(given.get(arm)) : 1).toArray();
    }

    /** The ratio of an arm's patients (the arm in the state; before allocation, 1). */
    static double armRatio(double[] ratios, double[] state, int armSlot) {
        double arm = state[armSlot];
        return arm == arm ? ratios[(int) arm] : 1;
    }

    private Rule[] rules(List<EventRule> rules, Map<String, PiecewiseConstantHazard> hazards, ConditionCompiler compiler) {
        return rules.stream().map(r -> new Rule(r.label(), compile(compiler, r.when()), hazards.get(r.curve()),
                r.hazardRatio(), r.curedFraction())).toArray(Rule[]::new);
    }

    private CompiledNode compileNode(int index, Node node, Map<String, Integer> nodeIndex, ConditionCompiler compiler,
                                     List<String> riskList) {
        long purpose = RandomStreams.purpose("node:" + nodeIds[index]);
        if (node instanceof Node.Block b) {
            MrdResponse m = b.mrdResponse();
            List<String> toxicityIds = List.copyOf(b.toxicities().keySet());
            double[] toxicityProbabilities = b.toxicities().values().stream().mapToDouble(Toxicity::probability).toArray();
            List<String> assessmentList = List.of(assessmentIds);
            return new CompiledNode.Block(index, purpose, b.durationDays(), b.kind(),
                    b.requires().stream().mapToInt(t -> symbols.slot(ProtocolVariables.ELIGIBLE + t)).toArray(),
                    b.substitute() == null ? -1 : nodeIndex.get(b.substitute()),
                    m == null ? null : new CompiledNode.MrdModel(m.log10Shift(), m.log10Sd(), m.carryOver(),
                            m.resistant() == null ? 0 : m.resistant().probability(),
                            m.resistant() == null ? 0 : m.resistant().log10Shift(),
                            m.resistant() == null ? 0 : m.resistant().log10Sd(),
                            m.resistant() == null || m.resistant().carryOver() == null ? m.carryOver() : m.resistant().carryOver(),
                            m.adjustments().stream().map(a -> compile(compiler, a.when())).toArray(Check[]::new),
                            m.adjustments().stream().mapToDouble(MrdResponse.Adjustment::log10Shift).toArray()),
                    toxicityIds.toArray(String[]::new), toxicityProbabilities,
                    b.deathProbability() == null ? 0 : b.deathProbability(),
                    b.cost() == null ? 0 : b.cost(),
                    b.assessments().stream().mapToInt(assessmentList::indexOf).toArray(),
                    symbols.slot(ProtocolVariables.RECEIVED + nodeIds[index]),
                    symbols.slot(ProtocolVariables.DURING + nodeIds[index]),
                    nodeIndex.get(b.next()));
        }
        if (node instanceof Node.Decision d) {
            int n = d.routes().size();
            Check[] checks = new Check[n];
            double[] probabilities = new double[n];
            int[] setRisk = new int[n];
            int[] to = new int[n];
            String[] labels = new String[n];
            for (int i = 0; i < n; i++) {
                Route r = d.routes().get(i);
                checks[i] = compile(compiler, r.when());
                probabilities[i] = r.probability() == null ? 1 : r.probability();
                setRisk[i] = r.setRisk() == null ? -1 : riskList.indexOf(r.setRisk());
                to[i] = nodeIndex.get(r.to());
                labels[i] = r.label() != null ? r.label() : (r.when() != null ? r.when().text() : "otherwise") + " → " + r.to();
            }
            return new CompiledNode.Decision(index, purpose, checks, probabilities, setRisk, to, labels);
        }
        if (node instanceof Node.Allocation a) {
            List<String> armList = List.of(arms);
            int n = a.strata().size();
            String[] strataIds = a.strata().keySet().toArray(String[]::new);
            Check[] checks = new Check[n];
            int[][] strataArms = new int[n][];
            int[][] weights = new int[n][];
            for (int i = 0; i < n; i++) {
                Stratum s = a.strata().get(strataIds[i]);
                checks[i] = compile(compiler, s.when());
                strataArms[i] = s.ratio().keySet().stream().mapToInt(armList::indexOf).toArray();
                weights[i] = s.ratio().values().stream().mapToInt(Integer::intValue).toArray();
            }
            int[] to = new int[arms.length];
            java.util.Arrays.fill(to, -1);
            a.to().forEach((arm, target) -> to[armList.indexOf(arm)] = nodeIndex.get(target));
            return new CompiledNode.Allocation(index, purpose, strataIds, checks, strataArms, weights, to);
        }
        Node.End e = (Node.End) node;
        return new CompiledNode.End(index, e.status());
    }

    /**
     * Whether an assessment can follow from the node, memoized (the validated pathway has no loops). The
     * walk keeps its own stack: a pathway may be a chain of thousands of nodes, too deep for the thread's.
     */
    private boolean assessedLater(int start, boolean[] known) {
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            int node = stack.peek();
            if (known[node]) {
                stack.pop();
                continue;
            }
            int[] next = successors(nodes[node]);
            boolean ready = true;
            for (int to : next) {
                if (!known[to]) {
                    stack.push(to);
                    ready = false;
                }
            }
            if (ready) {
                boolean assessed = nodes[node] instanceof CompiledNode.Block b && b.assessments().length > 0;
                for (int to : next) {
                    assessed |= mrdAssessedLater[to];
                }
                mrdAssessedLater[node] = assessed;
                known[node] = true;
                stack.pop();
            }
        }
        return mrdAssessedLater[start];
    }

    /** The nodes a compiled node leads to. */
    private static int[] successors(CompiledNode n) {
        if (n instanceof CompiledNode.Block b) {
            return Arrays.stream(new int[] {b.next(), b.substitute()}).filter(to -> to >= 0).toArray();
        }
        if (n instanceof CompiledNode.Decision d) {
            return d.to();
        }
        if (n instanceof CompiledNode.Allocation a) {
            return Arrays.stream(a.to()).filter(to -> to >= 0).toArray();
        }
        return new int[0];
    }

    static void markSlotsRead(Check check, boolean[] read) {
        if (check instanceof Check.NumberVsConstant c) {
            read[c.slot()] = true;
        } else if (check instanceof Check.SlotVsSlot c) {
            read[c.left()] = true;
            read[c.right()] = true;
        } else if (check instanceof Check.LevelIn c) {
            read[c.slot()] = true;
        } else if (check instanceof Check.FlagIs c) {
            read[c.slot()] = true;
        } else if (check instanceof Check.AllOf c) {
            c.parts().forEach(part -> markSlotsRead(part, read));
        } else if (check instanceof Check.AnyOf c) {
            c.parts().forEach(part -> markSlotsRead(part, read));
        } else if (check instanceof Check.Not c) {
            markSlotsRead(c.part(), read);
        }
    }

    private static Check compile(ConditionCompiler compiler, Condition condition) {
        if (condition == null) {
            return Check.ALWAYS;
        }
        try {
            return compiler.compile(condition.text());
        } catch (ConditionSyntaxException e) {
            throw new IllegalArgumentException("the protocol was not validated: " + e.describe(), e);
        }
    }
}
