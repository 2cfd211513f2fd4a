package io.outcomepay.analytics.statistics;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class StatisticsArePlainJavaTest {

    @Test
    void theStatisticsImportNoFramework() {
        noClasses().that().resideInAPackage("io.outcomepay.analytics.statistics..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "tools.jackson..", "com.fasterxml..", "jakarta..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.outcomepay.analytics.statistics"));
    }
}
