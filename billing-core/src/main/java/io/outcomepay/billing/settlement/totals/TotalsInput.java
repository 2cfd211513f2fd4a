package io.outcomepay.billing.settlement.totals;

import io.outcomepay.billing.money.Money;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * One participant's totals for a performance period.
 *
 * @param qualityScore       0..1, or null when the quality standard was not met
 * @param disasterAdjustment &lt;= 0; reduces a shared loss by its amount
 * @param revenue            the participant's revenue, for a loss cap on revenue; null when unknown
 */
public record TotalsInput(String participantId, Currency currency, int assigned, BigDecimal benchmarkTotal,
                          BigDecimal expenditureTotal, BigDecimal qualityScore, BigDecimal disasterAdjustment,
                          BigDecimal revenue) {

    public TotalsInput(String participantId, Currency currency, int assigned, BigDecimal benchmarkTotal,
                       BigDecimal expenditureTotal, BigDecimal qualityScore, BigDecimal disasterAdjustment) {
        this(participantId, currency, assigned, benchmarkTotal, expenditureTotal, qualityScore, disasterAdjustment, null);
    }

    public TotalsInput {
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
        benchmarkTotal = atCurrencyScale("benchmark_total", benchmarkTotal, currency);
        expenditureTotal = atCurrencyScale("expenditure_total", expenditureTotal, currency);
        if (disasterAdjustment != null) {
            disasterAdjustment = atCurrencyScale("disaster_adjustment", disasterAdjustment, currency);
        }
        if (revenue != null) {
            revenue = atCurrencyScale("revenue", revenue, currency);
            if (revenue.signum() < 0) {
                throw new IllegalArgumentException("revenue must not be negative");
            }
        }
        if (benchmarkTotal == null || benchmarkTotal.signum() <= 0) {
            throw new IllegalArgumentException("benchmark_total must be positive");
        }
        if (expenditureTotal == null || expenditureTotal.signum() < 0) {
            throw new IllegalArgumentException("expenditure_total must not be negative");
        }
        if (assigned < 0) {
            throw new IllegalArgumentException("assigned must not be negative");
        }
        if (qualityScore != null && (qualityScore.signum() < 0 || qualityScore.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("quality_score must be between 0 and 1, was " + qualityScore.toPlainString());
        }
        if (disasterAdjustment == null) {
            disasterAdjustment = BigDecimal.ZERO.setScale(Money.scaleOf(currency));
        }
        if (disasterAdjustment.signum() > 0) {
            throw new IllegalArgumentException("disaster_adjustment must be zero or negative, was "
                    + disasterAdjustment.toPlainString());
        }
    }

    private static BigDecimal atCurrencyScale(String field, BigDecimal amount, Currency currency) {
        if (amount == null) {
            return null;
        }
        int scale = Money.scaleOf(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(field + ": " + amount.toPlainString() + " has more than " + scale
                    + " decimals for " + currency.getCurrencyCode());
        }
        return amount.setScale(scale);
    }
}
