package io.outcomepay.billing.limits;

import io.outcomepay.billing.baseline.api.BaselineCommands.PublishBaselineTable;
import io.outcomepay.billing.baseline.api.BaselineEntry;
import io.outcomepay.billing.baseline.api.BaselineKind;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.encounter.api.ClaimDetails;
import io.outcomepay.billing.encounter.api.Remittance;
import io.outcomepay.billing.payment.api.PaymentDetails;
import io.outcomepay.billing.usage.api.AiUsage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;

/**
 * Each message checked against the limits before its event is stored: the aggregates call these on
 * every command, the intake on every record (so a rejected record names its file, record and field).
 */
public final class Limits {

    /** The days the product accepts: admissions, discharges, effective dates, payments. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);
    /** Groups of one baseline table, hospitals of one contract, adjustments of one remittance. */
    public static final int MAX_BASELINE_ENTRIES = 100_000;
    public static final int MAX_CONTRACT_HOSPITALS = 10_000;
    public static final int MAX_ADJUSTMENTS = 99;
    /** Characters of one CSV record (a claim is a few hundred): an unclosed quote ends there. */
    public static final int MAX_CSV_RECORD_CHARS = 1 << 20;
    /** Characters of one FHIR resource or document (a Bundle); larger sets come as NDJSON, a resource a line. */
    public static final int MAX_FHIR_DOCUMENT_CHARS = 32 << 20;

    private Limits() {
    }

