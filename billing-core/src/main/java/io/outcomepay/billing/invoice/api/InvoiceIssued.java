package io.outcomepay.billing.invoice.api;

import io.outcomepay.billing.period.api.InvoiceDraft;

import java.time.LocalDate;

/** The issuer numbered a document: its sequence is the issuer's count of documents, without gaps. */
public record InvoiceIssued(String bookId, int sequence, String number, InvoiceDraft draft, LocalDate issuedOn)
        implements InvoiceEvent {
}
