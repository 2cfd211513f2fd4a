package io.outcomepay.billing.period.api;

/** open → calculated (recalculate freely) → approved → closed; there is no reopen. */
public enum PeriodStatus {
    OPEN, CALCULATED, APPROVED, CLOSED
}
