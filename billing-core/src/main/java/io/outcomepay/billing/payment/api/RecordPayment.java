package io.outcomepay.billing.payment.api;

import io.outcomepay.billing.ledger.JournalEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a payment once (id: payer and reference). The same payment again records nothing; the
 * same id with other details is a conflict.
 *
 * @param invoiceNumber the invoice or credit note it is applied to, null when it matches none
 * @param entry         its journal entry when applied, else null
 */
public record RecordPayment(@TargetAggregateIdentifier String paymentId, PaymentDetails details, String source,
                            String invoiceNumber, String contractId, JournalEntry entry) {
}
