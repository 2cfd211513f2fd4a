package io.outcomepay.billing.contract.api;

import io.outcomepay.billing.settlement.SettlementTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * One version of a contract as its parties signed it. Validated on construction.
 *
 * @param effectiveTo last day in force, or null for open-ended
 */
public record ContractDefinition(String contractId, String currency, String insurer, String vendor,
                                 List<String> hospitals, BaselineReference baseline, LocalDate effectiveFrom,
                                 LocalDate effectiveTo, SettlementTerms terms) {

    public ContractDefinition {
        requireText("id", contractId);
        requireText("insurer", insurer);
        requireText("vendor", vendor);
        requireText("currency", currency);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code");
        }
        if (hospitals == null || hospitals.isEmpty()) {
            throw new IllegalArgumentException("hospitals: at least one hospital is required");
        }
        hospitals = List.copyOf(hospitals);
        if (hospitals.stream().distinct().count() != hospitals.size()) {
            throw new IllegalArgumentException("hospitals: listed twice in " + hospitals);
        }
        hospitals.forEach(h -> requireText("hospitals[]", h));
        if (baseline == null) {
            throw new IllegalArgumentException("baseline is required");
        }
        if (effectiveFrom == null) {
            throw new IllegalArgumentException("effective_from is required");
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("effective_to " + effectiveTo + " is before effective_from " + effectiveFrom);
        }
        if (terms == null) {
            throw new IllegalArgumentException("terms are required");
        }
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** Which baseline table the contract settles against, and its base rate in the contract currency. */
    public record BaselineReference(String table, BigDecimal baseRate) {
        public BaselineReference {
            requireText("baseline.table", table);
            if (baseRate == null || baseRate.signum() <= 0) {
                throw new IllegalArgumentException("baseline.base_rate must be a positive amount");
            }
        }
    }
}
