package io.outcomepay.billing.settlement;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The terms of a revenue-share contract that the settlement engine applies. Rates are fractions
 * (0.02 means 2%). Validated on construction so that a contract with impossible terms cannot exist.
 */
public record SettlementTerms(Eligibility eligible,
                              BigDecimal minimumSavingsRate,
                              SharingMethod sharing,
                              BigDecimal capRate,
                              OutlierBounds outliers,
                              PartyShares shares) {

    public SettlementTerms {
        Objects.requireNonNull(eligible, "eligible");
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(outliers, "outliers");
        Objects.requireNonNull(shares, "shares");
        requireFraction("minimum_savings_rate", minimumSavingsRate);
        requireFraction("cap_rate", capRate);
    }

    static void requireFraction(String name, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value.toPlainString());
        }
    }

    public enum Eligibility {
        /** Only encounters the AI service assisted. */
        AI_ASSISTED,
        /** Every encounter at the contract's hospitals. */
        ALL
    }

    public enum SharingMethod {
        /** Once the minimum savings rate is met, the whole savings is shared. */
        FIRST_DOLLAR,
        /** Only the savings above the minimum savings rate threshold is shared. */
        ABOVE_THRESHOLD
    }

    /** An encounter whose actual/baseline ratio lies outside [low, high] is excluded. */
    public record OutlierBounds(BigDecimal low, BigDecimal high) {
        public OutlierBounds {
            if (low == null || high == null) {
                throw new IllegalArgumentException("outliers need both low and high");
            }
            if (low.signum() < 0) {
                throw new IllegalArgumentException("outliers.low must not be negative, was " + low.toPlainString());
            }
            if (high.compareTo(low) <= 0) {
                throw new IllegalArgumentException("outliers.high (" + high.toPlainString()
                        + ") must be greater than outliers.low (" + low.toPlainString() + ")");
            }
        }
    }

    /** How the pool is shared; the three shares must sum to exactly 1. */
    public record PartyShares(BigDecimal insurer, BigDecimal hospital, BigDecimal vendor) {
        public PartyShares {
            requireFraction("shares.insurer", insurer);
            requireFraction("shares.hospital", hospital);
            requireFraction("shares.vendor", vendor);
            BigDecimal sum = insurer.add(hospital).add(vendor);
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw new IllegalArgumentException("shares must sum to 1, they sum to " + sum.toPlainString());
            }
        }
    }
}
