package io.outcomepay.billing.invoice;

import io.outcomepay.billing.period.api.InvoiceDraft.DocumentKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 2, 1);

    private static Reconciliation.Document invoice(String number, String amount) {
        return new Reconciliation.Document(number, DocumentKind.INVOICE, "H1", "INS", "C", "2026-01", null, null,
                new BigDecimal(amount), "USD", ISSUED);
    }

    private static Reconciliation.Received paid(String reference, String amount, String appliedTo) {
        return new Reconciliation.Received(reference, "INS", "H1", new BigDecimal(amount), "USD", LocalDate.of(2026, 2, 20),
                appliedTo);
    }

    @Test
    void eachInvoiceIsMatchedPartialUnpaidOrOverpaidWithTheAgeOfWhatIsOutstanding() {
        List<Reconciliation.Document> documents = List.of(invoice("H1-000001", "100.00"), invoice("H1-000002", "200.00"),
                invoice("H1-000003", "300.00"), invoice("H1-000004", "50.00"),
                new Reconciliation.Document("H1-000005", DocumentKind.CREDIT_NOTE, "H1", "INS", "C", "2026-01", "2025-12",
                        "H1-000003", new BigDecimal("40.00"), "USD", ISSUED));
        List<Reconciliation.Received> received = List.of(paid("H1-000001", "100.00", "H1-000001"),
                paid("H1-000002", "150.00", "H1-000002"), paid("H1-000004", "60.00", "H1-000004"),
                paid("WIRE-9", "12.00", null));
        List<Reconciliation.Line> lines = Reconciliation.of(documents, received, LocalDate.of(2026, 4, 15));

        assertThat(lines).extracting(Reconciliation.Line::category, Reconciliation.Line::document,
                        l -> l.outstanding().toPlainString(), Reconciliation.Line::ageing)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Category.MATCHED, "H1-000001", "0.00", null),
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Category.PARTIAL, "H1-000002", "50.00", "61-90"),
                        // 300.00 less the 40.00 credit note, nothing paid, 73 days after issue
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Category.UNPAID, "H1-000003", "260.00", "61-90"),
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Category.CREDIT_NOTE, "H1-000005", "0.00", null),
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Category.OVERPAID, "H1-000004", "-10.00", null),
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Category.UNMATCHED, null, "-12.00", null));
        assertThat(lines.get(1).ageDays()).isEqualTo(73);
        assertThat(lines.get(2).credited()).isEqualByComparingTo("40.00");
    }

    @Test
    void aPaymentAppliesOnlyFromTheBilledPartyToTheIssuerInTheDocumentsCurrency() {
        Reconciliation.Document d = invoice("H1-000001", "100.00");
        assertThat(Reconciliation.applies(d, "INS", "H1", "USD")).isTrue();
        assertThat(Reconciliation.applies(d, "H1", "INS", "USD")).isFalse();
        assertThat(Reconciliation.applies(d, "INS", "H2", "USD")).isFalse();
        assertThat(Reconciliation.applies(d, "INS", "H1", "EUR")).isFalse();
    }
}
