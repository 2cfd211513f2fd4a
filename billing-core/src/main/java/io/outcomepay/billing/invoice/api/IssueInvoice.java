package io.outcomepay.billing.invoice.api;

import io.outcomepay.billing.period.api.InvoiceDraft;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Numbers a draft in its issuer's book; the same draft again returns the number it has. */
public record IssueInvoice(@TargetAggregateIdentifier String bookId, InvoiceDraft draft, LocalDate issuedOn) {

    public static String bookOf(String issuer) {
        return "invoice-book:" + issuer;
    }
}
