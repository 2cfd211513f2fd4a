package io.outcomepay.billing.contract;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.api.ContractCommands.AmendContract;
import io.outcomepay.billing.contract.api.ContractCommands.CreateContract;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.contract.api.ContractEvent.ContractAmended;
import io.outcomepay.billing.contract.api.ContractEvent.ContractCreated;
import io.outcomepay.billing.settlement.Settlements;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractTest {

    private AggregateTestFixture<Contract> fixture;

    static ContractDefinition definition(LocalDate from, String baseRate) {
        return new ContractDefinition("C-1", "USD", "INS-1", "VENDOR-1", List.of("H001", "H002"),
                new ContractDefinition.BaselineReference("ms-drg-v43", new BigDecimal(baseRate)), from, null,
                Settlements.firstDollar());
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    @Test
    void createsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateContract("C-1", definition(LocalDate.of(2026, 1, 1), "6500.00")))
                .expectEvents(new ContractCreated("C-1", 1, definition(LocalDate.of(2026, 1, 1), "6500.00")))
                .expectResultMessagePayload(new VersionOutcome(1, true));
    }

    @Test
    void creatingTheSameContractAgainChangesNothing() {
        fixture.given(new ContractCreated("C-1", 1, definition(LocalDate.of(2026, 1, 1), "6500.00")))
                .when(new CreateContract("C-1", definition(LocalDate.of(2026, 1, 1), "6500.00")))
                .expectNoEvents()
                .expectResultMessagePayload(new VersionOutcome(1, false));
    }

    @Test
    void refusesToOverwriteAContractByCreatingItAgain() {
        fixture.given(new ContractCreated("C-1", 1, definition(LocalDate.of(2026, 1, 1), "6500.00")))
                .when(new CreateContract("C-1", definition(LocalDate.of(2026, 1, 1), "7000.00")))
                .expectNoEvents()
                .expectException(Contract.ContractConflict.class);
    }

    @Test
    void amendsAsANewEffectiveDatedVersion() {
        fixture.given(new ContractCreated("C-1", 1, definition(LocalDate.of(2026, 1, 1), "6500.00")))
                .when(new AmendContract("C-1", definition(LocalDate.of(2026, 4, 1), "6800.00")))
                .expectEvents(new ContractAmended("C-1", 2, definition(LocalDate.of(2026, 4, 1), "6800.00")))
                .expectResultMessagePayload(new VersionOutcome(2, true));
    }

    @Test
    void refusesAnAmendmentThatDoesNotTakeEffectLater() {
        fixture.given(new ContractCreated("C-1", 1, definition(LocalDate.of(2026, 1, 1), "6500.00")))
                .when(new AmendContract("C-1", definition(LocalDate.of(2026, 1, 1), "6800.00")))
                .expectNoEvents()
                .expectException(Contract.ContractConflict.class);
    }

    @Test
    void refusesSharesThatDoNotSumToOne() {
        assertThatThrownBy(() -> new io.outcomepay.billing.settlement.SettlementTerms.PartyShares(
                new BigDecimal("0.5"), new BigDecimal("0.3"), new BigDecimal("0.3")))
                .hasMessage("shares must sum to 1, they sum to 1.1");
    }
}
