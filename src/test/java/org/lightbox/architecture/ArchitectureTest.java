package org.lightbox.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries of DESIGN.md, checked on the compiled code so that they hold as the code grows. */
class ArchitectureTest {
    private static JavaClasses lightbox;

    @BeforeAll
    static void importProductionClasses() {
        lightbox = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lightbox");
    }

    @Test
    void viewModelsHoldNoNodes() {
        check(noClasses().that().haveSimpleNameEndingWith("ViewModel").should().dependOnClassesThat()
                .resideInAPackage("javafx.scene.."));
    }

    @Test
    void onlyViewsTheUiToolkitAndTheAppShellTouchTheSceneGraph() {
        check(noClasses().that(areNotPartOfAView())
                .and().resideOutsideOfPackages("org.lightbox.ui..", "org.lightbox.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene.."));
    }

    /** A View, or a class nested in one (its table cells, list cells, listeners): judged by the outermost class. */
    private static DescribedPredicate<JavaClass> areNotPartOfAView() {
        return DescribedPredicate.describe("are not part of a View", type -> {
            JavaClass outermost = type;
            while (outermost.getEnclosingClass().isPresent()) {
                outermost = outermost.getEnclosingClass().get();
            }
            return !outermost.getSimpleName().endsWith("View");
        });
    }

    @Test
    void domainAndStoreNeverDependOnTheUi() {
        check(noClasses().that().resideInAnyPackage("org.lightbox.domain..", "org.lightbox.store..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.lightbox.ui..", "org.lightbox.app.."));
    }

    @Test
    void theDomainDependsOnNothingElseOfLightbox() {
        check(noClasses().that().resideInAPackage("org.lightbox.domain..").should().dependOnClassesThat()
                .resideInAnyPackage("org.lightbox.store..", "org.lightbox.audit..", "org.lightbox.auth..",
                        "org.lightbox.request..", "org.lightbox.worklist..", "org.lightbox.dicom..", "org.lightbox.app..",
                        "org.lightbox.ui.."));
    }

    @Test
    void pixelMedStaysInsideTheDicomPackage() {
        check(noClasses().that().resideOutsideOfPackage("org.lightbox.dicom..").should().dependOnClassesThat()
                .resideInAPackage("com.pixelmed.."));
    }

    /** HTTP is for the central store (sync) and for the PACS (DICOMweb, in ingest.pacs): see README, Design decisions. */
    @Test
    void okHttpStaysInsideTheNetworkClients() {
        check(noClasses().that().resideOutsideOfPackages("org.lightbox.sync..", "org.lightbox.ingest.pacs..")
                .should().dependOnClassesThat().resideInAPackage("okhttp3.."));
    }

    /** The composition root's LogFiles alone configures the backend (the file in the data folder). */
    @Test
    void loggingGoesThroughSlf4j() {
        check(noClasses().that().doNotHaveFullyQualifiedName("org.lightbox.app.LogFiles")
                .and().doNotHaveFullyQualifiedName("org.lightbox.app.LogFiles$Terminal").should().dependOnClassesThat()
                .resideInAnyPackage("java.util.logging..", "org.apache.log4j..", "org.apache.logging.log4j..", "ch.qos.logback.."));
    }

    @Test
    void theAppShellIsTheCompositionRootAndNothingDependsOnIt() {
        check(noClasses().that().resideOutsideOfPackage("org.lightbox.app..").should().dependOnClassesThat()
                .resideInAPackage("org.lightbox.app.."));
    }

    private static void check(ArchRule rule) {
        rule.check(lightbox);
    }
}
