package io.outcomepay.billing.period.api;

/** The events of the SettlementPeriod aggregate, each a link of the contract month's audit chain. */
public sealed interface PeriodEvent permits PeriodSettled, PeriodApproved, PeriodClosed {

    String periodId();

    /** The chain's hash before this event; null for events recorded before the chain existed. */
    String previousHash();
}
