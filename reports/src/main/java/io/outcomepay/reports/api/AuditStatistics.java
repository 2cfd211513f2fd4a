package io.outcomepay.reports.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The auditor's statistics of a contract month as the audit pack prints them.
 *
 * @param aiDifference        null when the AI effect could not be estimated (see aiUnavailable)
 * @param drift               case-mix index per hospital against the reference month
 * @param topGroups           the groups that saved most
 */
public record AuditStatistics(BigDecimal savingsRate, BigDecimal savingsLow, BigDecimal savingsHigh,
                              BigDecimal probabilityAboveMsr, BigDecimal msr, int encounters, int resamples, long seed,
                              BigDecimal aiDifference, BigDecimal aiLow, BigDecimal aiHigh, int aiStrata,
                              String aiUnavailable, String referencePeriod, List<Drift> drift, List<TopGroup> topGroups) {

    public AuditStatistics {
        drift = List.copyOf(drift);
        topGroups = List.copyOf(topGroups);
    }

    public record Drift(String hospitalId, BigDecimal referenceCmi, BigDecimal currentCmi, BigDecimal cmiChange,
                        BigDecimal costChange, boolean flagged) {
    }

    public record TopGroup(String group, int encounters, BigDecimal savings) {
    }
}
