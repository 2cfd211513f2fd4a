package io.outcomepay.billing.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency, always held at the currency's minor-unit scale (2 for USD and CNY,
 * 0 for JPY). Arithmetic between different currencies is refused, never converted.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = scaleOf(currency);
        if (amount.scale() != scale) {
            // Only re-scaling that loses nothing is accepted here; rounding is an explicit step.
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        }
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds half up to the currency's scale: the rounding rule of every settlement step. */
    public static Money roundHalfUp(BigDecimal exact, Currency currency) {
        return new Money(exact.setScale(scaleOf(currency), RoundingMode.HALF_UP), currency);
    }

    public static int scaleOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The amount in minor units (cents), exact. */
    public long minorUnits() {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    public static Money ofMinorUnits(long units, Currency currency) {
        return new Money(BigDecimal.valueOf(units, scaleOf(currency)), currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
