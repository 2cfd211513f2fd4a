package io.outcomepay.reports.api;

import java.math.BigDecimal;

/**
 * One encounter line as a report shows it: the patient only pseudonymized, the group, its weight,
 * the baseline and actual amounts, its status in the settlement and its flags (outlier adjustment,
 * corrections).
 */
public record LineRow(String encounterId, String claimId, String hospitalId, String patient, String group,
                      BigDecimal weight, BigDecimal baseline, BigDecimal actual, String status, String flags) {
}
