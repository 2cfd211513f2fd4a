package io.outcomepay.billing.settlement.totals;

import io.outcomepay.billing.settlement.SettlementResult.TraceStep;

import java.math.BigDecimal;
import java.util.List;

/**
 * Shared savings or losses of one participant. Amounts at the currency's scale; earned is
 * negative for a shared loss (what the participant owes).
 */
public record TotalsResult(String participantId, String currency, BigDecimal savings, BigDecimal savingsRate,
                           BigDecimal minimumSavingsRate, BigDecimal generated, BigDecimal finalShareRate,
                           BigDecimal earned, List<TraceStep> trace, String fingerprint) {
}
