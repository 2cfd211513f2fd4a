package io.outcomepay.analytics.facts;

import io.outcomepay.analytics.copy.CopyRows;
import io.outcomepay.billing.money.Money;
import io.outcomepay.billing.settlement.CasePricing;
import io.outcomepay.billing.settlement.EncounterLine;
import io.outcomepay.billing.settlement.Fingerprint;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Encounters priced into encounter_fact rows, one per contract month covering them: the pricing is
 * {@link CasePricing}'s, the status and {@link FactState} follow from it and from the encounter
 * (voided, denied). No database here: the rows go to {@link EncounterFactWriter} or a bulk load.
 */
final class EncounterFacts {

    private EncounterFacts() {
    }

    /** One encounter as encounter_view and ai_usage_view hold it. */
    record Encounter(EncounterLine line, boolean voided, boolean denied, BigDecimal paid, int corrections) {
    }

    /** The encounters priced by every contract month covering them, a row each. */
    static CopyRows rows(List<Encounter> encounters, ContractMonths.Snapshot contracts) {
        CopyRows rows = new CopyRows();
        for (Encounter encounter : encounters) {
            EncounterLine line = encounter.line();
            YearMonth period = YearMonth.from(line.dischargeDate());
            for (ContractMonths.PricedMonth month : contracts.covering(line.hospitalId(), period)) {
                if (month.pricing().counts(line)) {
                    new Fact(month, period, encounter, month.pricing().price(line)).addTo(rows);
                }
            }
        }
        return rows;
    }

    static final List<String> COLUMNS = List.of("encounter_id", "contract_id", "month_id", "hospital_id",
            "period", "contract_version", "baseline_table", "baseline_version", "claim_id", "discharge_date", "drg",
            "dip_group", "weight", "allowed_amount", "paid_amount", "currency", "ai_assisted", "patient_pseudonym",
            "status", "state", "adjustment", "detail", "baseline", "actual", "baseline_minor", "actual_minor",
            "correction_count", "line_sha256", "payer_id", "ai_vendor");

    /** One row of encounter_fact. */
    private record Fact(ContractMonths.PricedMonth month, YearMonth period, Encounter encounter, CasePricing.PricedLine priced) {

        String status() {
            return encounter.voided() ? "voided" : encounter.denied() ? "denied"
                    : !priced.eligible() ? "not_eligible"
                    : priced.exclusion() != null ? priced.exclusion().name().toLowerCase(Locale.ROOT) : "included";
        }

        FactState state() {
            return encounter.voided() || encounter.denied() ? FactState.OUT : !priced.eligible() ? FactState.NOT_ELIGIBLE
                    : priced.exclusion() != null ? FactState.EXCLUDED : FactState.INCLUDED;
        }

        /** The row, fields in {@link #COLUMNS} order. */
        void addTo(CopyRows rows) {
            EncounterLine line = priced.line();
            int scale = Money.scaleOf(month.pricing().currency());
            rows.add(line.encounterId(), month.contractId(), month.monthId(), line.hospitalId(), period,
                    month.version(), month.baseline().tableId(), month.baseline().tableVersion(), line.claimId(),
                    line.dischargeDate(), line.drg(), line.dipGroup(), priced.weight(), line.allowedAmount(),
                    encounter.paid(), line.currency(), line.aiAssisted(), line.patient(), status(), state().code(),
                    priced.adjustment(), priced.detail(), priced.baseline(), priced.actual(),
                    minor(priced.baseline(), scale), minor(priced.actual(), scale), encounter.corrections(),
                    Fingerprint.lineSha256(line), line.payer(), line.aiVendor());
        }

        private static Long minor(BigDecimal amount, int scale) {
            return amount == null ? null : amount.setScale(scale).unscaledValue().longValueExact();
        }
    }
}
