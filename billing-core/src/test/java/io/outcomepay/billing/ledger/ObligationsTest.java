package io.outcomepay.billing.ledger;

import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.SettlementTerms;
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
    void theWithholdKeptBackFromEachPartyIsPostedToItsWithholdAccount() {
        // H001: savings 543.60; withhold 2%: 543.60 x 0.98 = 532.728, earned 532.73 (below the 10% cap of 854.36);
        // W = 543.60 - 532.73 = 10.87 over insurer 266.36, hospital 159.82, vendor 106.55 by largest remainder:
        // 5.434.. -> 5.44 (the largest remainder), 3.261.. -> 3.26, 2.174.. -> 2.17
        SettlementTerms base = Settlements.firstDollar();
        SettlementTerms withhold = new SettlementTerms(base.eligible(), base.minimumSavingsRate(), base.sharing(),
                base.capRate(), base.outliers(), base.shares(), null, null, null, null, new BigDecimal("0.02"), null);
        SettlementResult result = Settlements.request(withhold).encounter("H001", "193", "8000.00").settle();
        assertThat(result.total().pool()).isEqualByComparingTo("532.73");
        assertThat(Obligations.withheld(result, "INS")).containsExactly(owes("INS", "H001", "3.26"),
                owes("INS", "VENDOR-1", "2.17"));
        JournalEntry entry = Postings.approval(result, "INS", 1, java.util.Map.of()).get(0);
        assertThat(entry.lines()).contains(JournalLine.debit("H001", AccountKind.WITHHOLD, new BigDecimal("3.26")),
                JournalLine.credit("INS", AccountKind.WITHHOLD, new BigDecimal("3.26")));
        assertThat(entry.debits()).isEqualByComparingTo(entry.credits());
        assertThat(Obligations.withheld(Settlements.request(base).encounter("H001", "193", "8000.00").settle(), "INS")).isEmpty();
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
        JournalEntry entry = Postings.settlement("C", "2026-01", 1, "USD", List.of(owes("INS", "H1", "10.00")), List.of());
        Ledger ledger = Ledger.of(List.of(entry));
        assertThatThrownBy(() -> ledger.post(entry)).hasMessageContaining("is posted already");
        assertThat(ledger.balances()).extracting(b -> b.account().party() + " " + b.account().kind() + " " + b.balance())
                .containsExactly("H1 RECEIVABLE 10.00", "INS PAYABLE -10.00");
    }
}
