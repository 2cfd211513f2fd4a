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

    @Test
    void theCliAndTheRestApiAreThinAdaptersThatCallUseCasesAndQueries() {
        noClasses().that().resideInAnyPackage("io.outcomepay.app.cli..", "io.outcomepay.app.rest..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
                .check(all);
    }

    @Test
    void theRestApiSpeaksApiRecordsNeverDomainEvents() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that().areDeclaredInClassesThat().resideInAPackage("io.outcomepay.app.rest..").and().arePublic()
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>(
                        "not return a domain event") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMethod method,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        String returned = method.getReturnType().getName();
                        boolean event = method.getReturnType().getAllInvolvedRawTypes().stream()
                                .anyMatch(t -> t.getAllRawInterfaces().stream().anyMatch(i -> i.reflect().isSealed()
                                        && i.getPackageName().startsWith("io.outcomepay.billing.")
                                        && i.getPackageName().endsWith(".api")));
                        if (event) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
                                    method.getFullName() + " returns a domain event (" + returned + ")"));
                        }
                    }
                })
                .check(all);
    }
}
