package io.outcomepay.billing.settlement;

import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/** Everything one settlement depends on; the engine reads nothing else. */
public record SettlementRequest(String contractId, int contractVersion, YearMonth period, Currency currency,
                                List<String> hospitals, DrgBaseline baseline, SettlementTerms terms,
                                List<EncounterLine> encounters) {

    public SettlementRequest {
        hospitals = List.copyOf(hospitals);
        encounters = List.copyOf(encounters);
    }
}
