package io.outcomepay.billing.contract.api;

import io.outcomepay.billing.party.Party;
import io.outcomepay.billing.settlement.ContractParties;
import io.outcomepay.billing.settlement.SettlementTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One version of a contract as its parties signed it. Validated on construction.
 *
 * @param effectiveTo last day in force, or null for open-ended
 */
public record ContractDefinition(String contractId, String currency, String insurer, String vendor,
                                 List<String> hospitals, BaselineReference baseline, LocalDate effectiveFrom,
                                 LocalDate effectiveTo, SettlementTerms terms, List<String> payers) {

    public ContractDefinition(String contractId, String currency, String insurer, String vendor, List<String> hospitals,
                              BaselineReference baseline, LocalDate effectiveFrom, LocalDate effectiveTo,
                              SettlementTerms terms) {
        this(contractId, currency, insurer, vendor, hospitals, baseline, effectiveFrom, effectiveTo, terms, null);
    }

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
        // the payer ids it answers for; versions stored before contracts listed them answer for their insurer
        payers = payers == null || payers.isEmpty() ? List.of(insurer) : List.copyOf(payers);
        if (payers.stream().distinct().count() != payers.size()) {
            throw new IllegalArgumentException("payers: listed twice in " + payers);
        }
        payers.forEach(p -> requireText("payers[]", p));
    }

    /** The vendors this version pays: those of its vendor shares when it has them, else its vendor. */
    public List<String> vendors() {
        Map<String, BigDecimal> shares = terms.shares().vendors();
        return shares != null && !shares.isEmpty() ? List.copyOf(new TreeSet<>(shares.keySet())) : List.of(vendor);
    }

    /**
     * Whom a month of this version answers for and whose AI it pays for.
     * @param sharedHospitals its hospitals another insurer's contract also covers in the month
     */
    public ContractParties settlementParties(Set<String> sharedHospitals) {
        Map<String, Set<String>> services = new java.util.TreeMap<>();
        vendors().forEach(v -> services.put(v, Set.copyOf(terms.shares().servicesOf(v))));
        return new ContractParties(Set.copyOf(payers), services, sharedHospitals);
    }

    /**
     * The parties of this version: its insurer, its hospitals and the vendors it pays (the vendors
     * of its vendor shares when it has them, else its vendor).
     */
    public Set<Party> parties() {
        Set<Party> parties = new TreeSet<>();
        parties.add(Party.insurer(insurer));
        hospitals.forEach(h -> parties.add(Party.hospital(h)));
        vendors().forEach(v -> parties.add(Party.vendor(v)));
        return parties;
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /**
     * Which baseline table the contract settles against and how it is priced in the contract
     * currency: a DRG table at a base rate, or a DIP table at a point value with institution
     * coefficients (1 where a hospital is not listed).
     */
    public record BaselineReference(String table, BigDecimal baseRate, String kind, BigDecimal pointValue,
                                    Map<String, BigDecimal> institutionCoefficients) {
        public BaselineReference {
            requireText("baseline.table", table);
            kind = kind == null ? "drg" : kind;
            switch (kind) {
                case "drg" -> {
                    if (baseRate == null || baseRate.signum() <= 0) {
                        throw new IllegalArgumentException("baseline.base_rate must be a positive amount");
                    }
                    if (pointValue != null || (institutionCoefficients != null && !institutionCoefficients.isEmpty())) {
                        throw new IllegalArgumentException("baseline: point_value and institution_coefficients are for kind dip");
                    }
                }
                case "dip" -> {
                    if (pointValue == null || pointValue.signum() <= 0) {
                        throw new IllegalArgumentException("baseline.point_value must be a positive amount");
                    }
                    if (baseRate != null) {
                        throw new IllegalArgumentException("baseline.base_rate is for kind drg");
                    }
                }
                default -> throw new IllegalArgumentException("baseline.kind must be drg or dip, was '" + kind + "'");
            }
            institutionCoefficients = institutionCoefficients == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(institutionCoefficients));
            institutionCoefficients.forEach((hospital, c) -> {
                if (c == null || c.signum() <= 0) {
                    throw new IllegalArgumentException("baseline.institution_coefficients." + hospital + " must be positive");
                }
            });
        }

        public BaselineReference(String table, BigDecimal baseRate) {
            this(table, baseRate, "drg", null, null);
        }
    }
}
