package io.outcomepay.billing.period.api;

import java.math.BigDecimal;

/**
 * An invoice (or credit note) a month's close issues: the receiving party (issuer) bills the paying
 * party. key: what it is for, unique, so issuing it twice gives one number.
 *
 * @param correctedPeriod   for an adjustment: the month it corrects; null for the month's own shares
 * @param referencesInvoice for a credit note: the invoice it credits
 */
public record InvoiceDraft(String key, DocumentKind kind, String issuer, String billedTo, String contractId, String period,
                           String correctedPeriod, String referencesInvoice, BigDecimal amount, String currency) {

    public enum DocumentKind {
        INVOICE, CREDIT_NOTE
    }
}
