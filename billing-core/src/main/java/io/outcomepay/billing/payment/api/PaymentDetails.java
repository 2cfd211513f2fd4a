package io.outcomepay.billing.payment.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment as its source states it: the payer's reference (an invoice number when it names one), who paid whom, how much, when. */
public record PaymentDetails(String reference, String payer, String payee, BigDecimal amount, String currency,
                             LocalDate paidOn) {

    public static String idOf(String payer, String reference) {
        return "payment:" + payer + ":" + reference;
    }
}
