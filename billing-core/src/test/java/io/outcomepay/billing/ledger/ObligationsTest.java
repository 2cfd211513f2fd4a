package io.outcomepay.billing.ledger;

import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.Settlements;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObligationsTest {

    private static Obligation owes(String payer, String payee, String amount) {
        return new Obligation(payer, payee, new BigDecimal(amount));
    }

    @Test
    void theInsurerOwesEachHospitalItsShareAndTheVendorItsShareOfEveryHospital() {
        // H001: savings 543.60 -> hospital 163.08, vendor 108.72; H002: 8543.60 - 8200.00 = 343.60 -> 103.08 and 68.72
        SettlementResult result = Settlements.request(Settlements.firstDollar())
                .encounter("H001", "193", "8000.00").encounter("H002", "193", "8200.00").settle();
        assertThat(Obligations.of(result, "INS")).containsExactly(owes("INS", "H001", "163.08"),
                owes("INS", "H002", "103.08"), owes("INS", "VENDOR-1", "177.44"));
        assertThat(result.total().vendor()).isEqualByComparingTo("177.44");
    }

    @Test
    void aDeltaIsTheNewMinusTheSettledPerPairInTheDirectionThePairOwed() {
        List<Obligation> before = List.of(owes("INS", "H1", "100.00"), owes("INS", "V", "50.00"));
        List<Obligation> now = List.of(owes("H1", "INS", "20.00"), owes("INS", "V", "50.00"), owes("INS", "H2", "5.00"));
        assertThat(Obligations.delta(before, now)).containsExactly(owes("INS", "H1", "-120.00"), owes("INS", "H2", "5.00"));
        assertThat(Obligations.sum(List.of(before, Obligations.delta(before, now)))).isEqualTo(Obligations.owed(now));
    }

    @Test
    void anUnbalancedEntryCannotBeMadeAndAnEntryIsPostedOnce() {
        assertThatThrownBy(() -> new JournalEntry("E1", "C", "2026-01", EntryKind.SETTLEMENT, "r1", "USD",
                List.of(JournalLine.debit("H1", AccountKind.RECEIVABLE, new BigDecimal("10.00")),
                        JournalLine.credit("INS", AccountKind.PAYABLE, new BigDecimal("9.99")))))
                .hasMessage("journal entry E1 does not balance: debits 10.00, credits 9.99");
        JournalEntry entry = Postings.settlement("C", "2026-01", 1, "USD", List.of(owes("INS", "H1", "10.00")));
        Ledger ledger = Ledger.of(List.of(entry));
        assertThatThrownBy(() -> ledger.post(entry)).hasMessageContaining("is posted already");
        assertThat(ledger.balances()).extracting(b -> b.account().party() + " " + b.account().kind() + " " + b.balance())
                .containsExactly("H1 RECEIVABLE 10.00", "INS PAYABLE -10.00");
    }
}
