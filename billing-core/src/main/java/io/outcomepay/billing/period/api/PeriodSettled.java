package io.outcomepay.billing.period.api;

import io.outcomepay.billing.settlement.SettlementResult;

import java.util.List;

/**
 * A contract month was calculated: totals, every step's value, exclusions and the fingerprint,
 * the prior-period adjustments it carries, who ran it and why.
 *
 * @param insurer      the party the contract's obligations are owed by (on savings) or to (on losses)
 * @param previousHash the period's audit chain before this event (null: recorded before the chain existed)
 */
public record PeriodSettled(String periodId, int revision, SettlementResult result, String insurer,
                            List<PriorPeriodAdjustment> adjustments, String actor, String reason,
                            String previousHash) implements PeriodEvent {

    public PeriodSettled {
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }
}
