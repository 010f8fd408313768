package org.trialsim.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of docs/architecture.md, checked on the compiled classes of every module, so that a
 * change that breaks it fails the build instead of drifting: which package may use which, no cycles,
 * and the command line reaching the simulator only through its front door and result types.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.trialsim");
    }

    /** Model below simulator below command line (the benchmarks module, beside the command line, is not on this class path). */
    @Test
    void modulesDependDownwardsOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("org.trialsim.protocol..")
                .layer("simulator").definedBy("org.trialsim.simulator..")
                .layer("cli").definedBy("org.trialsim.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("simulator").mayOnlyBeAccessedByLayers("cli")
                .check(classes);
    }

    /**
     * Inside the simulator: the facade on top; the registry of named implementations above the trial
     * code that asks for them; the engine runs patients and knows nothing of cohorts, trials, analyses or
     * calculators; hazards, random streams, statistics and the run harness sit below everything.
     */
    @Test
    void simulatorPackagesAreLayered() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("facade").definedBy("org.trialsim.simulator")
                .layer("explore").definedBy("org.trialsim.simulator.explore..")
                .layer("registry").definedBy("org.trialsim.simulator.registry..")
                .layer("cohort").definedBy("org.trialsim.simulator.cohort..")
                .layer("trial").definedBy("org.trialsim.simulator.trial..")
                .layer("design").definedBy("org.trialsim.simulator.design..")
                .layer("analysis").definedBy("org.trialsim.simulator.analysis..")
                .layer("engine").definedBy("org.trialsim.simulator.engine..")
                .layer("run").definedBy("org.trialsim.simulator.run..")
                .layer("foundations").definedBy("org.trialsim.simulator.hazard..", "org.trialsim.simulator.random..",
                        "org.trialsim.simulator.stats..")
                .whereLayer("facade").mayNotBeAccessedByAnyLayer()
                .whereLayer("explore").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("cohort").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("trial").mayOnlyBeAccessedByLayers("facade", "explore", "registry")
                .whereLayer("design").mayOnlyBeAccessedByLayers("facade")
                // a cohort fits the Cox hazard ratio between its arms (simulate --hazard-ratio)
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("facade", "registry", "cohort", "trial", "design")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("facade", "cohort", "trial")
                .whereLayer("run").mayOnlyBeAccessedByLayers("facade", "explore", "registry", "cohort", "trial", "design")
                .whereLayer("foundations").mayOnlyBeAccessedByLayers("facade", "explore", "registry", "cohort", "trial", "design", "analysis", "engine",
                        "run")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.trialsim.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.trialsim.simulator.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.trialsim.protocol.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The command line uses the simulator's front door and its options and results, never its machinery. */
    @Test
    void theCommandLineStaysOutOfTheSimulatorsMachinery() {
        noClasses().that().resideInAPackage("org.trialsim.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trialsim.simulator.engine..", "org.trialsim.simulator.random..",
                        "org.trialsim.simulator.hazard..", "org.trialsim.simulator.analysis..", "org.trialsim.simulator.trial.allocation..",
                        "org.trialsim.simulator.trial.accrual..")
                .check(classes);
    }

    /**
     * The reports are below the commands: a command parses its options, runs the simulator and hands the
     * result to its report, which knows nothing of options, commands or how the output is opened.
     */
    @Test
    void theReportsDoNotDependOnTheCommands() {
        noClasses().that().resideInAPackage("org.trialsim.cli.report..")
                .should().dependOnClassesThat().resideInAPackage("org.trialsim.cli")
                .orShould().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    /** Reproducible to the bit: randomness comes only from the addressed Commons RNG streams. */
    @Test
    void noRandomnessOutsideCommonsRng() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().callMethod(Math.class, "random")
                .check(classes);
    }
}
