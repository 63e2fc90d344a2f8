package io.flowdoctor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture as the package names promise it: dependencies point one way (api/console -> intake ->
 * diagnosis, history, notify -> rulebase, knowledge), reasoning does no I/O, and Drools stays behind
 * the rule base's one door.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.flowdoctor");
    }

    @Test
    void packagesHaveNoCycles() {
        ArchRule rule = slices().matching("io.flowdoctor.(*)..").should().beFreeOfCycles();
        rule.check(main);
    }

    @Test
    void diagnosisDependsOnlyOnTheRuleBaseAndTheKnowledge() {
        noClasses().that().resideInAPackage("io.flowdoctor.diagnosis..")
                .should().dependOnClassesThat().resideInAnyPackage("io.flowdoctor.api..", "io.flowdoctor.intake..",
                        "io.flowdoctor.history..", "io.flowdoctor.notify..", "io.flowdoctor.lifecycle..",
                        "io.flowdoctor.scenario..", "io.flowdoctor.security..", "io.flowdoctor.console..")
                .check(main);
    }

    @Test
    void notifyKnowsNothingOfDiagnosesOrTheApi() {
        noClasses().that().resideInAPackage("io.flowdoctor.notify..")
                .should().dependOnClassesThat().resideInAnyPackage("io.flowdoctor.diagnosis..", "io.flowdoctor.api..",
                        "io.flowdoctor.intake..")
                .check(main);
    }

    @Test
    void nothingDependsOnTheConsole() {
        noClasses().that().resideOutsideOfPackage("io.flowdoctor.console..")
                .should().dependOnClassesThat().resideInAPackage("io.flowdoctor.console..")
                .check(main);
    }

    @Test
    void theConsoleReadsThroughTheServicesNotTheApi() {
        noClasses().that().resideInAPackage("io.flowdoctor.console..")
                .should().dependOnClassesThat().resideInAnyPackage("io.flowdoctor.api..", "io.flowdoctor.rulebase..",
                        "io.flowdoctor.scenario..")
                .check(main);
    }

    @Test
    void onlyTheRuleBaseTouchesDrools() {
        noClasses().that().resideOutsideOfPackage("io.flowdoctor.rulebase..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(main);
    }

    @Test
    void theLowerLayersNeverReachUp() {
        noClasses().that().resideInAnyPackage("io.flowdoctor.rulebase..", "io.flowdoctor.knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage("io.flowdoctor.api..", "io.flowdoctor.intake..",
                        "io.flowdoctor.diagnosis..", "io.flowdoctor.history..", "io.flowdoctor.notify..",
                        "io.flowdoctor.lifecycle..", "io.flowdoctor.scenario..")
                .check(main);
        noClasses().that().resideInAnyPackage("io.flowdoctor.history..")
                .should().dependOnClassesThat().resideInAnyPackage("io.flowdoctor.api..", "io.flowdoctor.intake..",
                        "io.flowdoctor.notify..", "io.flowdoctor.lifecycle..")
                .check(main);
    }
}
