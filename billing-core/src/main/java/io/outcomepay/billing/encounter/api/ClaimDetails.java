package io.outcomepay.billing.encounter.api;

import io.outcomepay.billing.settlement.Fingerprint;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A normalized institutional claim. The patient appears only as a keyed pseudonym. Amounts are in
 * {@code currency} at its scale.
 *
 * @param drg       the MS-DRG, or null for a claim grouped by DIP only
 * @param aiService the AI service that assisted the encounter, or null when none did
 * @param dipGroup  the Chinese DIP group (按病种分值付费), or null
 */
public record ClaimDetails(String claimId, String hospitalId, String patientPseudonym, LocalDate admitDate,
                           LocalDate dischargeDate, String drg, String principalDx, BigDecimal billedAmount,
                           BigDecimal allowedAmount, BigDecimal paidAmount, String currency, String aiService,
                           boolean aiAssisted, String dipGroup, String payerId) {

    public ClaimDetails(String claimId, String hospitalId, String patientPseudonym, LocalDate admitDate,
                        LocalDate dischargeDate, String drg, String principalDx, BigDecimal billedAmount,
                        BigDecimal allowedAmount, BigDecimal paidAmount, String currency, String aiService,
                        boolean aiAssisted) {
        this(claimId, hospitalId, patientPseudonym, admitDate, dischargeDate, drg, principalDx, billedAmount,
                allowedAmount, paidAmount, currency, aiService, aiAssisted, null, null);
    }

    public ClaimDetails(String claimId, String hospitalId, String patientPseudonym, LocalDate admitDate,
                        LocalDate dischargeDate, String drg, String principalDx, BigDecimal billedAmount,
                        BigDecimal allowedAmount, BigDecimal paidAmount, String currency, String aiService,
                        boolean aiAssisted, String dipGroup) {
        this(claimId, hospitalId, patientPseudonym, admitDate, dischargeDate, drg, principalDx, billedAmount,
                allowedAmount, paidAmount, currency, aiService, aiAssisted, dipGroup, null);
    }

    /** The same claim with this payer (an insurer's id, as a contract's {@code payers} name it), or none. */
    public ClaimDetails withPayer(String payer) {
        return new ClaimDetails(claimId, hospitalId, patientPseudonym, admitDate, dischargeDate, drg, principalDx,
                billedAmount, allowedAmount, paidAmount, currency, aiService, aiAssisted, dipGroup, payer);
    }

    /** SHA-256 of every field: the same claim sent twice has the same content hash. */
    public String contentSha256() {
        return Fingerprint.sha256(String.join("|", claimId, hospitalId, patientPseudonym, admitDate.toString(),
                dischargeDate.toString(), nullToEmpty(drg), nullToEmpty(principalDx), billedAmount.toPlainString(),
                allowedAmount.toPlainString(), paidAmount.toPlainString(), currency, nullToEmpty(aiService),
                Boolean.toString(aiAssisted)) + (dipGroup == null ? "" : "|dip:" + dipGroup)
                + (payerId == null ? "" : "|payer:" + payerId));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
