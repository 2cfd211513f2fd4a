package io.outcomepay.billing.limits;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers the product accepts: magnitude and decimals checked on the text (or on the parsed
 * value's precision and scale, both free to read) before any arithmetic, so that no value such as
 * {@code 1E+999999999} reaches a {@code setScale} or a sum. The one parser of amounts for every format.
 */
public enum Decimals {
    /** Claim, remittance and payment amounts: under a trillion, at most the currency's decimals. */
    AMOUNT(12, 4),
    /** DRG relative weights and DIP scores; DIP mean costs are amounts. */
    WEIGHT(6, 6),
    /** Contract terms: rates, shares, base rates, point values, coefficients, thresholds. */
    TERM(12, 10);

    private static final Pattern NUMBER = Pattern.compile("(-?)(\\d+)(?:\\.(\\d+))?");
    private static final int MAX_TEXT = 64;

    private final int integerDigits;
    private final int decimals;

    Decimals(int integerDigits, int decimals) {
        this.integerDigits = integerDigits;
        this.decimals = decimals;
    }

    public int integerDigits() {
        return integerDigits;
    }

    public int decimals() {
        return decimals;
    }

    /** A plain decimal (no exponent, no grouping) within this limit's digits. */
    public BigDecimal parse(String field, String text) {
        return parse(field, text, decimals);
    }

    /** A plain decimal with at most {@code maxDecimals} decimals (an amount: its currency's). */
    public BigDecimal parse(String field, String text, int maxDecimals) {
        return parse(field, text, maxDecimals, "");
    }

    private BigDecimal parse(String field, String text, int maxDecimals, String decimalsOf) {
        if (text == null || text.isBlank()) {
            throw new InvalidValue(field, "is required");
        }
        String value = text.strip();
        if (value.length() > MAX_TEXT) {
            throw new InvalidValue(field, "is " + value.length() + " characters long, not a number of at most "
                    + integerDigits + " digits");
        }
        Matcher m = NUMBER.matcher(value);
        if (!m.matches()) {
            throw new InvalidValue(field, "'" + Limit.printable(value) + "' is not a decimal number like 1234.56");
        }
        String integer = m.group(2).replaceFirst("^0+(?=.)", "");
        if (integer.length() > integerDigits) {
            throw new InvalidValue(field, value + " has more than " + integerDigits + " digits before the point");
        }
        String fraction = m.group(3) == null ? "" : m.group(3).replaceFirst("0+$", "");
        if (fraction.length() > maxDecimals) {
            throw new InvalidValue(field, "'" + value + "' has more than " + maxDecimals + " decimals" + decimalsOf);
        }
        return new BigDecimal(value);
    }

    /**
     * A non-negative amount in the currency, at the currency's scale: the one parser of the claim,
     * remittance and payment amounts of every format.
     */
    public static BigDecimal amount(String field, String text, java.util.Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal amount = AMOUNT.parse(field, text, digits, " for " + currency.getCurrencyCode());
        if (amount.signum() < 0) {
            throw new InvalidValue(field, "is negative: " + text.strip());
        }
        return amount.setScale(digits);
    }

    /** An amount that may be negative (a remittance's adjustment or reversal), at the currency's scale. */
    public static BigDecimal signedAmount(String field, String text, java.util.Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return AMOUNT.parse(field, text, digits, " for " + currency.getCurrencyCode()).setScale(digits);
    }

    /** A value parsed elsewhere (JSON, FHIR, YAML), held to the same limits; null stays null. */
    public BigDecimal check(String field, BigDecimal value) {
        return check(field, value, decimals);
    }

    public BigDecimal check(String field, BigDecimal value, int maxDecimals) {
        if (value == null) {
            return null;
        }
        // precision - scale is the number of digits before the point (read, not computed)
        if ((long) value.precision() - value.scale() > integerDigits) {
            throw new InvalidValue(field, "is larger than " + integerDigits + " digits before the point");
        }
        if (value.scale() > maxDecimals && value.stripTrailingZeros().scale() > maxDecimals) {
            throw new InvalidValue(field, "has more than " + maxDecimals + " decimals");
        }
        return value;
    }
}
