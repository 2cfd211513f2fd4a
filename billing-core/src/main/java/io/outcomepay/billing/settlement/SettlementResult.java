package io.outcomepay.billing.settlement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The outcome of settling one contract month: the total, one row per contract hospital, every
 * excluded encounter with its reason, the calculation trace and the SHA-256 fingerprint of
 * canonical inputs, terms and results. Amounts are at the currency's scale.
 */
public record SettlementResult(String contractId, int contractVersion, String period, String currency,
                               String baselineTable, int baselineTableVersion,
                               int inPeriod, int notEligible,
                               Row total, List<Row> hospitals, List<Exclusion> exclusions,
                               List<TraceStep> trace, String fingerprint, BigDecimal qualityScore,
                               List<Payment> payments) {

    public SettlementResult {
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    /**
     * Who pays whom: on savings the insurer pays the hospital's and each vendor's share (it keeps
     * its own); on a shared loss the hospital and each vendor pay the insurer their share.
     */
    public record Payment(String payer, String payee, BigDecimal amount) {
    }

    /**
     * Totals and the pool split for the whole contract (hospitalId TOTAL) or for one hospital. A
     * negative pool is a shared loss: each party's negative amount is what it pays.
     *
     * @param vendor  all vendors together
     * @param vendors each vendor's part, in the contract's order
     */
    public record Row(String hospitalId, int encounters, int excluded, BigDecimal baselineTotal,
                      BigDecimal actualTotal, BigDecimal savings, BigDecimal savingsRate, BigDecimal pool,
                      BigDecimal insurer, BigDecimal hospital, BigDecimal vendor, Map<String, BigDecimal> vendors) {
        public Row {
            vendors = vendors == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vendors));
        }
    }

    /** An eligible encounter left out of the totals, and why. */
    public record Exclusion(String encounterId, String claimId, String hospitalId, String drg,
                            ExclusionReason reason, String detail) {
    }

    public enum ExclusionReason {
        /** actual / baseline below the contract's low bound. */
        LOW_OUTLIER,
        /** actual / baseline above the contract's high bound. */
        HIGH_OUTLIER,
        /** DRG with weight 0 (ungroupable), so no baseline exists. */
        UNGROUPABLE,
        /** DRG missing from the baseline table version in force. */
        DRG_NOT_IN_TABLE,
        /** Claim in another currency than the contract's: never converted silently. */
        CURRENCY_MISMATCH,
        /** actual / baseline above the contract's review ratio: left for expert review. */
        EXPERT_REVIEW,
        /** names no payer at a hospital another insurer's contract also covers this month: no contract counts it. */
        PAYER_UNKNOWN
    }

    /** One step of the calculation as an auditor reads it: its formula, the inputs it names and its value. */
    public record TraceStep(String name, String formula, Map<String, String> inputs, String value) {
        public TraceStep {
            inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(inputs));
        }
    }
}
