package io.outcomepay.billing.period.api;

/** An event of a contract month's audit chain. */
public interface PeriodEvent {

    String periodId();

    /** The chain's hash before this event; null for events recorded before the chain existed. */
    String previousHash();
}
