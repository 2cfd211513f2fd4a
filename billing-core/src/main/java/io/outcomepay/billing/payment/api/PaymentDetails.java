package io.outcomepay.billing.payment.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment as its source states it: the payer's reference (an invoice number when it names one),
 * who paid whom, how much, when. Its natural id is the payer, the reference and the day: a payer
 * paying one invoice in parts on different days makes several payments; the same payer, reference
 * and day with another amount or payee is a conflict.
 */
public record PaymentDetails(String reference, String payer, String payee, BigDecimal amount, String currency,
                             LocalDate paidOn) {

    public String id() {
        return "payment:" + payer + ":" + reference + ":" + paidOn;
    }
}
