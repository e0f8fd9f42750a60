package io.reliably.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine runs in any CI: it must never reach into Jenkins. */
class ArchitectureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.reliably.engine");

    @Test
    void shouldKeepTheEngineFreeOfJenkins() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..",
                        "io.jenkins..", "net.sf.json..")
                .check(engine);
    }

    @Test
    void shouldKeepTheExperimentModelFreeOfTheRunner() {
        noClasses().that().resideInAPackage("io.reliably.engine.experiment..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.reliably.engine.run..", "io.reliably.engine.loader..",
                        "io.reliably.engine.provider..")
                .check(engine);
    }

    @Test
    void shouldKeepIndicatorsAndObjectivesApartFromExperiments() {
        noClasses().that().resideInAnyPackage("io.reliably.engine.sli..", "io.reliably.engine.slo..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.reliably.engine.run..", "io.reliably.engine.experiment..")
                .check(engine);
    }
}
