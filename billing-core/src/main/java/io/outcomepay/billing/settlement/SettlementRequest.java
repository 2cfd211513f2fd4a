package io.outcomepay.billing.settlement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * Everything one settlement depends on; the engine reads nothing else.
 *
 * @param vendor       the contract's vendor, named in the split when the terms have a single vendor
 * @param qualityScore 0..1 for terms with a quality gate, or null (no score: a gate shares nothing)
 * @param parties      whom the month answers for and whose AI it pays for
 */
public record SettlementRequest(String contractId, int contractVersion, YearMonth period, Currency currency,
                                List<String> hospitals, String vendor, CaseBaseline baseline, SettlementTerms terms,
                                BigDecimal qualityScore, List<EncounterLine> encounters, ContractParties parties) {

    public SettlementRequest {
        hospitals = List.copyOf(hospitals);
        encounters = List.copyOf(encounters);
    }
}
