package io.outcomepay.billing.ledger;

/** What posted a journal entry. */
public enum EntryKind {
    /** the approval of a contract month: its own shares */
    SETTLEMENT,
    /** the approval of a contract month carrying the change of an earlier, closed month */
    ADJUSTMENT,
    /** a payment applied to an invoice or credit note */
    PAYMENT
}
