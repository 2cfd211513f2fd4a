package io.outcomepay.billing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One encounter as settlement sees it: its latest correction, never a voided one.
 *
 * @param drg      MS-DRG, or null
 * @param dipGroup DIP group, or null
 * @param patient  the patient's pseudonym, or null; counts the distinct patients for a table msr
 */
public record EncounterLine(String encounterId, String claimId, String hospitalId, LocalDate dischargeDate,
                            String drg, BigDecimal allowedAmount, String currency, boolean aiAssisted, String dipGroup,
                            String patient) {

    public EncounterLine(String encounterId, String claimId, String hospitalId, LocalDate dischargeDate, String drg,
                         BigDecimal allowedAmount, String currency, boolean aiAssisted) {
        this(encounterId, claimId, hospitalId, dischargeDate, drg, allowedAmount, currency, aiAssisted, null, null);
    }
}
