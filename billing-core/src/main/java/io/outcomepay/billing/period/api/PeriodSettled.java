package io.outcomepay.billing.period.api;

import io.outcomepay.billing.settlement.SettlementResult;

/** A contract month was settled: totals, every step's value, exclusions and the fingerprint. */
public record PeriodSettled(String periodId, int revision, SettlementResult result) {
}
