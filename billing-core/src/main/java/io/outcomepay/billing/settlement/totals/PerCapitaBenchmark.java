package io.outcomepay.billing.settlement.totals;

import io.outcomepay.billing.money.Money;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The third kind of baseline: a per-capita benchmark for a population,
 * benchmark_total = round_half_up(per_capita_benchmark x assigned person-years, minor unit).
 */
public final class PerCapitaBenchmark {

    private PerCapitaBenchmark() {
    }

    public static BigDecimal total(BigDecimal perCapita, BigDecimal personYears, Currency currency) {
        if (perCapita == null || perCapita.signum() <= 0) {
            throw new IllegalArgumentException("per_capita_benchmark must be positive");
        }
        if (personYears == null || personYears.signum() <= 0) {
            throw new IllegalArgumentException("person_years must be positive");
        }
        return Money.roundHalfUp(perCapita.multiply(personYears), currency).amount();
    }
}
