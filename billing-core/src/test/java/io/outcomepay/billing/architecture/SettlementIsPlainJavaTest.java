package io.outcomepay.billing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class SettlementIsPlainJavaTest {

    private final JavaClasses billing = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.outcomepay.billing");

    @Test
    void settlementMoneyLedgerAndAuditChainImportNoSpringAxonOrJpa() {
        noClasses().that().resideInAnyPackage("io.outcomepay.billing.settlement..", "io.outcomepay.billing.money..",
                        "io.outcomepay.billing.ledger..", "io.outcomepay.billing.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta.persistence..", "javax.persistence..", "org.hibernate..")
                .check(billing);
    }

    @Test
    void settlementMathUsesNoFloatingPoint() {
        noClasses().that().resideInAnyPackage("io.outcomepay.billing.settlement..", "io.outcomepay.billing.money..",
                        "io.outcomepay.billing.ledger..")
                .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class)
                .check(billing);
    }

    @Test
    void billingCoreDependsOnNoOuterModule() {
        noClasses().that().resideInAPackage("io.outcomepay.billing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.outcomepay.claims..", "io.outcomepay.analytics..",
                        "io.outcomepay.reports..", "io.outcomepay.app..")
                .check(billing);
    }
}
