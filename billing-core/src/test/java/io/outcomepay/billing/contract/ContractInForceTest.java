package io.outcomepay.billing.contract;

import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.settlement.Settlements;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ContractInForceTest {

    private static ContractDefinition version(String from, String to) {
        return new ContractDefinition("C-1", "USD", "INS-1", "VENDOR-1", List.of("H001"),
                new ContractDefinition.BaselineReference("ms-drg-v43", new BigDecimal("6500.00")), LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), Settlements.firstDollar());
    }

    private static final List<ContractDefinition> VERSIONS = List.of(version("2026-01-01", null),
            version("2026-04-01", "2026-06-30"));

    private static Optional<ContractDefinition> on(String day) {
        return ContractInForce.on(LocalDate.parse(day), VERSIONS, Function.identity());
    }

    @Test
    void theLatestVersionInEffectOnTheDayAppliesAndAnEndedOneLeavesTheContractOutOfForce() {
        assertThat(on("2025-12-31")).isEmpty();
        assertThat(on("2026-01-01")).contains(VERSIONS.get(0));
        assertThat(on("2026-03-31")).contains(VERSIONS.get(0));
        assertThat(on("2026-04-01")).contains(VERSIONS.get(1));
        assertThat(on("2026-06-30")).contains(VERSIONS.get(1));
        // the amendment ended the contract on 2026-06-30: version 1 does not come back
        assertThat(on("2026-07-01")).isEmpty();
    }
}
