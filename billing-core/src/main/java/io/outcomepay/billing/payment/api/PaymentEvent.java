package io.outcomepay.billing.payment.api;

/** The events of the Payment aggregate. */
public sealed interface PaymentEvent permits PaymentRecorded {

    String paymentId();
}
