package io.outcomepay.billing.settlement;

import io.outcomepay.billing.settlement.SettlementTerms.Eligibility;
import io.outcomepay.billing.settlement.SettlementTerms.OutlierBounds;
import io.outcomepay.billing.settlement.SettlementTerms.PartyShares;
import io.outcomepay.billing.settlement.SettlementTerms.SharingMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Small builders for settlement tests: real MS-DRG v43 weights for the DRGs used. */
public final class Settlements {

    public static final Map<String, BigDecimal> V43_WEIGHTS = Map.of(
            "193", new BigDecimal("1.3144"), "470", new BigDecimal("1.9289"),
            "871", new BigDecimal("1.9425"), "999", new BigDecimal("0.0"));

    private Settlements() {
    }

    public static SettlementTerms terms(SharingMethod sharing, String msr, String cap) {
        return new SettlementTerms(Eligibility.AI_ASSISTED, new BigDecimal(msr), sharing, new BigDecimal(cap),
                new OutlierBounds(new BigDecimal("0.40"), new BigDecimal("3.00")),
                new PartyShares(new BigDecimal("0.50"), new BigDecimal("0.30"), new BigDecimal("0.20")));
    }

    public static SettlementTerms firstDollar() {
        return terms(SharingMethod.FIRST_DOLLAR, "0.02", "0.10");
    }

    public static Request request(SettlementTerms terms) {
        return new Request(terms);
    }

    public static final class Request {
        private final SettlementTerms terms;
        private final List<EncounterLine> lines = new ArrayList<>();
        private CaseBaseline baseline = new DrgBaseline("ms-drg-v43", 1, "sha-of-table", new BigDecimal("6500.00"),
                V43_WEIGHTS);
        private int next = 1;

        Request(SettlementTerms terms) {
            this.terms = terms;
        }

        public Request baseline(CaseBaseline baseline) {
            this.baseline = baseline;
            return this;
        }

        public Request encounter(String hospital, String drg, String allowed) {
            return encounter(hospital, drg, allowed, "USD", true, LocalDate.of(2026, 1, 15));
        }

        public Request encounter(String hospital, String drg, String allowed, String currency, boolean ai,
                                 LocalDate discharge) {
            String id = String.format(java.util.Locale.ROOT, "E%03d", next++);
            // The code serves as both DRG and DIP group: each baseline kind reads its own.
            lines.add(new EncounterLine(id, "CLM-" + id, hospital, discharge, drg, new BigDecimal(allowed), currency, ai,
                    drg, "patient-" + id));
            return this;
        }

        public SettlementRequest build() {
            return new SettlementRequest("C-TEST", 1, YearMonth.of(2026, 1), Currency.getInstance("USD"),
                    List.of("H002", "H001"), "VENDOR-1", baseline, terms, null, lines,
                    new ContractParties(java.util.Set.of("INS-1"), Map.of("VENDOR-1", java.util.Set.of()), java.util.Set.of()));
        }

        public SettlementResult settle() {
            return SettlementEngine.settle(build());
        }

        /** The encounters as a settlement of another month of the same contract. */
        public SettlementResult settle(YearMonth month) {
            SettlementRequest r = build();
            return SettlementEngine.settle(new SettlementRequest(r.contractId(), r.contractVersion(), month, r.currency(),
                    r.hospitals(), r.vendor(), r.baseline(), r.terms(), r.qualityScore(), r.encounters(), r.parties()));
        }
    }
}