    public static LocalDate day(String field, LocalDate day) {
        if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
            throw new InvalidValue(field, day + " is outside " + FIRST_DAY + " .. " + LAST_DAY);
        }
        return day;
    }

    public static Instant instant(String field, Instant instant) {
        if (instant != null) {
            day(field, LocalDate.ofInstant(clamp(instant), ZoneOffset.UTC));
        }
        return instant;
    }

    private static Instant clamp(Instant instant) {
        // LocalDate.ofInstant fails outside year +-999999999; such instants are out of range anyway
        Instant min = FIRST_DAY.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant max = LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return instant.isBefore(min) ? min : instant.isAfter(max) ? max : instant;
    }

    /** The currency's minor digits; the code must be ISO 4217. */
    public static int currencyDigits(String field, String code) {
        Limit.CURRENCY.require(field, code);
        try {
            return Math.max(Currency.getInstance(code).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, "'" + code + "' is not an ISO 4217 currency code");
        }
    }

    public static BigDecimal amount(String field, BigDecimal value, int currencyDigits) {
        return Decimals.AMOUNT.check(field, value, currencyDigits);
    }

    public static void claim(ClaimDetails claim) {
        Limit.CLAIM_ID.require("claim_id", claim.claimId());
        Limit.HOSPITAL_ID.require("hospital_id", claim.hospitalId());
        Limit.PATIENT_ID.check("patient_id", claim.patientPseudonym());
        day("admit_date", claim.admitDate());
        day("discharge_date", claim.dischargeDate());
        Limit.DRG.check("drg", claim.drg());
        Limit.DIP_GROUP.check("dip_group", claim.dipGroup());
        Limit.ICD10.check("principal_dx", claim.principalDx());
        int digits = currencyDigits("currency", claim.currency());
        amount("billed_amount", claim.billedAmount(), digits);
        amount("allowed_amount", claim.allowedAmount(), digits);
        amount("paid_amount", claim.paidAmount(), digits);
        Limit.SERVICE_NAME.check("ai_service", claim.aiService());
        Limit.PARTY_ID.check("payer_id", claim.payerId());
    }

    public static void remittance(Remittance remittance) {
        Limit.X12_CODE.check("CLP07", remittance.payerClaimId());
        Limit.X12_CODE.require("CLP02", remittance.status());
        Limit.PARTY_ID.check("payer_id", remittance.payerId());
        amount("CLP03", remittance.charge(), 2);
        amount("CLP04", remittance.paid(), 2);
        amount("CLP05", remittance.patientResponsibility(), 2);
        amount("AMT02", remittance.allowed(), 2);
        if (remittance.adjustments().size() > MAX_ADJUSTMENTS) {
            throw new InvalidValue("CAS", remittance.adjustments().size() + " adjustments, at most " + MAX_ADJUSTMENTS);
        }
        for (Remittance.Adjustment a : remittance.adjustments()) {
            Limit.X12_CODE.require("CAS01", a.group());
            Limit.X12_CODE.require("CAS02", a.reason());
            amount("CAS03", a.amount(), 2);
        }
    }

    public static void usage(String eventId, AiUsage.Details details) {
        Limit.USAGE_EVENT_ID.require("event_id", eventId);
        Limit.PARTY_ID.require("vendor", details.vendor());
        Limit.SERVICE_NAME.require("ai_service", details.aiService());
        Limit.MODEL_VERSION.check("model_version", details.modelVersion());
        Limit.HOSPITAL_ID.require("hospital_id", details.hospitalId());
        Limit.CLAIM_ID.check("claim_id", blankToNull(details.claimId()));
        Limit.ENCOUNTER_ID.check("encounter_ref", blankToNull(details.encounterRef()));
        instant("occurred_at", details.occurredAt());
        Limit.USAGE_KIND.check("kind", details.kind());
    }

    public static void contract(ContractDefinition definition) {
        Limit.CONTRACT_ID.require("id", definition.contractId());
        Limit.PARTY_ID.require("insurer", definition.insurer());
        Limit.PARTY_ID.require("vendor", definition.vendor());
        currencyDigits("currency", definition.currency());
        if (definition.hospitals().size() > MAX_CONTRACT_HOSPITALS) {
            throw new InvalidValue("hospitals", definition.hospitals().size() + " hospitals, at most "
                    + MAX_CONTRACT_HOSPITALS);
        }
        definition.hospitals().forEach(h -> Limit.HOSPITAL_ID.require("hospitals[]", h));
        Limit.BASELINE_TABLE_ID.require("baseline.table", definition.baseline().table());
        Decimals.TERM.check("baseline.base_rate", definition.baseline().baseRate());
        Decimals.TERM.check("baseline.point_value", definition.baseline().pointValue());
        definition.baseline().institutionCoefficients().forEach((hospital, c) -> {
            Limit.HOSPITAL_ID.require("baseline.institution_coefficients", hospital);
            Decimals.TERM.check("baseline.institution_coefficients." + hospital, c);
        });
        day("effective_from", definition.effectiveFrom());
        day("effective_to", definition.effectiveTo());
    }

    public static void baselineTable(PublishBaselineTable table) {
        Limit.BASELINE_TABLE_ID.require("table", table.tableId());
        day("effective_from", table.effectiveFrom());
        Limit.SOURCE.check("source", table.source());
        if (table.entries().size() > MAX_BASELINE_ENTRIES) {
            throw new InvalidValue("entries", table.entries().size() + " groups, at most " + MAX_BASELINE_ENTRIES);
        }
        Limit code = table.kind() == BaselineKind.DIP_SCORE ? Limit.DIP_GROUP : Limit.DRG;
        for (BaselineEntry e : table.entries()) {
            code.require("code", e.code());
            Decimals.WEIGHT.check("weight of " + e.code(), e.weight());
            Limit.TITLE.check("title of " + e.code(), e.title());
            Decimals.AMOUNT.check("mean_cost of " + e.code(), e.meanCost());
        }
    }

    public static void payment(PaymentDetails payment) {
        Limit.PAYMENT_REFERENCE.require("reference", payment.reference());
        Limit.PARTY_ID.require("payer", payment.payer());
        Limit.PARTY_ID.require("payee", payment.payee());
        amount("amount", payment.amount(), currencyDigits("currency", payment.currency()));
        day("paid_on", payment.paidOn());
    }

    /** The actor and reason of a month-close step. */
    public static void step(String actor, String reason) {
        Limit.PARTY_ID.check("actor", actor);
        Limit.REASON.check("reason", reason);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
