package io.outcomepay.billing.period.api;

import io.outcomepay.billing.ledger.Obligation;

import java.math.BigDecimal;
import java.util.List;

/**
 * An earlier, closed month of the contract settled again with the facts known now, carried into
 * this month: what had been settled for it so far (its closed result and the adjustments carried
 * since), what it gives now, and the difference per pair of parties (new minus settled).
 */
public record PriorPeriodAdjustment(String correctedPeriod, int closedRevision, String closedFingerprint,
                                    String resettledFingerprint, BigDecimal settledSavings, BigDecimal resettledSavings,
                                    List<Obligation> settled, List<Obligation> resettled, List<Obligation> delta) {

    public PriorPeriodAdjustment {
        settled = List.copyOf(settled);
        resettled = List.copyOf(resettled);
        delta = List.copyOf(delta);
    }
}
