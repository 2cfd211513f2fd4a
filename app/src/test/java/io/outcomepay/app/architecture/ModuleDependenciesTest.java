package io.outcomepay.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ModuleDependenciesTest {

    private final JavaClasses all = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.outcomepay");

    @Test
    void adaptersAnalyticsAndReportsDependOnBillingCoreNeverOnTheAssemblyOrEachOther() {
        noClasses().that().resideInAPackage("io.outcomepay.claims..")
                .should().dependOnClassesThat().resideInAnyPackage("io.outcomepay.app..", "io.outcomepay.analytics..",
                        "io.outcomepay.reports..")
                .check(all);
        noClasses().that().resideInAPackage("io.outcomepay.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.outcomepay.app..", "io.outcomepay.claims..",
                        "io.outcomepay.reports..")
                .check(all);
        noClasses().that().resideInAPackage("io.outcomepay.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("io.outcomepay.app..", "io.outcomepay.claims..",
                        "io.outcomepay.analytics..")
                .check(all);
    }

    @Test
    void theSettlementEngineImportsNoFramework() {
        noClasses().that().resideInAPackage("io.outcomepay.billing.settlement..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta.persistence..", "org.hibernate..")
                .check(all);
    }
}
