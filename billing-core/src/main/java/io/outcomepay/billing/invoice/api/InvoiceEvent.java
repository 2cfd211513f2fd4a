package io.outcomepay.billing.invoice.api;

/** The events of the InvoiceBook aggregate. */
public sealed interface InvoiceEvent permits InvoiceIssued {

    String bookId();
}
