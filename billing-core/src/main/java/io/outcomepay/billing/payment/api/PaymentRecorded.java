package io.outcomepay.billing.payment.api;

import io.outcomepay.billing.ledger.JournalEntry;

/** A payment was received; applied to an invoice (and posted) or left unmatched (invoiceNumber and entry null). */
public record PaymentRecorded(String paymentId, PaymentDetails details, String source, String invoiceNumber,
                              String contractId, JournalEntry entry) implements PaymentEvent {
}
