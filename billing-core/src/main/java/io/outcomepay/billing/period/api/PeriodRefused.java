package io.outcomepay.billing.period.api;

/** A lifecycle step a contract month does not allow now; the message says why and what to do. */
public class PeriodRefused extends RuntimeException {
    public PeriodRefused(String message) {
        super(message);
    }
}
