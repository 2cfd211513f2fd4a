package io.outcomepay.billing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One encounter as settlement sees it: its latest correction, never a voided one. */
public record EncounterLine(String encounterId, String claimId, String hospitalId, LocalDate dischargeDate,
                            String drg, BigDecimal allowedAmount, String currency, boolean aiAssisted) {
}
