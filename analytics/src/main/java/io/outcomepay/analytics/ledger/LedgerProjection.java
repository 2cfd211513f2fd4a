package io.outcomepay.analytics.ledger;

import io.outcomepay.billing.invoice.api.InvoiceIssued;
import io.outcomepay.billing.ledger.JournalEntry;
import io.outcomepay.billing.ledger.JournalLine;
import io.outcomepay.billing.payment.api.PaymentRecorded;
import io.outcomepay.billing.period.api.InvoiceDraft;
import io.outcomepay.billing.period.api.PeriodApproved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;

/** Tables ledger_line, invoice_view and payment_view, from approvals, issued invoices and payments. */
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

    public static final String GROUP = "ledger";
    private final JdbcTemplate jdbc;

    public LedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PeriodApproved event) {
        event.entries().forEach(this::post);
    }

    @EventHandler
    void on(PaymentRecorded event) {
        jdbc.update("""
                insert into payment_view (payment_id, reference, payer, payee, amount, currency, paid_on, source,
                    invoice_number, contract_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.paymentId(), event.details().reference(), event.details().payer(), event.details().payee(),
                event.details().amount(), event.details().currency(), Date.valueOf(event.details().paidOn()),
                event.source(), event.invoiceNumber(), event.contractId());
        if (event.entry() != null) {
            post(event.entry());
        }
    }

    @EventHandler
    void on(InvoiceIssued event) {
        InvoiceDraft d = event.draft();
        jdbc.update("""
                insert into invoice_view (number, book_id, sequence, draft_key, kind, issuer, billed_to, contract_id, period,
                    corrected_period, references_invoice, amount, currency, issued_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.number(), event.bookId(), event.sequence(), d.key(), d.kind().name(), d.issuer(), d.billedTo(),
                d.contractId(), d.period(), d.correctedPeriod(), d.referencesInvoice(), d.amount(), d.currency(),
                Date.valueOf(event.issuedOn()));
    }

    private void post(JournalEntry entry) {
        int lineNo = 0;
        for (JournalLine line : entry.lines()) {
            jdbc.update("""
                    insert into ledger_line (entry_id, line_no, contract_id, period, kind, reference, currency, party,
                        account, debit, credit)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    entry.entryId(), ++lineNo, entry.contractId(), entry.period(), entry.kind().name(), entry.reference(),
                    entry.currency(), line.party(), line.account().name(), line.debit(), line.credit());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate ledger_line, invoice_view, payment_view");
    }
}
