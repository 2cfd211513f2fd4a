package io.outcomepay.billing.invoice;

import io.outcomepay.billing.invoice.api.InvoiceIssued;
import io.outcomepay.billing.invoice.api.IssueInvoice;
import io.outcomepay.billing.period.api.InvoiceDraft;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One issuer's invoices and credit notes, numbered {@code <issuer>-<000001>} in the order issued.
 * The number is the book's event count, and the event store takes one event per sequence number of
 * an aggregate: two closes issuing at once cannot take the same number, and no number is skipped
 * (the loser of a race is retried with the next).
 */
@Aggregate
public class InvoiceBook {

    @AggregateIdentifier
    private String bookId;
    private int issued;
    private final Map<String, InvoiceIssued> byKey = new HashMap<>();

    protected InvoiceBook() {
    }

    /** @return the document's number */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(IssueInvoice command) {
        InvoiceDraft draft = command.draft();
        InvoiceIssued existing = byKey.get(draft.key());
        if (existing != null) {
            if (!existing.draft().equals(draft)) {
                throw new IllegalArgumentException("invoice " + draft.key() + " was issued as " + existing.number()
                        + " with other contents: documents are not changed once issued");
            }
            return existing.number();
        }
        int sequence = issued + 1;
        String number = draft.issuer() + "-" + String.format(Locale.ROOT, "%06d", sequence);
        apply(new InvoiceIssued(command.bookId(), sequence, number, draft, command.issuedOn()));
        return number;
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        bookId = event.bookId();
        issued = event.sequence();
        byKey.put(event.draft().key(), event);
    }
}
