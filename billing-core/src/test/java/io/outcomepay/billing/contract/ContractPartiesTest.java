package io.outcomepay.billing.contract;

import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.party.Party;
import io.outcomepay.billing.settlement.SettlementTerms;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractPartiesTest {

    @Test
    void aPartyIsWrittenKindColonIdAndReadBack() {
        assertThat(Party.parse("insurer:INS-1")).isEqualTo(Party.insurer("INS-1"));
        assertThat(Party.parse("hospital:H:7")).isEqualTo(Party.hospital("H:7"));
        assertThat(Party.vendor("VENDOR-1")).hasToString("vendor:VENDOR-1");
        assertThat(Party.insurer("X")).isNotEqualTo(Party.vendor("X"));
    }

    @Test
    void aPartyThatIsNotKindColonIdIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> Party.parse("INS-1")).isInstanceOf(InvalidValue.class)
                .hasMessage("party: 'INS-1' is not kind:id (insurer:ID, hospital:ID or vendor:ID)");
        assertThatThrownBy(() -> Party.parse("payer:INS-1"))
                .hasMessage("party: kind 'payer' is not insurer, hospital or vendor");
        assertThatThrownBy(() -> Party.parse("vendor:")).isInstanceOf(InvalidValue.class).hasMessageStartingWith("vendor: ");
        assertThatThrownBy(() -> Party.hospital("H".repeat(129))).isInstanceOf(InvalidValue.class)
                .hasMessageStartingWith("hospital: ");
    }

    @Test
    void aContractsPartiesAreItsInsurerItsHospitalsAndTheVendorItPays() {
        ContractDefinition contract = ContractTest.definition(LocalDate.of(2026, 1, 1), "6500.00");

        assertThat(contract.parties()).containsExactly(Party.insurer("INS-1"), Party.hospital("H001"),
                Party.hospital("H002"), Party.vendor("VENDOR-1"));
    }

    @Test
    void withVendorSharesTheVendorsPaidAreThoseOfTheShares() {
        ContractDefinition base = ContractTest.definition(LocalDate.of(2026, 1, 1), "6500.00");
        Map<String, BigDecimal> vendors = new LinkedHashMap<>();
        vendors.put("V-SEPSIS", new BigDecimal("0.15"));
        vendors.put("V-CODING", new BigDecimal("0.05"));
        SettlementTerms t = base.terms();
        SettlementTerms shared = new SettlementTerms(t.eligible(), t.minimumSavingsRate(), t.sharing(), t.capRate(),
                t.outliers(), new SettlementTerms.PartyShares(new BigDecimal("0.50"), new BigDecimal("0.30"), null, vendors));
        ContractDefinition contract = new ContractDefinition(base.contractId(), base.currency(), base.insurer(),
                base.vendor(), base.hospitals(), base.baseline(), base.effectiveFrom(), null, shared);

        assertThat(contract.parties()).containsExactly(Party.insurer("INS-1"), Party.hospital("H001"),
                Party.hospital("H002"), Party.vendor("V-CODING"), Party.vendor("V-SEPSIS"));
    }
}
