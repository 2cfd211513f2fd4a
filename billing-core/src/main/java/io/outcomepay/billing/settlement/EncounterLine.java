package io.outcomepay.billing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One encounter as settlement sees it: its latest correction, never a voided one. As read, it
 * carries the evidence of AI use (its claim's flag and service, the vendors whose usage events name
 * it); priced by a contract ({@link CasePricing}), {@code aiAssisted} and {@code aiVendor} are that
 * contract's decision ({@link ContractParties#attribute}).
 *
 * @param drg          MS-DRG, or null
 * @param dipGroup     DIP group, or null
 * @param patient      the patient's pseudonym, or null; counts the distinct patients for a table msr
 * @param aiAssisted   as read: the claim's flag; priced: AI-assisted for the contract
 * @param payer        the payer (the claim's, else its remittance's), or null when none was named
 * @param aiService    the AI service the claim names, or null
 * @param usageVendors the vendors whose usage events name the encounter, sorted
 * @param aiVendor     priced: the vendor whose AI it counts for when a usage event or a listed service
 *                     says so; null when it is not AI-assisted or only its claim's flag says so
 */
public record EncounterLine(String encounterId, String claimId, String hospitalId, LocalDate dischargeDate,
                            String drg, BigDecimal allowedAmount, String currency, boolean aiAssisted, String dipGroup,
                            String patient, String payer, String aiService, List<String> usageVendors,
                            String aiVendor) {

    public EncounterLine {
        usageVendors = usageVendors == null ? List.of() : List.copyOf(usageVendors);
    }

    public EncounterLine(String encounterId, String claimId, String hospitalId, LocalDate dischargeDate, String drg,
                         BigDecimal allowedAmount, String currency, boolean aiAssisted, String dipGroup, String patient) {
        this(encounterId, claimId, hospitalId, dischargeDate, drg, allowedAmount, currency, aiAssisted, dipGroup, patient,
                null, null, List.of(), null);
    }

    public EncounterLine(String encounterId, String claimId, String hospitalId, LocalDate dischargeDate, String drg,
                         BigDecimal allowedAmount, String currency, boolean aiAssisted) {
        this(encounterId, claimId, hospitalId, dischargeDate, drg, allowedAmount, currency, aiAssisted, null, null);
    }

    /** The line as a contract decided it: AI-assisted for it or not, and for which vendor. */
    public EncounterLine attributed(boolean assisted, String vendor) {
        return new EncounterLine(encounterId, claimId, hospitalId, dischargeDate, drg, allowedAmount, currency, assisted,
                dipGroup, patient, payer, aiService, usageVendors, vendor);
    }
}
