package io.outcomepay.billing.encounter.api;

import io.outcomepay.billing.settlement.Fingerprint;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A normalized institutional claim. The patient appears only as a keyed pseudonym. Amounts are in
 * {@code currency} at its scale.
 *
 * @param aiService the AI service that assisted the encounter, or null when none did
 */
public record ClaimDetails(String claimId, String hospitalId, String patientPseudonym, LocalDate admitDate,
                           LocalDate dischargeDate, String drg, String principalDx, BigDecimal billedAmount,
                           BigDecimal allowedAmount, BigDecimal paidAmount, String currency, String aiService,
                           boolean aiAssisted) {

    /** SHA-256 of every field: the same claim sent twice has the same content hash. */
    public String contentSha256() {
        return Fingerprint.sha256(String.join("|", claimId, hospitalId, patientPseudonym, admitDate.toString(),
                dischargeDate.toString(), drg, nullToEmpty(principalDx), billedAmount.toPlainString(),
                allowedAmount.toPlainString(), paidAmount.toPlainString(), currency, nullToEmpty(aiService),
                Boolean.toString(aiAssisted)));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
